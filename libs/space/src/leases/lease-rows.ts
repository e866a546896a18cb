import { leaseStatus } from '../space-rules.js';
import type { ReadUnit } from '../units/unit-rows.js';
import type { Lease, LeaseRecordStatus } from './lease.entity.js';

/**
 * A lease as the GraphQL reads load it: every column a field or a resolver below it uses,
 * dates as "YYYY-MM-DD" and money as the decimal string of `numeric`, as the entity holds them,
 * without TypeORM's hydration, and its `status` worked out once on the request's day. The row's
 * timestamps are left out: no field shows them.
 */
export type ReadLease = Omit<Lease, 'createdAt' | 'updatedAt'>;

/** Loaded with the lease in the same statement: its unit. */
const UNIT = Symbol('unit');
interface Extras {
  [UNIT]?: ReadUnit;
}

export const LEASE_COLUMNS = `l.id, l.unit_id AS "unitId", l.tenant_id AS "tenantId",
  l.start_date::text AS "startDate", l.end_date::text AS "endDate",
  l.monthly_rent::text AS "monthlyRent", l.status AS "recordStatus"`;

/** A lease of a row read with LEASE_COLUMNS, its status on `today`, and its unit if joined. */
export function readLease(row: Record<string, unknown>, today: string, unit?: ReadUnit): ReadLease {
  const record = {
    id: row.id as string,
    unitId: row.unitId as string,
    tenantId: row.tenantId as string,
    startDate: row.startDate as string,
    endDate: row.endDate as string,
    monthlyRent: row.monthlyRent as string,
    recordStatus: row.recordStatus as LeaseRecordStatus,
  };
  const lease: ReadLease & Extras = { ...record, status: leaseStatus(record, today) };
  if (unit) lease[UNIT] = unit;
  return lease;
}

/** The unit read with the lease, if it was. */
export function unitReadWith(lease: ReadLease): ReadUnit | undefined {
  return (lease as Extras)[UNIT];
}
