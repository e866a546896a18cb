/**
 * When a notification's e-mail is tried again after the mail server did not take it: 1 minute
 * after the first failed attempt, then 5 minutes, 30 minutes, 2 hours, 6 hours, and every 12
 * hours after that. The 10th failed attempt is the last: the e-mail is FAILED, and the
 * notification stays in the console. Ten attempts span some 57 hours, long enough for a mail
 * server that is down for two days.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const EMAIL_RETRY_DELAYS_MS: readonly number[] = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  6 * HOUR,
];

/** The delay between later attempts, once the list above is used up. */
export const EMAIL_RETRY_LATER_MS = 12 * HOUR;

/** Attempts an e-mail gets in all. */
export const EMAIL_MAX_ATTEMPTS = 10;

/** The delay after failed attempt `attempt` (1-based), or null when that was the last attempt. */
export function emailRetryDelayMs(attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt ${attempt}`);
  if (attempt >= EMAIL_MAX_ATTEMPTS) return null;
  return EMAIL_RETRY_DELAYS_MS[attempt - 1] ?? EMAIL_RETRY_LATER_MS;
}

/** When the next attempt is due after failed attempt `attempt` at `now`, or null: no more. */
export function nextEmailAttemptAt(attempt: number, now: Date): Date | null {
  const delay = emailRetryDelayMs(attempt);
  return delay === null ? null : new Date(now.getTime() + delay);
}
