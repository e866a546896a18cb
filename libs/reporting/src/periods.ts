/** Reporting months ('YYYY-MM') and the calendar arithmetic the reporting rules need. */

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD_RE.test(value);
}

function parts(period: string): [number, number] {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new RangeError(`not a reporting month: ${period}`);
  return [Number(m[1]), Number(m[2])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The month n months after (or before, n < 0) a month. */
export function addMonths(period: string, n: number): string {
  const [y, m] = parts(period);
  const index = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export function firstDayOf(period: string): string {
  if (!isPeriod(period)) throw new RangeError(`not a reporting month: ${period}`);
  return `${period}-01`;
}

const lastDays = new Map<string, string>();

/** Memoised: an import asks it for every row, of a few dozen distinct months. */
export function lastDayOf(period: string): string {
  let day = lastDays.get(period);
  if (day === undefined) {
    const [y, m] = parts(period);
    day = `${period}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
    if (lastDays.size < 10000) lastDays.set(period, day);
  }
  return day;
}

export function yearOf(period: string): number {
  return parts(period)[0];
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}
