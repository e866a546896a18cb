// The floor (T1) of the benchmarks: node:http and pg, one hand-written SQL statement per query,
// JSON out. It answers the same questions as the product's Q1–Q5 with nothing in between.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

export const FLOOR_SQL = {
  /** Q1: a firm's profile with its certifications. */
  q1: `SELECT json_build_object('id', t.id, 'name', t.name, 'kind', t.kind, 'creditCode', t.credit_code,
              'industryChain', t.industry_chain, 'enteredOn', t.entered_on, 'status', t.status,
              'certifications', coalesce((SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind,
                 'certificateNo', c.certificate_no, 'issuedOn', c.issued_on, 'expiresOn', c.expires_on))
                 FROM certifications c WHERE c.tenant_id = t.id), '[]'::json)) AS doc
         FROM tenants t WHERE t.id = $1`,

  /** Q2: a page of 50 tenants with their leases and units, and the total. */
  q2: `SELECT json_build_object('totalCount', (SELECT count(*) FROM tenants),
              'edges', coalesce(json_agg(json_build_object('node', json_build_object('id', p.id, 'name', p.name,
                 'status', p.status, 'leases', coalesce((SELECT json_agg(json_build_object('id', l.id,
                   'startDate', l.start_date, 'endDate', l.end_date, 'monthlyRent', l.monthly_rent,
                   'status', l.status, 'unit', json_build_object('id', u.id, 'code', u.code, 'area', u.area)))
                   FROM leases l JOIN units u ON u.id = l.unit_id WHERE l.tenant_id = p.id), '[]'::json)))
                 ORDER BY p.name, p.id), '[]'::json)) AS doc
         FROM (SELECT id, name, status FROM tenants ORDER BY name, id LIMIT 50) p`,

  /** Q3: a zone's dashboard for a year on a date: every figure in one statement. */
  q3: `WITH w AS (SELECT make_date($2::int, 1, 1) AS from_d, least($3::date, make_date($2::int, 12, 31)) AS to_d),
       zt AS (SELECT t.* FROM tenants t WHERE t.zone_id = $1),
       newtech AS (SELECT zt.id FROM zt, w WHERE zt.is_tech_firm AND zt.entered_on BETWEEN w.from_d AND w.to_d),
       months AS (SELECT to_char(m, 'YYYY-MM') AS period FROM w,
                  generate_series(w.from_d, date_trunc('month', w.to_d), interval '1 month') m),
       output AS (SELECT r.period, sum(r.output_value) AS value FROM output_reports r
                  JOIN zt ON zt.id = r.tenant_id, w
                  WHERE r.latest AND r.status IN ('SUBMITTED', 'ACCEPTED')
                    AND r.period BETWEEN to_char(w.from_d, 'YYYY-MM') AND to_char(w.to_d, 'YYYY-MM')
                  GROUP BY r.period),
       zunits AS (SELECT u.id, u.area FROM units u JOIN buildings b ON b.id = u.building_id
                  WHERE b.zone_id = $1 AND u.condition <> 'RETIRED'),
       leased AS (SELECT DISTINCT l.unit_id FROM leases l JOIN zunits ON zunits.id = l.unit_id
                  WHERE l.status <> 'TERMINATED' AND l.period @> $3::date)
       SELECT json_build_object(
         'residentTenants', (SELECT count(*) FROM zt WHERE zt.entered_on <= $3 AND (zt.exited_on IS NULL OR zt.exited_on >= $3)),
         'newTenants', (SELECT count(*) FROM zt, w WHERE zt.entered_on BETWEEN w.from_d AND w.to_d),
         'occupancy', json_build_object('unitsTotal', (SELECT count(*) FROM zunits),
            'unitsLeased', (SELECT count(*) FROM leased),
            'totalArea', (SELECT coalesce(sum(area), 0) FROM zunits),
            'leasedArea', (SELECT coalesce(sum(z.area), 0) FROM zunits z JOIN leased ON leased.unit_id = z.id)),
         'outputValueYtd', (SELECT coalesce(sum(value), 0) FROM output),
         'outputByMonth', (SELECT json_agg(json_build_object('period', months.period, 'value', coalesce(o.value, 0)) ORDER BY months.period)
                           FROM months LEFT JOIN output o ON o.period = months.period),
         'newTechFirms', (SELECT count(*) FROM newtech),
         'newHighTech', (SELECT count(*) FROM newtech n, w WHERE EXISTS (SELECT 1 FROM certifications c WHERE c.tenant_id = n.id
                          AND c.kind = 'HIGH_TECH' AND c.issued_on <= w.to_d AND (c.expires_on IS NULL OR c.expires_on >= w.to_d))),
         'newSrdi', (SELECT count(*) FROM newtech n, w WHERE EXISTS (SELECT 1 FROM certifications c WHERE c.tenant_id = n.id
                          AND c.kind = 'SRDI' AND c.issued_on <= w.to_d AND (c.expires_on IS NULL OR c.expires_on >= w.to_d))),
         'projects', (SELECT count(*) FROM industrialization_projects p, w WHERE p.zone_id = $1 AND p.cultivated_on BETWEEN w.from_d AND w.to_d)
       ) AS doc`,

  /** Q4: a report's next revision and its audit event, in one statement. */
  q4: `WITH prev AS (
         UPDATE output_reports SET latest = false WHERE tenant_id = $1 AND period = $2 AND latest RETURNING revision),
       ins AS (
         INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue, rd_expense,
                                     employees, patents_filed, patents_granted, status)
         VALUES ($1, $2, coalesce((SELECT revision FROM prev), 0) + 1, true, $3, $4, $5, $6, $7, $8, 'SUBMITTED')
         RETURNING id, revision),
       audit AS (
         INSERT INTO audit_events (operation, entity, entity_id, after)
         SELECT 'submitOutputReport', 'OutputReport', ins.id::text, json_build_object('revision', ins.revision) FROM ins)
       SELECT json_build_object('id', id, 'revision', revision) AS doc FROM ins`,

  /** Q5: a lease, refused by the exclusion constraint when the period is taken. */
  q5: `INSERT INTO leases (unit_id, tenant_id, start_date, end_date, monthly_rent)
       SELECT u.id, $2, $3, $4, round(u.area * u.monthly_rent_per_sqm, 2) FROM units u WHERE u.id = $1
       RETURNING json_build_object('id', id) AS doc`,
};

async function body(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
}

function send(res: ServerResponse, status: number, doc: unknown) {
  const json = JSON.stringify(doc);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

export function startFloor(url: string, schema: string, port: number, poolSize = 10) {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c search_path=${schema},public`,
  });
  const server = createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://floor');
      const q = u.searchParams;
      let r: pg.QueryResult;
      switch (u.pathname) {
        case '/health':
          return send(res, 200, { status: 'ok' });
        case '/q1':
          r = await pool.query(FLOOR_SQL.q1, [q.get('id')]);
          break;
        case '/q2':
          r = await pool.query(FLOOR_SQL.q2);
          break;
        case '/q3':
          r = await pool.query(FLOOR_SQL.q3, [q.get('zone'), Number(q.get('year')), q.get('asOf')]);
          break;
        case '/q4': {
          const b = await body(req);
          r = await pool.query(FLOOR_SQL.q4, [
            b.tenantId,
            b.period,
            b.outputValue,
            b.revenue,
            b.rdExpense,
            b.employees,
            b.patentsFiled,
            b.patentsGranted,
          ]);
          break;
        }
        case '/q5': {
          const b = await body(req);
          r = await pool.query(FLOOR_SQL.q5, [b.unitId, b.tenantId, b.startDate, b.endDate]);
          break;
        }
        default:
          return send(res, 404, { error: 'not found' });
      }
      send(res, 200, { data: r.rows[0]?.doc ?? null });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === '23P01') return send(res, 409, { error: 'CONFLICT' });
      send(res, 500, { error: 'INTERNAL' });
    }
  });
  return new Promise<{ close: () => Promise<void> }>((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        close: async () => {
          await new Promise((r) => server.close(r));
          await pool.end();
        },
      }),
    ),
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const url = process.env.DATABASE_URL!;
  const schema = process.env.DATABASE_SCHEMA ?? 'public';
  const port = Number(process.env.PORT ?? 3901);
  startFloor(url, schema, port).then(() => console.log(`floor listening on ${port}`));
}
