import { describe, expect, it } from '@jest/globals';
import {
  dueDateOf,
  isPeriod,
  latestBillablePeriod,
  monthsToCatchUp,
  periodBounds,
  shiftPeriod,
} from './bill-periods.js';

describe('bill periods', () => {
  it('reads months written YYYY-MM only', () => {
    for (const ok of ['2026-01', '2026-12', '2000-06']) expect(isPeriod(ok)).toBe(true);
    for (const bad of ['2026-00', '2026-13', '2026-1', '26-01', '2026-01-01', ''])
      expect(isPeriod(bad)).toBe(false);
  });

  it('shifts months across years, both ways', () => {
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-03', -15)).toBe('2024-12');
    expect(shiftPeriod('2026-03', 0)).toBe('2026-03');
  });

  it('bounds a month by its first and last day, leap years included', () => {
    expect(periodBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(periodBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(periodBounds('2000-02').last).toBe('2000-02-29');
    expect(periodBounds('2100-02').last).toBe('2100-02-28');
    expect(periodBounds('2026-04').last).toBe('2026-04-30');
    expect(periodBounds('2026-12').last).toBe('2026-12-31');
    expect(() => periodBounds('2026-13')).toThrow(TypeError);
  });

  it('dates a bill due on the configured day of its month', () => {
    expect(dueDateOf('2026-03', 15)).toBe('2026-03-15');
    expect(dueDateOf('2026-02', 1)).toBe('2026-02-01');
    expect(dueDateOf('2026-02', 28)).toBe('2026-02-28');
  });

  it('bills up to the month after today', () => {
    expect(latestBillablePeriod('2026-03-31')).toBe('2026-04');
    expect(latestBillablePeriod('2026-12-01')).toBe('2027-01');
  });

  it('catches up every month after the latest billed up to the day, oldest first', () => {
    expect(monthsToCatchUp(null, '2026-03-05')).toEqual(['2026-03']);
    expect(monthsToCatchUp('2026-03', '2026-03-20')).toEqual([]);
    expect(monthsToCatchUp('2026-04', '2026-03-20')).toEqual([]);
    expect(monthsToCatchUp('2025-11', '2026-02-01')).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
