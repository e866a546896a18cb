import { ForeignReads, type Queryable } from '@jcv/shared';

/** What openServiceRequestsCount reads of other libs' tables: lib tenants' tenants. */
export const OPEN_SERVICE_REQUESTS_READS = new ForeignReads(
  import.meta.url,
  'openServiceRequestsCount',
  { tenants: ['id', 'zone_id'] },
);

/**
 * The zone's firms' requests that were open at the end of asOf (Asia/Shanghai): created by then
 * and, by their history, not RESOLVED, CLOSED or CANCELLED at that moment. A request resolved
 * later counts for the days it was still open, and a reopened one counts again. One statement,
 * for dashboards. Reads tenants (OPEN_SERVICE_REQUESTS_READS).
 */
export async function openServiceRequestsCount(
  db: Queryable,
  zoneId: string,
  asOf: string,
): Promise<number> {
  const [{ n }] = await db.query(
    `WITH day_end AS (SELECT (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS t)
     SELECT count(*)::int AS n
       FROM service_requests r
       JOIN tenants tn ON tn.id = r.tenant_id
       CROSS JOIN day_end
       CROSS JOIN LATERAL (
         SELECT e.status FROM service_request_events e
          WHERE e.request_id = r.id AND e.at < day_end.t
          ORDER BY e.at DESC, e.id DESC
          LIMIT 1) AS latest
      WHERE tn.zone_id = $1
        AND r.created_at < day_end.t
        AND latest.status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED')`,
    [zoneId, asOf],
  );
  return n;
}
