import { Decimal } from 'decimal.js';
import { LeaseStatus, UnitCondition, UnitStatus } from './space.enum.js';
import type { LeaseRecordStatus } from './leases/lease.entity.js';

/** ACTIVE until the last day has passed (also before it begins), then ENDED; TERMINATED stays. */
export function leaseStatus(
  lease: { recordStatus: LeaseRecordStatus; endDate: string },
  today: string,
): LeaseStatus {
  if (lease.recordStatus === 'TERMINATED') return LeaseStatus.TERMINATED;
  return lease.endDate < today ? LeaseStatus.ENDED : LeaseStatus.ACTIVE;
}

/** The condition flag wins (a let unit under repair shows MAINTENANCE); then a lease on the day. */
export function unitStatus(condition: UnitCondition, leasedOnDay: boolean): UnitStatus {
  if (condition === UnitCondition.RETIRED) return UnitStatus.RETIRED;
  if (condition === UnitCondition.MAINTENANCE) return UnitStatus.MAINTENANCE;
  return leasedOnDay ? UnitStatus.LEASED : UnitStatus.AVAILABLE;
}

/** area × monthly rent per m², to the fen, halves rounded up. */
export function defaultMonthlyRent(area: string, monthlyRentPerSqm: string): string {
  return new Decimal(area)
    .times(monthlyRentPerSqm)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

/** leasedArea / totalArea as a Float, 0 when there is no area. */
export function occupancyRate(leasedArea: string, totalArea: string): number {
  const total = new Decimal(totalArea);
  return total.isZero() ? 0 : new Decimal(leasedArea).div(total).toNumber();
}
