/**
 * When a failed webhook delivery is tried again (domain.md, "Webhooks"): after the n-th failed
 * attempt, the n-th delay below, each moved by up to 10 % either way so that the deliveries of a
 * receiver that was down do not all come back at the same second. The 10th failed attempt is the
 * last: the delivery is FAILED.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

/** Attempts a delivery gets in all: the first and one after each delay. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/** How far a delay may move either way. */
export const WEBHOOK_RETRY_JITTER = 0.1;

/**
 * The delay after failed attempt `attempt` (1-based), or null when that was the last attempt.
 * `random` is in [0, 1), as Math.random's.
 */
export function webhookRetryDelayMs(
  attempt: number,
  random: () => number = Math.random,
): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt ${attempt}`);
  if (attempt >= WEBHOOK_MAX_ATTEMPTS) return null;
  const base = WEBHOOK_RETRY_DELAYS_MS[attempt - 1];
  return Math.round(base * (1 + WEBHOOK_RETRY_JITTER * (2 * random() - 1)));
}

/** When the next attempt is due after failed attempt `attempt` at `now`, or null: no more. */
export function nextWebhookAttemptAt(
  attempt: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  const delay = webhookRetryDelayMs(attempt, random);
  return delay === null ? null : new Date(now.getTime() + delay);
}
