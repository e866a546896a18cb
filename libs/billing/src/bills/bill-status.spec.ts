import { describe, expect, it } from '@jest/globals';
import { BillStatus } from '../billing.enum.js';
import { billStatusOn, outstandingOf } from './bill-status.js';

describe('a bill as read', () => {
  it('is OVERDUE when ISSUED and its due date has passed, ISSUED up to that day', () => {
    expect(billStatusOn('ISSUED', '2026-03-15', '2026-03-14')).toBe(BillStatus.ISSUED);
    expect(billStatusOn('ISSUED', '2026-03-15', '2026-03-15')).toBe(BillStatus.ISSUED);
    expect(billStatusOn('ISSUED', '2026-03-15', '2026-03-16')).toBe(BillStatus.OVERDUE);
  });

  it('keeps PAID and VOID whatever the day', () => {
    expect(billStatusOn('PAID', '2026-03-15', '2027-01-01')).toBe(BillStatus.PAID);
    expect(billStatusOn('VOID', '2026-03-15', '2027-01-01')).toBe(BillStatus.VOID);
  });

  it('owes total − paid, and nothing on a VOID bill', () => {
    expect(outstandingOf({ recordStatus: 'ISSUED', total: '1000.00', paid: '250.50' })).toBe(
      '749.50',
    );
    expect(outstandingOf({ recordStatus: 'PAID', total: '10.00', paid: '10.00' })).toBe('0.00');
    expect(outstandingOf({ recordStatus: 'VOID', total: '1000.00', paid: '0.00' })).toBe('0.00');
  });
});
