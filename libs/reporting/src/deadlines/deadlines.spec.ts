import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addMonths, periodsBetween } from '../periods.js';
import { ReportStatus } from '../reports/report-status.enum.js';
import {
  dueDateOf,
  isReceived,
  lastMonthDueBefore,
  monthsDue,
  overdueMonths,
  REPORTING_SINCE,
  residentIn,
} from './deadlines.js';

const day = fc
  .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2028-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const period = fc
  .tuple(fc.integer({ min: 2023, max: 2028 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

describe('dueDateOf', () => {
  it('is the 15th of the next month, across a year end', () => {
    expect(dueDateOf('2026-02')).toBe('2026-03-15');
    expect(dueDateOf('2025-12')).toBe('2026-01-15');
  });
});

describe('lastMonthDueBefore', () => {
  it('moves on the 16th: on the 15th last month is still on time', () => {
    expect(lastMonthDueBefore('2026-03-14')).toBe('2026-01');
    expect(lastMonthDueBefore('2026-03-15')).toBe('2026-01');
    expect(lastMonthDueBefore('2026-03-16')).toBe('2026-02');
    expect(lastMonthDueBefore('2026-01-16')).toBe('2025-12');
    expect(lastMonthDueBefore('2026-01-01')).toBe('2025-11');
  });

  it('agrees with dueDateOf: its month is due before asOf, the next one is not', () => {
    fc.assert(
      fc.property(day, (asOf) => {
        const last = lastMonthDueBefore(asOf);
        expect(dueDateOf(last) < asOf).toBe(true);
        expect(dueDateOf(addMonths(last, 1)) < asOf).toBe(false);
      }),
    );
  });
});

describe('residentIn', () => {
  const t = { enteredOn: '2025-03-20', exitedOn: '2025-08-01' };
  it('counts the entry month and the exit month, nothing outside', () => {
    expect(residentIn('2025-02', t)).toBe(false);
    expect(residentIn('2025-03', t)).toBe(true);
    expect(residentIn('2025-08', t)).toBe(true);
    expect(residentIn('2025-09', t)).toBe(false);
    expect(residentIn('2030-01', { enteredOn: '2025-03-20', exitedOn: null })).toBe(true);
  });
});

describe('monthsDue', () => {
  it('runs from the entry month (not before REPORTING_SINCE) to the last month due', () => {
    expect(monthsDue({ enteredOn: '2025-10-31', exitedOn: null }, '2026-01-16')).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    expect(monthsDue({ enteredOn: '2020-05-01', exitedOn: null }, '2025-03-16')).toEqual([
      REPORTING_SINCE,
      '2025-02',
    ]);
    expect(monthsDue({ enteredOn: '2026-01-05', exitedOn: null }, '2026-02-15')).toEqual([]);
  });

  it('stops at the exit month', () => {
    expect(monthsDue({ enteredOn: '2025-01-01', exitedOn: '2025-03-02' }, '2026-01-01')).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
  });

  it('holds only months of residence, due before asOf, and grows with asOf', () => {
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: null }), (a, b, exit) => {
        const [asOf, later] = [a, b].sort();
        const enteredOn = '2025-02-10';
        const t = { enteredOn, exitedOn: exit && exit >= enteredOn ? exit : null };
        const due = monthsDue(t, asOf);
        for (const p of due) {
          expect(residentIn(p, t)).toBe(true);
          expect(dueDateOf(p) < asOf).toBe(true);
          expect(p >= REPORTING_SINCE).toBe(true);
        }
        const dueLater = monthsDue(t, later);
        expect(due.every((p) => dueLater.includes(p))).toBe(true);
      }),
    );
  });
});

describe('overdueMonths', () => {
  const t = { enteredOn: '2025-11-03', exitedOn: null };
  const statuses: Record<string, ReportStatus> = {
    '2025-11': ReportStatus.ACCEPTED,
    '2025-12': ReportStatus.RETURNED,
    '2026-01': ReportStatus.SUBMITTED,
  };
  const of = (p: string) => statuses[p];

  it('counts returned and missing months whose due date has passed', () => {
    expect(overdueMonths(t, '2026-02-15', of)).toEqual(['2025-12']);
    expect(overdueMonths(t, '2026-02-16', of)).toEqual(['2025-12']);
    expect(overdueMonths(t, '2026-03-16', of)).toEqual(['2025-12', '2026-02']);
  });

  it('is empty when every due month is received, whatever asOf', () => {
    fc.assert(
      fc.property(
        day,
        fc.constantFrom(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED),
        (asOf, s) => {
          expect(overdueMonths(t, asOf, () => s)).toEqual([]);
          expect(isReceived(s)).toBe(true);
        },
      ),
    );
  });

  it('with nothing received, is every month due', () => {
    fc.assert(
      fc.property(day, period, (asOf, p) => {
        const tenant = { enteredOn: `${p}-01`, exitedOn: null };
        expect(overdueMonths(tenant, asOf, () => undefined)).toEqual(monthsDue(tenant, asOf));
        expect(monthsDue(tenant, asOf)).toEqual(
          periodsBetween([p, REPORTING_SINCE].sort()[1], lastMonthDueBefore(asOf)),
        );
      }),
    );
  });
});
