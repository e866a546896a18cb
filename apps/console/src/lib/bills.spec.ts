import { describe, expect, it } from '@jest/globals';
import {
  amountInWords,
  BILL_LINE_KINDS,
  BILL_STATUS_TONES,
  BILL_STATUSES,
  billMonths,
  billsFileName,
  billYears,
  daysOverdue,
  daysText,
  defaultBillMonth,
  linesTotal,
  mayBill,
  mayRecordPayment,
  mayVoid,
  monthFromQuery,
  paidOnProblem,
  paymentAmountProblem,
  previousMonth,
  textProblem,
  unitLabel,
  wholeMonth,
} from './bills';

describe('an amount in words (人民币大写)', () => {
  it.each([
    ['1234.50', '壹仟贰佰叁拾肆元伍角'],
    ['0.00', '零元整'],
    ['0', '零元整'],
    ['100000000.07', '壹亿元零柒分'],
    ['10.00', '壹拾元整'],
    ['1005.00', '壹仟零伍元整'],
    ['1010.10', '壹仟零壹拾元壹角'],
    ['100010.00', '壹拾万零壹拾元整'],
    ['0.05', '伍分'],
    ['0.50', '伍角'],
    ['0.55', '伍角伍分'],
    ['1.00', '壹元整'],
    ['1', '壹元整'],
    ['15.00', '壹拾伍元整'],
    ['20.00', '贰拾元整'],
    ['100.00', '壹佰元整'],
    ['105.00', '壹佰零伍元整'],
    ['110.00', '壹佰壹拾元整'],
    ['1409.50', '壹仟肆佰零玖元伍角'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    ['107000.53', '壹拾万柒仟元伍角叁分'],
    ['10000.00', '壹万元整'],
    ['10001.00', '壹万零壹元整'],
    ['10100.00', '壹万零壹佰元整'],
    ['11000.00', '壹万壹仟元整'],
    ['200000.00', '贰拾万元整'],
    ['1000000.00', '壹佰万元整'],
    ['1000001.01', '壹佰万零壹元零壹分'],
    ['12345678.90', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角'],
    ['100000000.00', '壹亿元整'],
    ['100000001.00', '壹亿零壹元整'],
    ['100100000.00', '壹亿零壹拾万元整'],
    ['105000000.00', '壹亿零伍佰万元整'],
    ['110000000.00', '壹亿壹仟万元整'],
    ['1000000000000.00', '壹万亿元整'],
    ['99999999999999.99', '玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['18630.00', '壹万捌仟陆佰叁拾元整'],
  ])('%s → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('rounds half up to the fen, and says 负 for a negative amount', () => {
    expect(amountInWords('0.005')).toBe('壹分');
    expect(amountInWords('0.004')).toBe('零元整');
    expect(amountInWords('9.995')).toBe('壹拾元整');
    expect(amountInWords('-350.00')).toBe('负叁佰伍拾元整');
    expect(amountInWords(' 12.30 ')).toBe('壹拾贰元叁角');
  });

  it('refuses what is not a decimal number', () => {
    for (const bad of ['', 'abc', '1,000.00', '1e5', '¥10']) {
      expect(() => amountInWords(bad)).toThrow();
    }
  });

  it('never writes two 零 together nor ends on 零', () => {
    for (const amount of ['1000.01', '1001001.00', '100000010.10', '10000000000.00', '1000.10']) {
      const words = amountInWords(amount);
      expect(words).not.toMatch(/零零/);
      expect(words).not.toMatch(/零[元万亿整]|零$/);
    }
  });
});

describe('bill statuses and lines', () => {
  it('are the API’s, each with a colour', () => {
    expect([...BILL_STATUSES].sort()).toEqual(['ISSUED', 'OVERDUE', 'PAID', 'VOID']);
    expect(Object.keys(BILL_STATUS_TONES).sort()).toEqual([...BILL_STATUSES].sort());
    expect(BILL_STATUS_TONES.OVERDUE).toBe('danger');
    expect(BILL_STATUS_TONES.PAID).toBe('success');
    expect(BILL_LINE_KINDS).toEqual(['RENT', 'PROPERTY_FEE', 'RENT_RELIEF']);
  });

  it('writes the days d/D a line covers', () => {
    expect(daysText(15, 30)).toBe('15/30');
    expect(wholeMonth(31, 31)).toBe(true);
    expect(wholeMonth(30, 31)).toBe(false);
    expect(unitLabel({ code: 'A-101', building: { name: '创新大厦' } })).toBe('创新大厦 A-101');
  });

  it('adds the lines of a kind exactly, the relief as a positive amount', () => {
    const lines = [
      { kind: 'RENT' as const, amount: '6000.00' },
      { kind: 'PROPERTY_FEE' as const, amount: '300.10' },
      { kind: 'RENT_RELIEF' as const, amount: '-3000.00' },
      { kind: 'RENT' as const, amount: '0.20' },
      { kind: 'RENT_RELIEF' as const, amount: '-0.10' },
    ];
    expect(linesTotal(lines, 'RENT')).toBe('6000.20');
    expect(linesTotal(lines, 'PROPERTY_FEE')).toBe('300.10');
    expect(linesTotal(lines, 'RENT_RELIEF')).toBe('3000.10');
    expect(linesTotal([], 'RENT_RELIEF')).toBe('0.00');
  });

  it('takes payments on a bill still owing, and voids one nothing was paid on', () => {
    expect(mayRecordPayment({ status: 'ISSUED', outstanding: '10.00' })).toBe(true);
    expect(mayRecordPayment({ status: 'OVERDUE', outstanding: '0.01' })).toBe(true);
    expect(mayRecordPayment({ status: 'PAID', outstanding: '0.00' })).toBe(false);
    expect(mayRecordPayment({ status: 'VOID', outstanding: '10.00' })).toBe(false);
    expect(mayRecordPayment({ status: 'ISSUED', outstanding: '0.00' })).toBe(false);
    expect(mayVoid({ status: 'ISSUED', paid: '0.00' })).toBe(true);
    expect(mayVoid({ status: 'OVERDUE', paid: '0' })).toBe(true);
    expect(mayVoid({ status: 'ISSUED', paid: '0.01' })).toBe(false);
    expect(mayVoid({ status: 'VOID', paid: '0.00' })).toBe(false);
  });

  it('counts the days past due', () => {
    expect(daysOverdue('2026-11-15', '2026-11-15')).toBe(0);
    expect(daysOverdue('2026-11-15', '2026-11-10')).toBe(0);
    expect(daysOverdue('2026-11-15', '2026-12-02')).toBe(17);
    expect(daysOverdue('2024-02-15', '2024-03-15')).toBe(29);
  });
});

describe('the months of bills', () => {
  it('opens on last month', () => {
    expect(defaultBillMonth('2026-12-02')).toBe('2026-11');
    expect(defaultBillMonth('2026-01-01')).toBe('2025-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('offers every month from the first billed one up to next month, newest first', () => {
    const months = billMonths('2026-12-02', '2026-09');
    expect(months).toEqual(['2027-01', '2026-12', '2026-11', '2026-10', '2026-09']);
    expect(billMonths('2026-12-02')[0]).toBe('2027-01');
    expect(billMonths('2026-12-02').at(-1)).toBe('2025-01');
  });

  it('bills a month up to next month, never later', () => {
    expect(mayBill('2026-11', '2026-12-02')).toBe(true);
    expect(mayBill('2027-01', '2026-12-02')).toBe(true);
    expect(mayBill('2027-02', '2026-12-02')).toBe(false);
    expect(mayBill('2026-13', '2026-12-02')).toBe(false);
    expect(mayBill('2026-1', '2026-12-02')).toBe(false);
  });

  it('reads the month of the address, or opens on last month', () => {
    expect(monthFromQuery('2026-03', '2026-12-02')).toBe('2026-03');
    expect(monthFromQuery('2027-05', '2026-12-02')).toBe('2026-11');
    expect(monthFromQuery('nonsense', '2026-12-02')).toBe('2026-11');
    expect(monthFromQuery(null, '2026-12-02')).toBe('2026-11');
  });

  it('offers a firm the years since it entered, with next month’s year', () => {
    expect(billYears('2025-03-10', '2026-06-01')).toEqual([2026, 2025]);
    expect(billYears('2025-03-10', '2026-12-02')).toEqual([2027, 2026, 2025]);
    expect(billYears('2027-03-01', '2026-06-01')).toEqual([2026]);
  });
});

describe('a payment and a voiding before they are sent', () => {
  it('takes an amount of money, more than 0, not more than is owed', () => {
    expect(paymentAmountProblem('', '100.00')).toBe('required');
    expect(paymentAmountProblem('12.345', '100.00')).toBe('format');
    expect(paymentAmountProblem('1,000', '100.00')).toBe('format');
    expect(paymentAmountProblem('0', '100.00')).toBe('positive');
    expect(paymentAmountProblem('100.01', '100.00')).toBe('tooMuch');
    expect(paymentAmountProblem('100.00', '100.00')).toBeNull();
    expect(paymentAmountProblem(' 0.01 ', '100.00')).toBeNull();
  });

  it('takes a real date, not after today', () => {
    expect(paidOnProblem('', '2026-12-02')).toBe('required');
    expect(paidOnProblem('2026-02-30', '2026-12-02')).toBe('format');
    expect(paidOnProblem('2026-12-03', '2026-12-02')).toBe('future');
    expect(paidOnProblem('2026-12-02', '2026-12-02')).toBeNull();
    expect(paidOnProblem('2025-01-31', '2026-12-02')).toBeNull();
  });

  it('takes a reference and a reason of 1 to their most characters, trimmed', () => {
    expect(textProblem('   ', 200)).toBe('required');
    expect(textProblem(undefined, 200)).toBe('required');
    expect(textProblem('x'.repeat(200), 200)).toBeNull();
    expect(textProblem(` ${'x'.repeat(200)} `, 200)).toBeNull();
    expect(textProblem('x'.repeat(201), 200)).toBe('tooLong');
    expect(textProblem('重复出账', 500)).toBeNull();
  });
});

describe('the month’s workbook', () => {
  it('is saved under the API’s name, made safe, ending .xlsx', () => {
    expect(billsFileName('bills-2026-11.xlsx', '2026-11')).toBe('bills-2026-11.xlsx');
    expect(billsFileName('../../etc/账单 2026-11', '2026-11')).toBe('账单 2026-11.xlsx');
    expect(billsFileName('a<b>:c.XLSX', '2026-11')).toBe('abc.XLSX');
    expect(billsFileName('', '2026-11')).toBe('bills-2026-11.xlsx');
    expect(billsFileName(null, '2026-11')).toBe('bills-2026-11.xlsx');
    expect(billsFileName('...', '2026-11')).toBe('bills-2026-11.xlsx');
  });
});
