import { describe, expect, it } from '@jest/globals';
import { EMAIL_MAX_ATTEMPTS, emailRetryDelayMs, nextEmailAttemptAt } from './email-backoff.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("an e-mail's retries", () => {
  it('wait 1 min, 5 min, 30 min, 2 h, 6 h, then 12 h each, after failed attempts 1 to 9', () => {
    const delays = Array.from({ length: 9 }, (_, i) => emailRetryDelayMs(i + 1));
    expect(delays).toEqual([
      MINUTE,
      5 * MINUTE,
      30 * MINUTE,
      2 * HOUR,
      6 * HOUR,
      12 * HOUR,
      12 * HOUR,
      12 * HOUR,
      12 * HOUR,
    ]);
  });

  it('end with the 10th failed attempt', () => {
    expect(EMAIL_MAX_ATTEMPTS).toBe(10);
    expect(emailRetryDelayMs(10)).toBeNull();
    expect(emailRetryDelayMs(11)).toBeNull();
    expect(nextEmailAttemptAt(10, new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });

  it('are due that long after the failed attempt', () => {
    const now = new Date('2026-03-01T23:59:30Z');
    expect(nextEmailAttemptAt(1, now)).toEqual(new Date('2026-03-02T00:00:30Z'));
    expect(nextEmailAttemptAt(5, now)).toEqual(new Date('2026-03-02T05:59:30Z'));
    expect(nextEmailAttemptAt(9, now)).toEqual(new Date('2026-03-02T11:59:30Z'));
  });

  it('span some 57 hours from the first attempt to the last', () => {
    let total = 0;
    for (let attempt = 1; attempt < EMAIL_MAX_ATTEMPTS; attempt++)
      total += emailRetryDelayMs(attempt)!;
    expect(total).toBe(MINUTE + 5 * MINUTE + 30 * MINUTE + 2 * HOUR + 6 * HOUR + 4 * 12 * HOUR);
  });

  it('count attempts from 1', () => {
    expect(() => emailRetryDelayMs(0)).toThrow(RangeError);
    expect(() => emailRetryDelayMs(1.5)).toThrow(RangeError);
  });
});
