// Months ('YYYY-MM') and days ('YYYY-MM-DD') of billing, counted with integer arithmetic, never
// in the machine's time zone.

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

const indexOf = (period: string): number => {
  const m = MONTH.exec(period);
  if (!m) throw new TypeError(`${period} is not a month YYYY-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
};

const periodOf = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

export function isPeriod(value: string): boolean {
  return MONTH.test(value);
}

/** The month `n` months after `period` (n may be negative). */
export function shiftPeriod(period: string, n: number): string {
  return periodOf(indexOf(period) + n);
}

/** The first and last day of a month, both inclusive. */
export function periodBounds(period: string): { first: string; last: string } {
  const [y, m] = period.split('-').map(Number);
  indexOf(period);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${period}-01`, last: `${period}-${String(days).padStart(2, '0')}` };
}

/** A month's bills are due on `dueDay` (1–28, BILL_DUE_DAY) of that month. */
export function dueDateOf(period: string, dueDay: number): string {
  indexOf(period);
  return `${period}-${String(dueDay).padStart(2, '0')}`;
}

/** The last month that may be billed on `today`: the month after today's. */
export function latestBillablePeriod(today: string): string {
  return shiftPeriod(today.slice(0, 7), 1);
}

/**
 * The months a catch-up on `day` bills, oldest first: each month after the latest one billed up
 * to day's month; day's month alone when nothing was ever billed; none when it is billed.
 */
export function monthsToCatchUp(latestBilled: string | null, day: string): string[] {
  const target = day.slice(0, 7);
  if (latestBilled === null) return [target];
  const months: string[] = [];
  for (let i = indexOf(latestBilled) + 1; i <= indexOf(target); i++) months.push(periodOf(i));
  return months;
}
