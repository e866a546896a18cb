import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dashboardDay } from './dashboard-day.js';

describe('dashboardDay (E)', () => {
  it.each([
    [2025, '2026-06-15', '2025-12-31'],
    [2025, '2025-12-31', '2025-12-31'],
    [2026, '2026-06-15', '2026-06-15'],
    [2026, '2026-01-01', '2026-01-01'],
    [2027, '2026-06-15', '2026-06-15'],
  ])('year %i asked on %s is taken on %s', (year, asOf, e) => {
    expect(dashboardDay(year, asOf)).toBe(e);
  });

  it('is the earlier of the day asked and 31 December of the year', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), day, (year, asOf) => {
        const last = `${year}-12-31`;
        expect(dashboardDay(year, asOf)).toBe(asOf < last ? asOf : last);
      }),
    );
  });
});
