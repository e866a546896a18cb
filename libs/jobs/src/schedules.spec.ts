import { describe, expect, it } from '@jest/globals';
import { daily, monthly, runDue } from './schedules.js';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const wait = (s: ReturnType<typeof daily>, now: string) =>
  s.nextRun(at(now)).getTime() - Date.parse(now);

describe('a daily schedule in Asia/Shanghai (UTC+8)', () => {
  it('runs next at the coming hour:00 there', () => {
    // 00:59 on 2 March in Shanghai, run at 01:00.
    expect(wait(daily(1), '2026-03-01T16:59:00Z')).toBe(HOUR / 60);
    // Exactly 01:00: the next run is tomorrow's.
    expect(wait(daily(1), '2026-03-01T17:00:00Z')).toBe(24 * HOUR);
    // 23:30 in Shanghai is 15:30 UTC: a 23:00 run is 23.5 hours away.
    expect(wait(daily(23), '2026-03-01T15:30:00Z')).toBe(23.5 * HOUR);
    expect(daily(0).nextRun(at('2026-12-31T16:00:00Z'))).toEqual(at('2027-01-01T16:00:00Z'));
  });

  it('knows whether today’s run time has come', () => {
    expect(runDue(daily(23), at('2026-03-01T14:59:59Z'))).toBe(false);
    expect(runDue(daily(23), at('2026-03-01T15:00:00Z'))).toBe(true);
    // 00:00 on 2 March there: a new day, whose 23:00 is still to come.
    expect(runDue(daily(23), at('2026-03-01T16:00:00Z'))).toBe(false);
    expect(runDue(daily(0), at('2026-03-01T16:00:00Z'))).toBe(true);
  });

  it('never waits more than a day nor less than nothing', () => {
    for (let h = 0; h < 24; h++) {
      for (let t = 0; t < 48; t++) {
        const now = new Date(Date.UTC(2026, 5, 1) + t * 30 * 60_000);
        const w = daily(h).nextRun(now).getTime() - now.getTime();
        expect(w).toBeGreaterThan(0);
        expect(w).toBeLessThanOrEqual(24 * HOUR);
      }
    }
  });

  it('refuses an hour that is not one', () => {
    expect(() => daily(24)).toThrow(RangeError);
    expect(() => daily(1.5)).toThrow(RangeError);
  });
});

describe('a monthly schedule in Asia/Shanghai', () => {
  const bills = monthly(1, 6); // 06:00 on the 1st there, 22:00 UTC the day before

  it('runs on the day of each month, across the end of the year', () => {
    expect(bills.nextRun(at('2026-03-15T00:00:00Z'))).toEqual(at('2026-03-31T22:00:00Z'));
    expect(bills.nextRun(at('2026-03-31T22:00:00Z'))).toEqual(at('2026-04-30T22:00:00Z'));
    expect(bills.nextRun(at('2026-12-02T00:00:00Z'))).toEqual(at('2026-12-31T22:00:00Z'));
  });

  it('is due from the run time to the end of its month there', () => {
    // 05:59 on 1 April in Shanghai.
    expect(runDue(bills, at('2026-03-31T21:59:00Z'))).toBe(false);
    expect(runDue(bills, at('2026-03-31T22:00:00Z'))).toBe(true);
    expect(runDue(bills, at('2026-04-29T00:00:00Z'))).toBe(true);
  });

  it('takes only days that every month has', () => {
    expect(() => monthly(29, 0)).toThrow(/1 to 28/);
    expect(() => monthly(0, 0)).toThrow(RangeError);
  });
});
