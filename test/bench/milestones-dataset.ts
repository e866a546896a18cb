// A province-sized data set for the milestone counts and zone dashboards: 50 parks of two zones,
// 20 000 firms, five years of monthly reports (2021-11 to 2026-10, with resubmissions and
// returned revisions), certificates, projects, units and leases, benefit grants and service
// requests. Set-based: a few INSERT … SELECT over generate_series, the values derived from the
// row numbers, so every run gives the same figures.
//
//   npm run build
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/test/bench/milestones-dataset.js \
//     [--schema bench_milestones] [--tenants 20000]
//   … and --drop to remove the schema afterwards.
import 'reflect-metadata';
import pg from 'pg';
import { loadConfig } from '@jcv/config';
import { openDataSource } from '@jcv/database';
import { BENCH_JWT_SECRET, databaseUrl, parseArgs } from './bench-config.js';

const ZONES = 100;

/** Each step: a label and one statement. */
const steps = (tenants: number): [string, string][] => [
  [
    'parks',
    `INSERT INTO parks (code, name)
     SELECT format('BP%s', lpad(p::text, 3, '0')), format('Bench park %s', p)
     FROM generate_series(1, ${ZONES / 2}) p`,
  ],
  [
    'zones',
    `INSERT INTO zones (park_id, code, name, kind)
     SELECT pk.id, k.kind, pk.name || ' ' || k.kind, k.kind
     FROM parks pk CROSS JOIN (VALUES ('STARTUP'), ('EXPANSION')) k(kind)
     WHERE pk.code LIKE 'BP%'`,
  ],
  [
    'zone numbers',
    // Even numbers are startup zones, odd ones expansion zones.
    `CREATE TABLE bench_zones AS
     SELECT z.id, z.kind, (row_number() OVER (ORDER BY p.code, z.kind DESC) - 1)::int AS n
     FROM zones z JOIN parks p ON p.id = z.park_id WHERE p.code LIKE 'BP%'`,
  ],
  [
    'tenants',
    // Zones get consecutive blocks of firms. Three firms in four were resident before the five
    // years of reports (from 2016); the fourth enters during them, so every year has new firms.
    // One firm in seven is no technology firm; one in ten leaves, from 2024 on.
    `INSERT INTO tenants (name, kind, credit_code, zone_id, industry_chain, is_tech_firm,
       entered_on, exited_on, status)
     SELECT format('Bench firm %s', lpad(i::text, 5, '0')), 'FIRM',
       '91141100' || lpad(i::text, 10, '0'), z.id,
       (ARRAY['AI_PLUS','HYDROGEN','CARBON_MATERIALS','SPECIAL_STEEL','SOLID_WASTE','OTHER'])[1 + i % 6],
       i % 7 <> 0, e.entered, e.exited,
       CASE WHEN e.exited IS NULL THEN 'RESIDENT' ELSE 'EXITED' END
     FROM generate_series(0, ${tenants - 1}) i
     JOIN bench_zones z ON z.n = i * ${ZONES} / ${tenants}
     CROSS JOIN LATERAL (SELECT CASE WHEN i % 4 = 1
       THEN date '2021-11-01' + (i * 7919) % 1826
       ELSE date '2016-01-01' + (i * 7919) % 2130 END AS entered) d
     CROSS JOIN LATERAL (SELECT d.entered,
       CASE WHEN i % 10 = 7 AND greatest(d.entered + 500, date '2024-01-01' + i % 700) <= date '2026-10-31'
         THEN greatest(d.entered + 500, date '2024-01-01' + i % 700) END AS exited) e`,
  ],
  [
    'tenant numbers',
    `CREATE TABLE bench_tenants AS
     SELECT t.id, substring(t.name FROM 12)::int AS i, t.zone_id, z.n AS zone_n, t.entered_on,
       t.exited_on
     FROM tenants t JOIN bench_zones z ON z.id = t.zone_id WHERE t.name LIKE 'Bench firm %'`,
  ],
  [
    'certifications',
    `INSERT INTO certifications (tenant_id, kind, certificate_no, issued_on, expires_on)
     SELECT id, 'HIGH_TECH', 'HT' || i, entered_on + 120, entered_on + 120 + 1095
       FROM bench_tenants WHERE i % 8 IN (1, 2)
     UNION ALL
     SELECT id, 'SRDI', 'SR' || i, entered_on + 200, NULL FROM bench_tenants WHERE i % 20 = 5
     UNION ALL
     SELECT id, 'TECH_SME', 'TS' || i, entered_on + 30, entered_on + 395
       FROM bench_tenants WHERE i % 3 = 0`,
  ],
  [
    'projects',
    // A third of the expansion zones' firms have a project, cultivated from 2021 on.
    `INSERT INTO industrialization_projects (tenant_id, zone_id, name, stage, cultivated_on)
     SELECT id, zone_id, 'Project of firm ' || i,
       (ARRAY['INCUBATING','PILOT','INDUSTRIALIZED'])[1 + i % 3],
       CASE WHEN c.on <= date '2026-10-31' THEN c.on END
     FROM bench_tenants
     CROSS JOIN LATERAL (SELECT greatest(entered_on + 180, date '2021-01-01' + (i * 7919) % 2100) AS on) c
     WHERE zone_n % 2 = 1 AND i % 3 = 0`,
  ],
  [
    'output reports',
    // Every month of residence from 2021-11 to 2026-10; one in twenty is a second revision,
    // one in 33 was returned; older months were accepted.
    `INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue,
       rd_expense, employees, patents_filed, patents_granted, status, submitted_at)
     SELECT t.id, to_char(m, 'YYYY-MM'),
       CASE WHEN (t.i + k) % 20 = 0 THEN 2 ELSE 1 END, true,
       v.value, round(v.value * 0.9, 2), round(v.value * 0.05, 2), 5 + t.i % 50, t.i % 3, t.i % 2,
       CASE WHEN (t.i + k) % 33 = 0 THEN 'RETURNED'
            WHEN m < date '2026-06-01' THEN 'ACCEPTED' ELSE 'SUBMITTED' END,
       m + interval '1 month 9 days'
     FROM bench_tenants t
     CROSS JOIN LATERAL generate_series(
       greatest(date_trunc('month', t.entered_on), date '2021-11-01'),
       least(date_trunc('month', coalesce(t.exited_on, date '2026-10-31')), date '2026-10-01'),
       interval '1 month') m
     CROSS JOIN LATERAL (SELECT (extract(year FROM m) * 12 + extract(month FROM m))::int AS k) kk
     CROSS JOIN LATERAL (SELECT (1000 + (t.i * 37 + k * 101) % 50000)::numeric
       + ((t.i + k) % 100) / 100.0 AS value) v`,
  ],
  [
    'superseded revisions',
    `INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue,
       rd_expense, employees, patents_filed, patents_granted, status, submitted_at)
     SELECT tenant_id, period, 1, false, output_value + 100, revenue, rd_expense, employees,
       patents_filed, patents_granted, 'SUBMITTED', submitted_at - interval '3 days'
     FROM output_reports WHERE revision = 2`,
  ],
  [
    'targets',
    `INSERT INTO milestone_targets (year, metric, zone_id, target, source)
     SELECT y, m.metric, z.id, m.target, 'bench'
     FROM generate_series(2022, 2027) y
     CROSS JOIN (VALUES ('STARTUP', 'NEW_TECH_FIRMS', 30), ('STARTUP', 'NEW_HIGH_TECH_FIRMS', 5),
       ('STARTUP', 'NEW_SRDI_FIRMS', 1), ('EXPANSION', 'INDUSTRIALIZATION_PROJECTS', 6)) m(kind, metric, target)
     JOIN bench_zones z ON z.kind = m.kind
     UNION ALL
     SELECT y, 'ANNUAL_OUTPUT_VALUE', NULL, 210000000, 'bench' FROM generate_series(2022, 2027) y`,
  ],
  [
    'buildings',
    `INSERT INTO buildings (zone_id, code, name)
     SELECT z.id, 'B' || b, 'Building ' || b FROM bench_zones z CROSS JOIN generate_series(1, 2) b`,
  ],
  [
    'units',
    `INSERT INTO units (building_id, code, floor, kind, area, monthly_rent_per_sqm)
     SELECT b.id, 'U' || t.i, 1 + t.i % 12,
       (ARRAY['OFFICE','LAB','WORKSHOP','WORKSTATION','PILOT_LINE','WAREHOUSE'])[1 + t.i % 6],
       50 + t.i % 200, 30
     FROM bench_tenants t JOIN buildings b ON b.zone_id = t.zone_id AND b.code = 'B' || (1 + t.i % 2)`,
  ],
  [
    'leases',
    // Four firms in five lease their unit for three years from their entry.
    `INSERT INTO leases (unit_id, tenant_id, start_date, end_date, monthly_rent)
     SELECT u.id, t.id, t.entered_on, least(t.entered_on + 1094, coalesce(t.exited_on, t.entered_on + 1094)),
       u.area * u.monthly_rent_per_sqm
     FROM bench_tenants t JOIN units u ON u.code = 'U' || t.i
     WHERE t.i % 5 <> 4`,
  ],
  [
    'policies',
    `INSERT INTO policies (code, title, kind, basis, budget, valid_from)
     SELECT 'BENCH-' || p.code, 'Rent subsidy', 'RENT_SUBSIDY', 'bench', 9999999999.99, '2019-01-01'
     FROM parks p WHERE p.code LIKE 'BP%'`,
  ],
  [
    'benefit grants',
    `INSERT INTO benefit_applications (policy_id, tenant_id, requested_amount, granted_amount,
       justification, status, submitted_at, decided_at)
     SELECT po.id, t.id, 100000, 50000 + t.i % 1000, 'bench', 'APPROVED',
       (t.entered_on + 60)::timestamp AT TIME ZONE 'Asia/Shanghai',
       (t.entered_on + 90)::timestamp AT TIME ZONE 'Asia/Shanghai'
     FROM bench_tenants t
     JOIN zones z ON z.id = t.zone_id JOIN parks p ON p.id = z.park_id
     JOIN policies po ON po.code = 'BENCH-' || p.code
     WHERE t.i % 2 = 1`,
  ],
  [
    'service requests',
    // Two a firm: one still open, one cancelled the next day.
    `INSERT INTO service_requests (tenant_id, category, title, description, status, created_at, due_at)
     SELECT t.id, 'IP_PATENT', 'Request ' || r, 'bench', CASE r WHEN 1 THEN 'OPEN' ELSE 'CANCELLED' END,
       (t.entered_on + 30 * r)::timestamp AT TIME ZONE 'Asia/Shanghai',
       (t.entered_on + 30 * r)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '72 hours'
     FROM bench_tenants t CROSS JOIN generate_series(1, 2) r`,
  ],
  [
    'service request events',
    `INSERT INTO service_request_events (request_id, at, kind, status)
     SELECT id, created_at, 'OPENED', 'OPEN' FROM service_requests
     UNION ALL
     SELECT id, created_at + interval '1 day', 'STATUS_CHANGED', 'CANCELLED'
       FROM service_requests WHERE status = 'CANCELLED'`,
  ],
  ['drop helper tables', `DROP TABLE bench_tenants, bench_zones`],
];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = databaseUrl();
  const schema = args.schema ?? 'bench_milestones';
  const tenants = Number(args.tenants ?? 20000);
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('--schema must be a lower-case name');

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  if (args.drop) {
    console.log(`dropped schema ${schema}`);
    await admin.end();
    return;
  }
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();

  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema,
    JWT_SECRET: BENCH_JWT_SECRET,
    LOG_LEVEL: 'silent',
  });
  await (await openDataSource(config)).destroy();

  const client = new pg.Client({
    connectionString: url,
    options: `-c search_path=${schema},public`,
  });
  await client.connect();
  try {
    const started = Date.now();
    for (const [label, sql] of steps(tenants)) {
      const t0 = Date.now();
      const res = await client.query(sql);
      console.log(
        `${label.padEnd(24)} ${String(res.rowCount ?? '').padStart(9)} rows  ${Date.now() - t0} ms`,
      );
    }
    await client.query('VACUUM ANALYZE');
    const [counts] = (
      await client.query(`SELECT
        (SELECT count(*) FROM tenants)::int AS tenants,
        (SELECT count(*) FROM output_reports)::int AS reports,
        (SELECT count(*) FROM output_reports WHERE latest)::int AS latest_reports,
        (SELECT count(*) FROM certifications)::int AS certifications,
        (SELECT count(*) FROM industrialization_projects)::int AS projects`)
    ).rows;
    console.log(`schema ${schema}: ${JSON.stringify(counts)} in ${Date.now() - started} ms`);
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
