import { describe, expect, it } from '@jest/globals';
import {
  nextWebhookAttemptAt,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_MS,
  webhookRetryDelayMs,
} from './retry-schedule.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('the webhook retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h, then gives up', () => {
    const middle = () => 0.5;
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(10);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => webhookRetryDelayMs(n, middle))).toEqual([
      5 * S,
      5 * M,
      30 * M,
      2 * H,
      5 * H,
      10 * H,
      14 * H,
      20 * H,
      24 * H,
    ]);
    expect(webhookRetryDelayMs(10, middle)).toBeNull();
    expect(webhookRetryDelayMs(11, middle)).toBeNull();
    expect(() => webhookRetryDelayMs(0)).toThrow(RangeError);
  });

  it('moves each delay by at most 10 % either way', () => {
    WEBHOOK_RETRY_DELAYS_MS.forEach((base, i) => {
      expect(webhookRetryDelayMs(i + 1, () => 0)).toBe(Math.round(base * 0.9));
      expect(webhookRetryDelayMs(i + 1, () => 0.999999)).toBeLessThanOrEqual(base * 1.1);
      for (let k = 0; k < 50; k++) {
        const d = webhookRetryDelayMs(i + 1)!;
        expect(d).toBeGreaterThanOrEqual(base * 0.9);
        expect(d).toBeLessThanOrEqual(base * 1.1);
      }
    });
  });

  it('spreads the retries of many deliveries rather than bunching them', () => {
    const delays = new Set(Array.from({ length: 200 }, () => webhookRetryDelayMs(4)));
    expect(delays.size).toBeGreaterThan(100);
  });

  it('dates the next attempt from the failed one', () => {
    const now = new Date('2026-03-01T08:00:00Z');
    expect(nextWebhookAttemptAt(1, now, () => 0.5)).toEqual(new Date('2026-03-01T08:00:05Z'));
    expect(nextWebhookAttemptAt(9, now, () => 0.5)).toEqual(new Date('2026-03-02T08:00:00Z'));
    expect(nextWebhookAttemptAt(10, now)).toBeNull();
  });
});
