import { describe, expect, it } from '@jest/globals';
import { parseWorkerOptions } from './worker-options.js';

describe('worker options', () => {
  it('runs on schedule by default, once with --once, once for a day with --date', () => {
    expect(parseWorkerOptions([])).toEqual({ once: false });
    expect(parseWorkerOptions(['--once'])).toEqual({ once: true });
    expect(parseWorkerOptions(['--once', '--date', '2026-03-01'])).toEqual({
      once: true,
      date: '2026-03-01',
    });
    expect(parseWorkerOptions(['--date=2024-02-29'])).toEqual({ once: true, date: '2024-02-29' });
  });

  it('refuses unknown arguments and dates that are not real', () => {
    expect(() => parseWorkerOptions(['--twice'])).toThrow(/unknown argument "--twice"/);
    expect(() => parseWorkerOptions(['--date', '2026-02-30'])).toThrow(/--date/);
    expect(() => parseWorkerOptions(['--date'])).toThrow(/--date/);
  });
});
