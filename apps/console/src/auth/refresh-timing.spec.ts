import { describe, expect, it } from '@jest/globals';
import { isStale, refreshDelayMs } from './refresh-timing';

describe('when the console refreshes its access token', () => {
  const now = Date.parse('2026-06-01T08:00:00Z');
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

  it('refreshes a 15-minute token a minute before it expires', () => {
    expect(refreshDelayMs(at(900), now)).toBe(840_000);
  });

  it('keeps a fifth of a short token’s life as margin, at least 5 s', () => {
    expect(refreshDelayMs(at(30), now)).toBe(24_000);
    expect(refreshDelayMs(at(10), now)).toBe(5_000);
  });

  it('measures the margin on the whole life when asked later', () => {
    // Issued at `now`, asked 100 s later: still one minute before expiry.
    expect(refreshDelayMs(at(900), now + 100_000, now)).toBe(740_000);
  });

  it('never schedules sooner than a second, even for a token already expired', () => {
    expect(refreshDelayMs(at(-60), now)).toBe(1000);
    expect(refreshDelayMs('not a date', now)).toBe(1000);
  });

  it('does not send a token within 2 s of its expiry', () => {
    expect(isStale(at(1.5), now)).toBe(true);
    expect(isStale(at(3), now)).toBe(false);
    expect(isStale('garbage', now)).toBe(true);
  });
});
