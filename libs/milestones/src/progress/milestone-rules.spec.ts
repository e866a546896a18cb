import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import {
  completeMonths,
  countedMonths,
  countForecast,
  countingWindow,
  daysInYear,
  elapsedDays,
  evaluateCount,
  evaluateOutput,
  milestoneStatus,
  outputForecast,
  progressRatio,
  snapshotYears,
  statusRank,
  statusWorsened,
} from './milestone-rules.js';
import { MilestoneStatus as S } from './milestone-status.enum.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** Any day from 2019 to 2031, around the years the properties use. */
const anyDay = fc
  .date({
    min: new Date('2019-01-01T00:00:00Z'),
    max: new Date('2031-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(iso);
const anyYear = fc.integer({ min: 2020, max: 2030 });
const count = fc.integer({ min: 0, max: 500 }).map(String);
const countTarget = fc.integer({ min: 0, max: 300 }).map(String);
/** Money with fen, up to a billion yuan. */
const money = fc
  .bigInt({ min: 0n, max: 100_000_000_000n })
  .map((fen) => new Decimal(fen.toString()).div(100).toFixed(2));

describe('the counting window', () => {
  it('runs from 1 January to asOf within the year, to 31 December after it, and is empty before', () => {
    expect(countingWindow(2026, '2026-03-15')).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(countingWindow(2026, '2027-02-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(countingWindow(2026, '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(countingWindow(2026, '2025-12-31')).toBeNull();
  });

  it('counts 1 January as one elapsed day and a leap year as 366 days', () => {
    expect(elapsedDays(2026, '2026-01-01')).toBe(1);
    expect(elapsedDays(2026, '2026-12-31')).toBe(365);
    expect(elapsedDays(2026, '2030-06-01')).toBe(365);
    expect(elapsedDays(2026, '2025-12-31')).toBe(0);
    expect(daysInYear(2028)).toBe(366);
    expect(elapsedDays(2028, '2028-03-01')).toBe(61);
  });

  it('lists the months up to asOf month, and knows which are complete', () => {
    expect(countedMonths(2026, '2026-03-15')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(countedMonths(2026, '2027-05-01')).toHaveLength(12);
    expect(countedMonths(2026, '2025-12-31')).toEqual([]);
    expect(completeMonths(2026, '2026-03-15')).toBe(2);
    expect(completeMonths(2026, '2026-01-31')).toBe(0);
    expect(completeMonths(2026, '2026-12-31')).toBe(11);
    expect(completeMonths(2026, '2027-01-01')).toBe(12);
  });
});

describe('forecasts', () => {
  it('projects a count by the share of the year elapsed, rounded down', () => {
    // 1 July 2026 is day 182 of 365: 10 ÷ (182/365) = 20.05…
    expect(countForecast(2026, '2026-07-01', '10')).toBe('20');
    // 1 January: one day of 365 elapsed.
    expect(countForecast(2026, '2026-01-01', '1')).toBe('365');
    expect(countForecast(2026, '2026-01-01', '0')).toBe('0');
    // The last day of the year and after it, the forecast is the actual.
    expect(countForecast(2026, '2026-12-31', '37')).toBe('37');
    expect(countForecast(2026, '2027-03-01', '37')).toBe('37');
    expect(countForecast(2026, '2025-06-01', '0')).toBe('0');
  });

  it('projects the output from the complete months, or takes the actual in January', () => {
    // March: January and February are complete; their average times 12.
    expect(outputForecast(2026, '2026-03-10', '30000000.00', '21000000.00')).toBe('126000000.00');
    expect(outputForecast(2026, '2026-01-20', '1234.56', '0')).toBe('1234.56');
    // Rounded down to the fen: 100.00 × 12 / 7 = 171.428…
    expect(outputForecast(2026, '2026-08-02', '150.00', '100.00')).toBe('171.42');
    expect(outputForecast(2026, '2027-01-01', '5.01', '5.01')).toBe('5.01');
  });

  it('never projects a count below its actual', () => {
    fc.assert(
      fc.property(anyYear, anyDay, count, (year, day, actual) => {
        expect(Number(countForecast(year, day, actual))).toBeGreaterThanOrEqual(Number(actual));
      }),
    );
  });
});

describe('status at the edges', () => {
  const status = (asOf: string, actual: string, target: string, forecast: string) =>
    milestoneStatus({ year: 2026, asOf, actual, target, forecast });

  it('is NOT_STARTED on 31 December of the year before and starts on 1 January', () => {
    expect(status('2025-12-31', '0', '40', '0')).toBe(S.NOT_STARTED);
    expect(evaluateCount(2026, '2026-01-01', '40', '0').status).toBe(S.BEHIND);
    expect(evaluateCount(2026, '2026-01-01', '40', '1').status).toBe(S.ON_TRACK);
    expect(evaluateCount(2026, '2025-12-31', '0', '0').status).toBe(S.NOT_STARTED);
  });

  it('is never MISSED on the last day of the year, and MISSED the day after', () => {
    expect(evaluateCount(2026, '2026-12-31', '40', '39').status).toBe(S.AT_RISK);
    expect(evaluateCount(2026, '2026-12-31', '40', '31').status).toBe(S.BEHIND);
    expect(evaluateCount(2026, '2026-12-31', '40', '40').status).toBe(S.ACHIEVED);
    expect(evaluateCount(2026, '2027-01-01', '40', '39').status).toBe(S.MISSED);
    expect(evaluateCount(2026, '2027-01-01', '40', '41').status).toBe(S.ACHIEVED);
  });

  it('is AT_RISK at exactly 80 % of the target and BEHIND just below', () => {
    expect(status('2026-06-01', '10', '40', '32')).toBe(S.AT_RISK);
    expect(status('2026-06-01', '10', '40', '31')).toBe(S.BEHIND);
    expect(status('2026-06-01', '10', '40', '40')).toBe(S.ON_TRACK);
    expect(status('2026-06-01', '1', '1.25', '1')).toBe(S.AT_RISK);
    expect(status('2026-06-01', '100.00', '210000000.00', '168000000.00')).toBe(S.AT_RISK);
    expect(status('2026-06-01', '100.00', '210000000.00', '167999999.99')).toBe(S.BEHIND);
  });

  it('gives ratio actual / target, and 1 for a target of 0', () => {
    expect(progressRatio('15', '30')).toBe(0.5);
    expect(progressRatio('0', '0')).toBe(1);
    expect(progressRatio('3', '0')).toBe(1);
    expect(progressRatio('70000000.00', '140000000.00')).toBe(0.5);
  });
});

describe('status properties', () => {
  it('is ACHIEVED exactly when the year has begun and actual ≥ target', () => {
    fc.assert(
      fc.property(anyYear, anyDay, count, countTarget, (year, day, actual, target) => {
        const { status } = evaluateCount(year, day, target, actual);
        const begun = day >= `${year}-01-01`;
        expect(status === S.ACHIEVED).toBe(begun && Number(actual) >= Number(target));
      }),
    );
  });

  it('is NOT_STARTED exactly before 1 January, and MISSED only after 31 December', () => {
    fc.assert(
      fc.property(anyYear, anyDay, count, countTarget, (year, day, actual, target) => {
        const { status } = evaluateCount(year, day, target, actual);
        expect(status === S.NOT_STARTED).toBe(day < `${year}-01-01`);
        if (status === S.MISSED) expect(day > `${year}-12-31`).toBe(true);
        if (day > `${year}-12-31`) expect([S.ACHIEVED, S.MISSED]).toContain(status);
      }),
    );
  });

  it('never gets worse when actual rises (counts)', () => {
    fc.assert(
      fc.property(anyYear, anyDay, count, count, countTarget, (year, day, a, b, target) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const before = evaluateCount(year, day, target, low).status;
        const after = evaluateCount(year, day, target, high).status;
        if (before === S.NOT_STARTED) expect(after).toBe(S.NOT_STARTED);
        else expect(statusRank(after)!).toBeGreaterThanOrEqual(statusRank(before)!);
      }),
    );
  });

  it('never gets worse when a month of output rises', () => {
    const months = fc.array(money, { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(
        anyYear,
        anyDay,
        months,
        fc.nat(11),
        money,
        money,
        (year, day, values, i, extra, target) => {
          const evaluate = (vs: string[]) => {
            const upTo = countedMonths(year, day).length;
            const sum = (xs: string[]) => xs.reduce((s, v) => s.plus(v), new Decimal(0)).toFixed(2);
            const actual = sum(vs.slice(0, upTo));
            const complete = sum(vs.slice(0, completeMonths(year, day)));
            return evaluateOutput(year, day, target, actual, complete).status;
          };
          const raised = [...values];
          raised[i] = new Decimal(raised[i]).plus(extra).toFixed(2);
          const before = evaluate(values);
          const after = evaluate(raised);
          if (before === S.NOT_STARTED) expect(after).toBe(S.NOT_STARTED);
          else expect(statusRank(after)!).toBeGreaterThanOrEqual(statusRank(before)!);
        },
      ),
    );
  });

  it('has ratio ≥ 1 exactly when actual ≥ target', () => {
    fc.assert(
      fc.property(money, money, (actual, target) => {
        expect(progressRatio(actual, target) >= 1).toBe(new Decimal(actual).gte(target));
      }),
    );
  });
});

describe('alerts and snapshots', () => {
  it('raises an alert when a status worsens', () => {
    expect(statusWorsened(S.ON_TRACK, S.AT_RISK)).toBe(true);
    expect(statusWorsened(S.AT_RISK, S.BEHIND)).toBe(true);
    expect(statusWorsened(S.ON_TRACK, S.BEHIND)).toBe(true);
    expect(statusWorsened(S.BEHIND, S.MISSED)).toBe(true);
    expect(statusWorsened(S.NOT_STARTED, S.MISSED)).toBe(true);
    expect(statusWorsened(S.ACHIEVED, S.ON_TRACK)).toBe(true);
  });

  it('stays quiet when a status holds or improves, or the year starts', () => {
    expect(statusWorsened(S.AT_RISK, S.AT_RISK)).toBe(false);
    expect(statusWorsened(S.MISSED, S.MISSED)).toBe(false);
    expect(statusWorsened(S.BEHIND, S.AT_RISK)).toBe(false);
    expect(statusWorsened(S.AT_RISK, S.ACHIEVED)).toBe(false);
    expect(statusWorsened(S.NOT_STARTED, S.BEHIND)).toBe(false);
    expect(statusWorsened(S.MISSED, S.ACHIEVED)).toBe(false);
  });

  it('alerts on every transition to MISSED and on no improvement', () => {
    const status = fc.constantFrom(...Object.values(S));
    fc.assert(
      fc.property(status, status, (before, after) => {
        if (after === S.MISSED && before !== S.MISSED)
          expect(statusWorsened(before, after)).toBe(true);
        const rb = statusRank(before);
        const ra = statusRank(after);
        if (rb !== null && ra !== null && ra >= rb)
          expect(statusWorsened(before, after)).toBe(false);
      }),
    );
  });

  it('covers the year just ended during January only', () => {
    expect(snapshotYears('2026-01-01')).toEqual([2025, 2026]);
    expect(snapshotYears('2026-01-31')).toEqual([2025, 2026]);
    expect(snapshotYears('2026-02-01')).toEqual([2026]);
    expect(snapshotYears('2026-12-31')).toEqual([2026]);
  });
});
