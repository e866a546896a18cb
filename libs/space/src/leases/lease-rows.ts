import type { LeaseStatus } from '../space.enum.js';
import { leaseStatus } from '../space-rules.js';
import type { ReadUnit } from '../units/unit-rows.js';
import type { Lease } from './lease.entity.js';

/**
 * A lease as the GraphQL reads load it: every column a field or a resolver below it uses,
 * dates as "YYYY-MM-DD" and money as the decimal string of `numeric`, as the entity holds them,
 * without TypeORM's hydration. The row's timestamps are left out: no field shows them.
 */
export type ReadLease = Omit<Lease, 'createdAt' | 'updatedAt'>;

/** Loaded with the lease in the same statement: its unit, and its status on the request's day. */
const UNIT = Symbol('unit');
const STATUS = Symbol('status');
interface Extras {
  [UNIT]?: ReadUnit;
  [STATUS]?: LeaseStatus;
}

export const LEASE_COLUMNS = `l.id, l.unit_id AS "unitId", l.tenant_id AS "tenantId",
  l.start_date::text AS "startDate", l.end_date::text AS "endDate",
  l.monthly_rent::text AS "monthlyRent", l.status AS "recordStatus"`;

/** Keeps the lease's status on `today` (one day for the whole request) and its unit, if joined. */
export function withExtras<T extends ReadLease>(lease: T, today: string, unit?: ReadUnit): T {
  (lease as Extras)[STATUS] = leaseStatus(lease, today);
  if (unit) (lease as Extras)[UNIT] = unit;
  return lease;
}

/** The unit read with the lease, if it was. */
export function unitReadWith(lease: ReadLease): ReadUnit | undefined {
  return (lease as Extras)[UNIT];
}

/** The lease's status on the day it was read, if it was read by a GraphQL loader. */
export function statusReadWith(lease: ReadLease): LeaseStatus | undefined {
  return (lease as Extras)[STATUS];
}
