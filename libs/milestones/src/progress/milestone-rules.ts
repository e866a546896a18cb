import { Decimal } from 'decimal.js';
import { MilestoneStatus } from './milestone-status.enum.js';

// The counting window, forecasts and status of domain.md ("Counting rules", "Status of a
// milestone on D"), as pure functions of dates ('YYYY-MM-DD') and exact decimals (strings).

const DAY_MS = 86_400_000;

const utc = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

export const firstDayOf = (year: number) => `${year}-01-01`;
export const lastDayOf = (year: number) => `${year}-12-31`;

export function daysInYear(year: number): number {
  return (utc(`${year + 1}-01-01`) - utc(firstDayOf(year))) / DAY_MS;
}

/** W = [1 January Y, min(asOf, 31 December Y)]; null when asOf is before the year. */
export function countingWindow(year: number, asOf: string): { from: string; to: string } | null {
  const from = firstDayOf(year);
  if (asOf < from) return null;
  const last = lastDayOf(year);
  return { from, to: asOf < last ? asOf : last };
}

/** Days of Y elapsed up to asOf, 1 January counting as one: 0 before the year, all after it. */
export function elapsedDays(year: number, asOf: string): number {
  const w = countingWindow(year, asOf);
  return w ? (utc(w.to) - utc(w.from)) / DAY_MS + 1 : 0;
}

/** The reporting months of Y that count on asOf: January up to asOf's month (all 12 after Y). */
export function countedMonths(year: number, asOf: string): string[] {
  const w = countingWindow(year, asOf);
  if (!w) return [];
  const last = Number(w.to.slice(5, 7));
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Y's months that are over before asOf's month: the base of the output forecast. */
export function completeMonths(year: number, asOf: string): number {
  if (asOf < firstDayOf(year)) return 0;
  if (asOf > lastDayOf(year)) return 12;
  return Number(asOf.slice(5, 7)) - 1;
}

/**
 * Forecast of a count: actual ÷ f, f being the share of Y's days elapsed up to asOf, rounded
 * down. Before the year nothing has elapsed and the forecast is the actual (0).
 */
export function countForecast(year: number, asOf: string, actual: string): string {
  const elapsed = elapsedDays(year, asOf);
  if (elapsed === 0) return new Decimal(actual).toFixed();
  return new Decimal(actual).times(daysInYear(year)).dividedToIntegerBy(elapsed).toFixed();
}

/**
 * Forecast of the output value: the average of Y's complete months before asOf's month times 12,
 * rounded down to the fen (a forecast never promises a fen more than the figures give); where
 * no month is complete yet, the actual. `completeSum` is the output of those complete months.
 */
export function outputForecast(
  year: number,
  asOf: string,
  actual: string,
  completeSum: string,
): string {
  const n = completeMonths(year, asOf);
  if (n === 0) return new Decimal(actual).toFixed(2);
  return new Decimal(completeSum)
    .times(12)
    .dividedBy(n)
    .toDecimalPlaces(2, Decimal.ROUND_DOWN)
    .toFixed(2);
}

export interface StatusInput {
  year: number;
  asOf: string;
  actual: string;
  target: string;
  forecast: string;
}

export function milestoneStatus({
  year,
  asOf,
  actual,
  target,
  forecast,
}: StatusInput): MilestoneStatus {
  if (asOf < firstDayOf(year)) return MilestoneStatus.NOT_STARTED;
  if (new Decimal(actual).gte(target)) return MilestoneStatus.ACHIEVED;
  if (asOf > lastDayOf(year)) return MilestoneStatus.MISSED;
  const f = new Decimal(forecast);
  if (f.gte(target)) return MilestoneStatus.ON_TRACK;
  if (f.gte(new Decimal(target).times('0.8'))) return MilestoneStatus.AT_RISK;
  return MilestoneStatus.BEHIND;
}

/**
 * actual / target. A target of 0 is met by any actual, so its ratio is 1: `ratio >= 1` holds
 * exactly when actual ≥ target, whatever the target.
 */
export function progressRatio(actual: string, target: string): number {
  const t = new Decimal(target);
  if (t.isZero()) return 1;
  return new Decimal(actual).dividedBy(t).toNumber();
}

export interface Evaluation {
  actual: string;
  forecast: string;
  ratio: number;
  status: MilestoneStatus;
}

/** A count milestone (firms, certificates, projects) on asOf. */
export function evaluateCount(
  year: number,
  asOf: string,
  target: string,
  actual: string,
): Evaluation {
  const forecast = countForecast(year, asOf, actual);
  return {
    actual,
    forecast,
    ratio: progressRatio(actual, target),
    status: milestoneStatus({ year, asOf, actual, target, forecast }),
  };
}

/** The output value milestone on asOf. */
export function evaluateOutput(
  year: number,
  asOf: string,
  target: string,
  actual: string,
  completeSum: string,
): Evaluation {
  const forecast = outputForecast(year, asOf, actual, completeSum);
  return {
    actual,
    forecast,
    ratio: progressRatio(actual, target),
    status: milestoneStatus({ year, asOf, actual, target, forecast }),
  };
}

/** How good a status is; NOT_STARTED is outside the scale. */
const RANK: Record<MilestoneStatus, number | null> = {
  [MilestoneStatus.NOT_STARTED]: null,
  [MilestoneStatus.MISSED]: 0,
  [MilestoneStatus.BEHIND]: 1,
  [MilestoneStatus.AT_RISK]: 2,
  [MilestoneStatus.ON_TRACK]: 3,
  [MilestoneStatus.ACHIEVED]: 4,
};

export const statusRank = (status: MilestoneStatus) => RANK[status];

/**
 * Whether going from `before` to `after` deserves an alert: ON_TRACK → AT_RISK, AT_RISK →
 * BEHIND, anything → MISSED, and every other drop on the scale (ON_TRACK → BEHIND, or ACHIEVED
 * lost when figures are corrected).
 */
export function statusWorsened(before: MilestoneStatus, after: MilestoneStatus): boolean {
  if (before === after) return false;
  if (after === MilestoneStatus.MISSED) return true;
  const b = RANK[before];
  const a = RANK[after];
  return b !== null && a !== null && a < b;
}

/**
 * The targets' years a daily snapshot on `day` covers: the current year, and in January also
 * the year just ended, whose figures still move as December's reports arrive (due 15 January)
 * and whose final status (ACHIEVED or MISSED) appears on 1 January.
 */
export function snapshotYears(day: string): number[] {
  const year = Number(day.slice(0, 4));
  return day.slice(5, 7) === '01' ? [year - 1, year] : [year];
}
