import { describe, expect, it } from '@jest/globals';
import {
  formatDateTime,
  isIsoDate,
  isOverdue,
  nextMonth,
  reportableMonths,
  reportDueOn,
  todayInShanghai,
} from './dates';

describe('the park’s dates', () => {
  it('takes today in Asia/Shanghai, whatever the browser’s zone', () => {
    // 16:30 UTC on 31 December is already 1 January in Lüliang.
    expect(todayInShanghai(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(todayInShanghai(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(formatDateTime('2026-03-14T23:05:00Z')).toBe('2026-03-15 07:05');
  });

  it('offers the months a firm was resident, none that has not begun, newest first', () => {
    expect(reportableMonths('2025-11-20', null, '2026-02-03')).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
    ]);
    // A firm that left reports up to the month it left.
    expect(reportableMonths('2025-03-01', '2025-05-10', '2026-02-03')).toEqual([
      '2025-05',
      '2025-04',
      '2025-03',
    ]);
    // A firm entering later this month: its first month has begun.
    expect(reportableMonths('2026-02-28', null, '2026-02-03')).toEqual(['2026-02']);
    // One entering next month has nothing to report yet.
    expect(reportableMonths('2026-03-01', null, '2026-02-03')).toEqual([]);
  });

  it('dates a report due on the 15th of the next month, overdue after it', () => {
    expect(reportDueOn('2025-12')).toBe('2026-01-15');
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(isOverdue('2025-12', '2026-01-15')).toBe(false);
    expect(isOverdue('2025-12', '2026-01-16')).toBe(true);
  });

  it('knows a real calendar date', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});
