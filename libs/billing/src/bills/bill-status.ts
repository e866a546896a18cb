import { Decimal } from 'decimal.js';
import { BillStatus, type StoredBillStatus } from '../billing.enum.js';

/** A bill as stored: VOID and PAID are kept; ISSUED past its due date reads OVERDUE. */
export function billStatusOn(stored: StoredBillStatus, dueOn: string, today: string): BillStatus {
  if (stored === 'VOID') return BillStatus.VOID;
  if (stored === 'PAID') return BillStatus.PAID;
  return dueOn < today ? BillStatus.OVERDUE : BillStatus.ISSUED;
}

/** What is still to be paid: nothing on a VOID bill, which counts nothing. */
export function outstandingOf(bill: {
  recordStatus: StoredBillStatus;
  total: string;
  paid: string;
}): string {
  if (bill.recordStatus === 'VOID') return '0.00';
  return new Decimal(bill.total).minus(bill.paid).toFixed(2);
}
