import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RUN_HOUR, parseWorkerOptions, WorkerUsageError } from './worker-options.js';

describe('worker options', () => {
  it('runs daily by default, once with --once, once for a day with --date', () => {
    expect(parseWorkerOptions([])).toEqual({ once: false, hour: DEFAULT_RUN_HOUR });
    expect(parseWorkerOptions(['--once'])).toEqual({ once: true, hour: DEFAULT_RUN_HOUR });
    expect(parseWorkerOptions(['--once', '--date', '2026-03-01'])).toMatchObject({
      once: true,
      date: '2026-03-01',
    });
    expect(parseWorkerOptions(['--date=2024-02-29'])).toMatchObject({
      once: true,
      date: '2024-02-29',
    });
  });

  it('takes the hour of the daily run from WORKER_RUN_HOUR', () => {
    expect(parseWorkerOptions([], { WORKER_RUN_HOUR: '0' }).hour).toBe(0);
    expect(parseWorkerOptions([], { WORKER_RUN_HOUR: '6' }).hour).toBe(6);
    expect(() => parseWorkerOptions([], { WORKER_RUN_HOUR: '24' })).toThrow(/WORKER_RUN_HOUR/);
    expect(() => parseWorkerOptions([], { WORKER_RUN_HOUR: 'noon' })).toThrow(WorkerUsageError);
  });

  it('refuses unknown arguments and dates that are not real', () => {
    expect(() => parseWorkerOptions(['--twice'])).toThrow(/unknown argument "--twice"/);
    expect(() => parseWorkerOptions(['--date', '2026-02-30'])).toThrow(/--date/);
    expect(() => parseWorkerOptions(['--date'])).toThrow(/--date/);
  });
});
