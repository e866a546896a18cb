import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { LeaseStatus, UnitCondition, UnitStatus } from './space.enum.js';
import { defaultMonthlyRent, leaseStatus, occupancyRate, unitStatus } from './space-rules.js';

describe('leaseStatus', () => {
  const lease = (endDate: string, recordStatus: 'ACTIVE' | 'TERMINATED' = 'ACTIVE') => ({
    endDate,
    recordStatus,
  });

  it('is ACTIVE up to and including the last day, ENDED the day after', () => {
    expect(leaseStatus(lease('2026-03-31'), '2026-03-30')).toBe(LeaseStatus.ACTIVE);
    expect(leaseStatus(lease('2026-03-31'), '2026-03-31')).toBe(LeaseStatus.ACTIVE);
    expect(leaseStatus(lease('2026-03-31'), '2026-04-01')).toBe(LeaseStatus.ENDED);
  });

  it('keeps TERMINATED whatever the date', () => {
    expect(leaseStatus(lease('2030-01-01', 'TERMINATED'), '2026-01-01')).toBe(
      LeaseStatus.TERMINATED,
    );
    expect(leaseStatus(lease('2020-01-01', 'TERMINATED'), '2026-01-01')).toBe(
      LeaseStatus.TERMINATED,
    );
  });
});

describe('unitStatus', () => {
  it('puts the condition flag before the leases', () => {
    expect(unitStatus(UnitCondition.RETIRED, true)).toBe(UnitStatus.RETIRED);
    expect(unitStatus(UnitCondition.MAINTENANCE, true)).toBe(UnitStatus.MAINTENANCE);
    expect(unitStatus(UnitCondition.IN_SERVICE, true)).toBe(UnitStatus.LEASED);
    expect(unitStatus(UnitCondition.IN_SERVICE, false)).toBe(UnitStatus.AVAILABLE);
  });
});

describe('defaultMonthlyRent', () => {
  it('multiplies exactly and rounds half up to the fen', () => {
    expect(defaultMonthlyRent('120.50', '45.00')).toBe('5422.50');
    expect(defaultMonthlyRent('0.05', '0.10')).toBe('0.01'); // 0.005 rounds up
    expect(defaultMonthlyRent('0.01', '0.40')).toBe('0.00'); // 0.004 rounds down
    expect(defaultMonthlyRent('33.33', '33.33')).toBe('1110.89'); // 1110.8889
    expect(defaultMonthlyRent('999999.99', '99999.99')).toBe('99999989000.00');
  });

  it('is within half a fen of the exact product, for any area and rate', () => {
    const money = fc
      .bigInt({ min: 0n, max: 9_999_999n })
      .map((n) => new Decimal(n.toString()).div(100).toFixed(2));
    fc.assert(
      fc.property(money, money, (area, rate) => {
        const rent = new Decimal(defaultMonthlyRent(area, rate));
        const exact = new Decimal(area).times(rate);
        expect(rent.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(rent.minus(exact).abs().lte('0.005')).toBe(true);
      }),
    );
  });
});

describe('occupancyRate', () => {
  it('is leased over total, and 0 with no area', () => {
    expect(occupancyRate('50.00', '200.00')).toBe(0.25);
    expect(occupancyRate('0', '0')).toBe(0);
    expect(occupancyRate('100', '100')).toBe(1);
  });
});
