// Made once: building a formatter costs far more than using it, and lease and unit statuses
// ask for today on every row.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Asia/Shanghai, where the park is: the default `asOf` of every figure. */
export function todayInShanghai(now: Date = new Date()): string {
  return SHANGHAI_DAY.format(now);
}

/** "2026-03" for a date "2026-03-14". */
export function yearMonthOf(date: string): string {
  return date.slice(0, 7);
}
