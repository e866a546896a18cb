/** Calendar arithmetic on 'YYYY-MM-DD' strings, which compare correctly as strings. */

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day n months later; when that month is shorter, its last day (31 January + 1 month
 * is 28 or 29 February).
 */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/**
 * Whole months from `from` to `to`: the largest n with addMonths(from, n) ≤ to. Negative when
 * `to` is before `from`.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  const n = (ty - fy) * 12 + (tm - fm);
  return addMonths(from, n) <= to ? n : n - 1;
}
