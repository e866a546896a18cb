import { ForeignReads, type Queryable } from '@jcv/shared';

/** What billingFigures reads of other libs' tables: lib tenants' tenants, for the zone. */
export const BILLING_FIGURES_READS = new ForeignReads(import.meta.url, 'billingFigures', {
  tenants: ['id', 'zone_id'],
});

/** A zone's bills on a dashboard of year Y taken on asOf; money as exact decimal strings. */
export interface BillingFigures {
  /** RENT and PROPERTY_FEE lines of the bills of Y's months up to asOf's month. */
  billed: string;
  /** The RENT_RELIEF lines of those bills, as a positive amount. */
  rentRelieved: string;
  /** Payments on those bills received up to asOf. */
  collected: string;
  /** Bills of any month past their due date on asOf and not fully paid by then. */
  overdueBills: number;
}

/**
 * The zone's rent bills for a dashboard of `year` taken on asOf (the dashboard's day E), VOID
 * bills excluded: billed, relieved and collected over the bills of the zone's firms for the
 * months of the year up to asOf's month (payments counted when received by asOf), and the bills
 * of any month due before asOf whose payments up to asOf fall short of their total. One
 * statement, for dashboards. Reads tenants (BILLING_FIGURES_READS).
 */
export async function billingFigures(
  db: Queryable,
  zoneId: string,
  year: number,
  asOf: string,
): Promise<BillingFigures> {
  const [row] = await db.query(
    `WITH zone_bills AS (
       SELECT b.id, b.period, b.due_on, b.total
         FROM bills b
         JOIN tenants t ON t.id = b.tenant_id
        WHERE t.zone_id = $1::uuid
          AND b.status <> 'VOID'),
     year_bills AS (
       SELECT z.id FROM zone_bills z
        WHERE z.period BETWEEN $2::text || '-01' AND least($2::text || '-12', to_char($3::date, 'YYYY-MM'))),
     lines AS (
       SELECT coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('RENT', 'PROPERTY_FEE')), 0) AS billed,
              coalesce(-sum(l.amount) FILTER (WHERE l.kind = 'RENT_RELIEF'), 0) AS relieved
         FROM bill_lines l
         JOIN year_bills y ON y.id = l.bill_id),
     received AS (
       SELECT coalesce(sum(p.amount), 0) AS collected
         FROM payments p
         JOIN year_bills y ON y.id = p.bill_id
        WHERE p.paid_on <= $3::date),
     overdue AS (
       SELECT count(*)::int AS bills
         FROM zone_bills z
        WHERE z.due_on < $3::date
          AND z.total > (SELECT coalesce(sum(p.amount), 0) FROM payments p
                          WHERE p.bill_id = z.id AND p.paid_on <= $3::date))
     SELECT lines.billed::numeric(16, 2)::text AS billed,
            lines.relieved::numeric(16, 2)::text AS relieved,
            received.collected::numeric(16, 2)::text AS collected,
            overdue.bills AS overdue
       FROM lines, received, overdue`,
    [zoneId, String(year), asOf],
  );
  return {
    billed: row.billed,
    rentRelieved: row.relieved,
    collected: row.collected,
    overdueBills: row.overdue,
  };
}
