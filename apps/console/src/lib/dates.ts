/**
 * Dates as the park counts them: calendar days in Asia/Shanghai, written YYYY-MM-DD, and months
 * YYYY-MM. Nothing here depends on the browser's own time zone.
 */

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A DateTime from the API (UTC) as YYYY-MM-DD HH:mm in Asia/Shanghai. */
export function formatDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The month after `period` (YYYY-MM). */
export function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month of a date (YYYY-MM-DD → YYYY-MM). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * The months a firm may report (domain.md, output reports): each month in which it is resident,
 * from the month it entered to the month it left (or the current month), and none that has not
 * begun. Newest first, as the form offers them.
 */
export function reportableMonths(
  enteredOn: string,
  exitedOn: string | null,
  today: string,
): string[] {
  const first = monthOf(enteredOn);
  const current = monthOf(today);
  const last = exitedOn && monthOf(exitedOn) < current ? monthOf(exitedOn) : current;
  const months: string[] = [];
  for (let p = first; p <= last; p = nextMonth(p)) months.push(p);
  return months.reverse();
}

/** The day a month's report is due: the 15th of the next month. */
export function reportDueOn(period: string): string {
  return `${nextMonth(period)}-15`;
}

/** Whether a month's report is overdue on `today` (not submitted and past its due day). */
export function isOverdue(period: string, today: string): boolean {
  return today > reportDueOn(period);
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
