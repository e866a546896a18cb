/**
 * When to refresh the access token: ahead of its expiry by a margin (a fifth of its life, at
 * least 5 s and at most 60 s), so that a request never leaves with a token about to lapse, and
 * never sooner than 1 s from now (a clock ahead of the server's must not make a refresh loop).
 */
export function refreshDelayMs(
  expiresAt: string | number | Date,
  now: number = Date.now(),
  issuedAt: number = now,
): number {
  const expiry = new Date(expiresAt).getTime();
  if (Number.isNaN(expiry)) return 1000;
  const life = Math.max(0, expiry - issuedAt);
  const margin = Math.min(60_000, Math.max(5_000, Math.floor(life / 5)));
  return Math.max(1000, expiry - margin - now);
}

/** Whether a token expiring at `expiresAt` is too close to its end to be sent. */
export function isStale(expiresAt: string | number | Date, now: number = Date.now()): boolean {
  const expiry = new Date(expiresAt).getTime();
  return Number.isNaN(expiry) || expiry - now < 2_000;
}
