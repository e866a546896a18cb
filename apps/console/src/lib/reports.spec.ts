import { describe, expect, it } from '@jest/globals';
import {
  actionOf,
  AttemptKeys,
  defaultPeriod,
  formValuesOf,
  isCountText,
  type LatestReport,
  localizeProblem,
  monthOverdue,
  monthRows,
  submitInputOf,
} from './reports';
import { reportableMonths } from './dates';

const figures = {
  outputValue: '1234567.80',
  revenue: '1000000.00',
  rdExpense: '88000.50',
  employees: 42,
  patentsFiled: 3,
  patentsGranted: 1,
};
const report = (period: string, status: LatestReport['status'], revision = 1): LatestReport => ({
  id: `${period}-${revision}`,
  period,
  revision,
  status,
  reviewNote: status === 'RETURNED' ? '产值与营业收入不符，请核对。' : null,
  ...figures,
});

describe('monthRows', () => {
  const today = '2026-12-02';
  const months = reportableMonths('2026-07-20', null, today);
  const rows = monthRows(
    months,
    [
      report('2026-07', 'ACCEPTED'),
      report('2026-08', 'RETURNED'),
      report('2026-08', 'SUBMITTED', 2),
      report('2026-09', 'SUBMITTED'),
      report('2026-10', 'RETURNED'),
      report('2025-01', 'ACCEPTED'), // not a reportable month of this firm: left out
    ],
    today,
  );

  it('lists every reportable month, newest first, with its latest revision', () => {
    expect(rows.map((r) => r.period)).toEqual([
      '2026-12',
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
    ]);
    expect(rows.map((r) => r.state)).toEqual([
      'NOT_REPORTED',
      'NOT_REPORTED',
      'RETURNED',
      'SUBMITTED',
      'SUBMITTED',
      'ACCEPTED',
    ]);
    expect(rows[4].report?.revision).toBe(2);
    expect(rows[0].report).toBeNull();
    expect(rows[1].dueOn).toBe('2026-12-15');
  });

  it('marks overdue the months past their due day with no SUBMITTED or ACCEPTED revision', () => {
    // 2026-11 is due 2026-12-15 (not yet); 2026-10 was due 2026-11-15 and came back RETURNED.
    expect(rows.map((r) => r.overdue)).toEqual([false, false, true, false, false, false]);
  });

  it('offers a first report, a resubmission or a correction', () => {
    expect(rows.map((r) => r.action)).toEqual([
      'REPORT',
      'REPORT',
      'RESUBMIT',
      'CORRECT',
      'CORRECT',
      'CORRECT',
    ]);
    expect(actionOf('ACCEPTED')).toBe('CORRECT');
  });

  it('opens the form on the newest month waiting for the firm', () => {
    expect(defaultPeriod(rows)).toBe('2026-12');
    expect(defaultPeriod(rows.slice(2))).toBe('2026-10');
    expect(defaultPeriod(rows.slice(3))).toBeUndefined();
  });
});

describe('monthOverdue', () => {
  it('is due by the 15th of the next month, inclusive', () => {
    expect(monthOverdue('2026-11', 'NOT_REPORTED', '2026-12-15')).toBe(false);
    expect(monthOverdue('2026-11', 'NOT_REPORTED', '2026-12-16')).toBe(true);
    expect(monthOverdue('2026-11', 'RETURNED', '2026-12-16')).toBe(true);
    expect(monthOverdue('2026-11', 'SUBMITTED', '2027-03-01')).toBe(false);
    expect(monthOverdue('2026-11', 'ACCEPTED', '2027-03-01')).toBe(false);
  });

  it('counts from 2025-01, when reporting began', () => {
    expect(monthOverdue('2024-12', 'NOT_REPORTED', '2026-12-02')).toBe(false);
    expect(monthOverdue('2025-01', 'NOT_REPORTED', '2026-12-02')).toBe(true);
  });
});

describe('the form values and the mutation input', () => {
  it('prefills the figures of a revision as text', () => {
    expect(formValuesOf(figures)).toEqual({
      outputValue: '1234567.80',
      revenue: '1000000.00',
      rdExpense: '88000.50',
      employees: '42',
      patentsFiled: '3',
      patentsGranted: '1',
    });
  });

  it('sends money as exact two-decimal strings and counts as integers', () => {
    const input = submitInputOf(
      {
        period: '2026-11',
        outputValue: ' 12345678901.5 ',
        revenue: '0',
        rdExpense: '0.07',
        employees: '12',
        patentsFiled: '0',
        patentsGranted: '2147483647',
      },
      'tenant-1',
    );
    expect(input).toEqual({
      tenantId: 'tenant-1',
      period: '2026-11',
      outputValue: '12345678901.50',
      revenue: '0.00',
      rdExpense: '0.07',
      employees: 12,
      patentsFiled: 0,
      patentsGranted: 2147483647,
    });
    // Thirteen digits stay exact (a float would not).
    expect(
      submitInputOf(
        { ...formValuesOf(figures), period: '2026-11', outputValue: '9999999999999.99' },
        't',
      ).outputValue,
    ).toBe('9999999999999.99');
  });

  it('refuses to send what the form checks refuse', () => {
    const ok = { ...formValuesOf(figures), period: '2026-11' };
    expect(() => submitInputOf({ ...ok, outputValue: '-5' }, 't')).toThrow(/outputValue/);
    expect(() => submitInputOf({ ...ok, revenue: '1.234' }, 't')).toThrow(/revenue/);
    expect(() => submitInputOf({ ...ok, employees: '1.5' }, 't')).toThrow(/employees/);
    expect(() => submitInputOf({ ...ok, period: undefined }, 't')).toThrow(/period/);
  });

  it('takes counts from 0 to the largest integer the API stores', () => {
    expect(isCountText('0')).toBe(true);
    expect(isCountText('2147483647')).toBe(true);
    expect(isCountText('2147483648')).toBe(false);
    expect(isCountText('-1')).toBe(false);
    expect(isCountText('3.0')).toBe(false);
    expect(isCountText('')).toBe(false);
  });
});

describe('AttemptKeys', () => {
  const input = submitInputOf({ ...formValuesOf(figures), period: '2026-11' }, 't');
  it('keeps the key while the same input is sent again, and makes a new one otherwise', () => {
    let n = 0;
    const keys = new AttemptKeys(() => `key-${++n}`);
    expect(keys.keyFor(input)).toBe('key-1');
    expect(keys.keyFor({ ...input })).toBe('key-1');
    expect(keys.keyFor({ ...input, employees: 43 })).toBe('key-2');
    keys.done();
    expect(keys.keyFor({ ...input, employees: 43 })).toBe('key-3');
  });
});

describe('localizeProblem', () => {
  it('says the API’s known report messages in Chinese', () => {
    expect(localizeProblem('outputValue must be at most 999999999999.99', 'zh-CN')).toBe(
      '不得超过 999999999999.99',
    );
    expect(localizeProblem('revenue must be at least 0', 'zh-CN')).toBe('不得小于 0');
    expect(localizeProblem('rdExpense must have at most 2 decimal places', 'zh-CN')).toBe(
      '最多保留 2 位小数',
    );
    expect(localizeProblem('2027-01 has not begun yet', 'zh-CN')).toBe(
      '2027-01 尚未开始，不能填报',
    );
    expect(
      localizeProblem('2024-12 is before the firm entered the park (2025-03-02)', 'zh-CN'),
    ).toBe('2024-12 早于企业入驻日期（2025-03-02），不能填报');
  });

  it('keeps any other message, and English as the API wrote it', () => {
    expect(localizeProblem('something new', 'zh-CN')).toBe('something new');
    expect(localizeProblem('outputValue must be at most 999999999999.99', 'en')).toBe(
      'outputValue must be at most 999999999999.99',
    );
  });
});
