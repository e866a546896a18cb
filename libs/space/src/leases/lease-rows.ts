import { leaseStatus } from '../space-rules.js';
import type { ReadUnit } from '../units/unit-rows.js';
import type { Lease } from './lease.entity.js';

/**
 * A lease as the GraphQL reads load it: every column a field or a resolver below it uses,
 * dates as "YYYY-MM-DD" and money as the decimal string of `numeric`, as the entity holds them,
 * without TypeORM's hydration, and its `status` worked out once on the request's day. The row's
 * timestamps are left out: no field shows them. `unit` is there when it was read in the same
 * statement.
 */
export type ReadLease = Omit<Lease, 'createdAt' | 'updatedAt'> & { unit?: ReadUnit };

/**
 * A lease of `leases` aliased `l` as a JSON object of a ReadLease's properties (status aside),
 * with its unit of `units` aliased `u` when `withUnit`. JSON keeps dates ISO (YYYY-MM-DD) and
 * `numeric` goes as text, so that no decimal passes through a float.
 */
export function leaseJson(withUnit: boolean): string {
  const unit = withUnit
    ? `, 'unit', json_build_object('id', u.id, 'buildingId', u.building_id, 'code', u.code,
         'floor', u.floor, 'kind', u.kind, 'area', u.area::text,
         'monthlyRentPerSqm', u.monthly_rent_per_sqm::text, 'condition', u.condition)`
    : '';
  return `json_build_object('id', l.id, 'unitId', l.unit_id, 'tenantId', l.tenant_id,
    'startDate', l.start_date, 'endDate', l.end_date, 'monthlyRent', l.monthly_rent::text,
    'recordStatus', l.status${unit})`;
}

/** Leases read with leaseJson, each given its status on `today` (one day for the request). */
export function readLeases(leases: ReadLease[], today: string): ReadLease[] {
  for (const lease of leases) (lease as { status: string }).status = leaseStatus(lease, today);
  return leases;
}

/** The unit read with the lease, if it was. */
export function unitReadWith(lease: ReadLease): ReadUnit | undefined {
  return lease.unit;
}
