import { ForeignReads, type Queryable } from '@jcv/shared';

/** What benefitsGranted reads of other libs' tables: lib tenants' tenants, for the zone. */
export const BENEFITS_GRANTED_READS = new ForeignReads(import.meta.url, 'benefitsGranted', {
  tenants: ['id', 'zone_id'],
});

/**
 * The amounts APPROVED or DISBURSED to a zone's firms with a decision date (in Asia/Shanghai) in
 * [from, to], both inclusive, as an exact decimal string. One statement, for dashboards. Reads
 * tenants (BENEFITS_GRANTED_READS).
 */
export async function benefitsGranted(
  db: Queryable,
  zoneId: string,
  from: string,
  to: string,
): Promise<string> {
  const [{ total }] = await db.query(
    `SELECT coalesce(sum(a.granted_amount), 0)::numeric(16, 2)::text AS total
       FROM benefit_applications a
       JOIN tenants t ON t.id = a.tenant_id
      WHERE t.zone_id = $1
        AND a.status IN ('APPROVED', 'DISBURSED')
        AND a.decided_on BETWEEN $2::date AND $3::date`,
    [zoneId, from, to],
  );
  return total;
}
