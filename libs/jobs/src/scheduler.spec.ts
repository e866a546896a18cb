import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { JobScheduler, type ScheduledTask } from './scheduler.js';
import { daily, monthly } from './schedules.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const quiet = () => {
  const errors: string[] = [];
  return { errors, log: { log: () => {}, error: (m: string) => errors.push(m) } };
};

function task(name: string, schedule: ScheduledTask['schedule'], days: string[]): ScheduledTask {
  return {
    name,
    schedule,
    run: async (day) => {
      days.push(day);
      return 'done';
    },
  };
}

afterEach(() => {
  jest.useRealTimers();
});

describe('the job scheduler', () => {
  it('runs at once when started after the hour, then every day at it', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T16:00:00Z') }); // 00:00 on 2 March there
    const days: string[] = [];
    const s = new JobScheduler([task('t', daily(0), days)], quiet());
    s.start();
    await s.idle();
    expect(days).toEqual(['2026-03-02']);
    await jest.advanceTimersByTimeAsync(DAY);
    await jest.advanceTimersByTimeAsync(DAY);
    expect(days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    await s.stop();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(2 * DAY);
    expect(days).toHaveLength(3);
  });

  it('waits for the hour when started before it, and keeps going after a failure', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') }); // 18:00 there
    let runs = 0;
    const q = quiet();
    const s = new JobScheduler(
      [
        {
          name: 'flaky',
          schedule: daily(23),
          run: async () => {
            runs++;
            if (runs === 1) throw new Error('database away');
            return 'ok';
          },
        },
      ],
      q,
    );
    s.start();
    await jest.advanceTimersByTimeAsync(5 * HOUR - 1);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    expect(q.errors).toEqual(['flaky failed: database away']);
    await jest.advanceTimersByTimeAsync(DAY);
    expect(runs).toBe(2);
    await s.stop();
  });

  it('runs each job on its own schedule, a monthly one past the longest timer', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T12:00:00Z') }); // 20:00 on 1 January there
    const snapshots: string[] = [];
    const bills: string[] = [];
    const s = new JobScheduler(
      [task('snapshots', daily(23), snapshots), task('bills', monthly(1, 6), bills)],
      quiet(),
    );
    s.start();
    await s.idle();
    // This month's 06:00 on the 1st has passed: the bills catch up at once.
    expect(bills).toEqual(['2026-01-01']);
    expect(snapshots).toEqual([]);
    // February has 28 days and March 31: waits longer than setTimeout takes in one go.
    await jest.advanceTimersByTimeAsync(89 * DAY);
    expect(bills).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(snapshots).toHaveLength(89);
    expect(snapshots[0]).toBe('2026-01-01');
    expect(snapshots.at(-1)).toBe('2026-03-30');
    await s.stop();
  });

  it('lets the process end inside the API, and keeps the worker alive', async () => {
    const days: string[] = [];
    const schedule = daily(23);
    const now = () => new Date('2026-03-01T10:00:00Z');
    const inApi = new JobScheduler([task('t', schedule, days)], { ...quiet(), now });
    const worker = new JobScheduler([task('t', schedule, days)], {
      ...quiet(),
      now,
      keepAlive: true,
    });
    inApi.start();
    worker.start();
    const timers = (s: JobScheduler) => [...(s as any).timers.values()] as NodeJS.Timeout[];
    expect(timers(inApi).map((t) => t.hasRef())).toEqual([false]);
    expect(timers(worker).map((t) => t.hasRef())).toEqual([true]);
    await inApi.stop();
    await worker.stop();
    expect(timers(inApi)).toEqual([]);
    expect(days).toEqual([]);
  });

  it('waits for a run in progress when stopped, and arms nothing after it', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T16:00:00Z') });
    let finish: () => void = () => {};
    const s = new JobScheduler(
      [
        {
          name: 'slow',
          schedule: daily(0),
          run: () => new Promise<string>((resolve) => (finish = () => resolve('ok'))),
        },
      ],
      quiet(),
    );
    s.start();
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});
