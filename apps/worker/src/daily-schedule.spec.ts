import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { DailySchedule, msUntilNextRun, runDueToday } from './daily-schedule.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the daily run time in Asia/Shanghai (UTC+8)', () => {
  it('waits until the next hour:00 there', () => {
    // 00:59 on 2 March in Shanghai, run at 01:00.
    expect(msUntilNextRun(new Date('2026-03-01T16:59:00Z'), 1)).toBe(MIN);
    // Exactly 01:00: the next run is tomorrow's.
    expect(msUntilNextRun(new Date('2026-03-01T17:00:00Z'), 1)).toBe(24 * HOUR);
    // 23:30 in Shanghai is 15:30 UTC: a 23:00 run is 23.5 hours away.
    expect(msUntilNextRun(new Date('2026-03-01T15:30:00Z'), 23)).toBe(23.5 * HOUR);
    expect(msUntilNextRun(new Date('2026-12-31T16:00:00Z'), 0)).toBe(24 * HOUR);
  });

  it('knows whether today’s run time has come', () => {
    expect(runDueToday(new Date('2026-03-01T14:59:59Z'), 23)).toBe(false);
    expect(runDueToday(new Date('2026-03-01T15:00:00Z'), 23)).toBe(true);
    expect(runDueToday(new Date('2026-03-01T16:00:00Z'), 23)).toBe(false);
  });

  it('never waits more than a day nor less than nothing', () => {
    for (let h = 0; h < 24; h++) {
      for (let t = 0; t < 48; t++) {
        const wait = msUntilNextRun(new Date(Date.UTC(2026, 5, 1) + t * 30 * MIN), h);
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(24 * HOUR);
      }
    }
  });
});

describe('DailySchedule', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs at once when started after the hour, then every day at it', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T16:00:00Z') }); // 00:00 on 2 March there
    const runs: string[] = [];
    const schedule = new DailySchedule(
      0,
      async () => {
        runs.push(new Date().toISOString());
      },
      () => {},
    );
    schedule.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toEqual(['2026-03-01T16:00:00.000Z']);
    await jest.advanceTimersByTimeAsync(24 * HOUR);
    await jest.advanceTimersByTimeAsync(24 * HOUR);
    expect(runs).toEqual([
      '2026-03-01T16:00:00.000Z',
      '2026-03-02T16:00:00.000Z',
      '2026-03-03T16:00:00.000Z',
    ]);
    await schedule.stop();
    await jest.advanceTimersByTimeAsync(48 * HOUR);
    expect(runs).toHaveLength(3);
  });

  it('waits for the hour when started before it, and keeps going after a failure', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') }); // 18:00 there
    let runs = 0;
    const errors: unknown[] = [];
    const schedule = new DailySchedule(
      23,
      async () => {
        runs++;
        if (runs === 1) throw new Error('database away');
      },
      (err) => errors.push(err),
    );
    schedule.start();
    await jest.advanceTimersByTimeAsync(5 * HOUR - 1);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    expect(errors).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(24 * HOUR);
    expect(runs).toBe(2);
    await schedule.stop();
  });
});
