// npm run bench:data -- --scale S|M|L [--seed N]
// Generates a data set of docs/PERFORMANCE.md into its own schema (bench_s, bench_m, bench_l)
// of the PostgreSQL server at DATABASE_URL, in bulk, deterministically from the seed.
import 'reflect-metadata';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { loadConfig } from '@jcv/config';
import { openDataSource } from '@jcv/database';
import { hashPassword } from '@jcv/identity';
import { withCheckChar, CREDIT_CODE_CHARSET } from '@jcv/tenants';
import {
  BENCH_ADMIN,
  BENCH_FIRM_ADMIN,
  BENCH_JWT_SECRET,
  BENCH_PASSWORD,
  databaseUrl,
  LAST_MONTH,
  parseArgs,
  prng,
  type Scale,
  scaleOf,
  schemaOf,
  uuidFrom,
} from './bench-config.js';

const CHAINS = ['AI_PLUS', 'HYDROGEN', 'CARBON_MATERIALS', 'SPECIAL_STEEL', 'SOLID_WASTE', 'OTHER'];
const UNIT_KINDS = ['OFFICE', 'LAB', 'WORKSHOP', 'WORKSTATION', 'PILOT_LINE', 'WAREHOUSE'];
/** Units kept free in the first startup zone for the allocation contention benchmark (Q5). */
export const SPARE_UNITS = 400;
const CHUNK = 5000;

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const monthStart = (ym: string, back: number) => {
  const [y, m] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return d.toISOString().slice(0, 10);
};

/** The PostgreSQL type of each generated column, for the arrays sent to unnest(). */
const COLUMN_TYPES: Record<string, string> = {
  id: 'uuid',
  park_id: 'uuid',
  zone_id: 'uuid',
  tenant_id: 'uuid',
  building_id: 'uuid',
  unit_id: 'uuid',
  entered_on: 'date',
  exited_on: 'date',
  founded_on: 'date',
  issued_on: 'date',
  expires_on: 'date',
  cultivated_on: 'date',
  start_date: 'date',
  end_date: 'date',
  is_tech_firm: 'boolean',
  floor: 'int',
  area: 'numeric',
  monthly_rent_per_sqm: 'numeric',
  monthly_rent: 'numeric',
  property_fee_per_sqm: 'numeric',
  policy_id: 'uuid',
  requested_amount: 'numeric',
  granted_amount: 'numeric',
  decided_at: 'timestamptz',
};

/** The rent relief of the data set's RENT_SUBSIDY policy (Wuhan's 武昌区 rule). */
export const BENCH_RENT_RELIEF = {
  steps: [
    { fromMonth: 1, toMonth: 12, share: '1' },
    { fromMonth: 13, toMonth: 36, share: '0.5' },
  ],
  maxRatePerSqm: '80.00',
  maxArea: '1000.00',
};

/** Multi-row insert through unnest: one statement per few thousand rows. */
async function insert(
  client: pg.Client,
  table: string,
  columns: Record<string, unknown[]>,
  onRows: (n: number) => void,
) {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  for (let start = 0; start < n; start += CHUNK) {
    const params = names.map((c) => columns[c].slice(start, start + CHUNK));
    const unnest = names.map((c, i) => `$${i + 1}::${COLUMN_TYPES[c] ?? 'text'}[]`).join(', ');
    await client.query(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${unnest})`,
      params,
    );
    onRows(params[0].length);
  }
}

async function prepareSchema(url: string, schema: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const ds = await openDataSource(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      JWT_SECRET: BENCH_JWT_SECRET,
      LOG_LEVEL: 'silent',
    }),
  );
  await ds.destroy();
}

export async function generate(
  scale: Scale,
  seed: number,
  url: string,
  schema: string,
  quiet = false,
) {
  const started = Date.now();
  await prepareSchema(url, schema);
  const client = new pg.Client({
    connectionString: url,
    options: `-c search_path=${schema},public`,
  });
  await client.connect();
  const rand = prng(seed);
  // Bills' data (property fees, second leases, rent-relief grants) come from a generator of their
  // own, so that everything else is the same as before they were added.
  const billRand = prng(seed + 0x5eed);
  // Founding dates likewise (annual reports come from a hash of their own in the database).
  const foundedRand = prng(seed + 0xf0d);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const windowStart = monthStart(LAST_MONTH, scale.months - 1);

  // Rows expected, for the progress bar; reports are counted by the database as they go.
  const bar = new cliProgress.SingleBar(
    {
      format: `scale ${scale.name} [{bar}] {percentage}% | {value}/{total} rows | {step}`,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  );
  let rows = 0;
  const done = (n: number) => {
    rows += n;
    bar.update(rows);
  };
  if (!quiet)
    bar.start(Math.round(scale.tenants * (scale.months * 0.85 + 5)), 0, { step: 'parks' });
  const step = (s: string) => bar.update(rows, { step: s });

  // Parks and zones: the first park is 晋创谷·吕梁 itself, so the plan's targets apply to it.
  const parks = { id: [] as string[], code: [] as string[], name: [] as string[] };
  const zones = {
    id: [] as string[],
    park_id: [] as string[],
    code: [] as string[],
    name: [] as string[],
    kind: [] as string[],
  };
  for (let p = 0; p < scale.parks; p++) {
    const id = uuidFrom(rand);
    parks.id.push(id);
    parks.code.push(p === 0 ? 'JCV-LVLIANG' : `JCV-P${String(p + 1).padStart(3, '0')}`);
    parks.name.push(p === 0 ? '晋创谷·吕梁' : `晋创谷·园区${p + 1}`);
    for (const [code, name] of [
      ['STARTUP', '起步区'],
      ['EXPANSION', '拓展区'],
    ]) {
      zones.id.push(uuidFrom(rand));
      zones.park_id.push(id);
      zones.code.push(code);
      zones.name.push(name);
      zones.kind.push(code);
    }
  }
  await insert(client, 'parks', parks, done);
  await insert(client, 'zones', zones, done);

  // Tenants, spread over the zones; most entered before the window, some during it.
  step('tenants');
  const t = {
    id: [] as string[],
    name: [] as string[],
    kind: [] as string[],
    credit_code: [] as (string | null)[],
    zone_id: [] as string[],
    industry_chain: [] as string[],
    is_tech_firm: [] as boolean[],
    entered_on: [] as string[],
    exited_on: [] as (string | null)[],
    status: [] as string[],
    founded_on: [] as (string | null)[],
  };
  const windowDays = scale.months * 30;
  for (let i = 0; i < scale.tenants; i++) {
    const id = uuidFrom(rand);
    const firm = rand() < 0.85;
    const entered =
      rand() < 0.8
        ? addDays(windowStart, -Math.floor(rand() * 730) - 1)
        : addDays(windowStart, Math.floor(rand() * windowDays));
    const exited = rand() < 0.05 ? addDays(entered, 365 + Math.floor(rand() * 700)) : null;
    const exitedOn = exited && exited < `${LAST_MONTH}-01` ? exited : null;
    let body = `91${String(140000 + (i % 9000)).padStart(6, '0')}`;
    for (let k = body.length; k < 17; k++) body += CREDIT_CODE_CHARSET[Math.floor(rand() * 31)];
    body = body.slice(0, 9) + String(i).padStart(8, '0');
    t.id.push(id);
    t.name.push(
      `${pick(['晋', '吕', '汾', '离', '兴', '岚'])}${pick(['创', '科', '能', '材', '智', '钢'])}科技${i}号有限公司`,
    );
    t.kind.push(firm ? 'FIRM' : 'TEAM');
    t.credit_code.push(firm ? withCheckChar(body) : null);
    t.zone_id.push(zones.id[i % zones.id.length]);
    t.industry_chain.push(pick(CHAINS));
    t.is_tech_firm.push(rand() < 0.7);
    t.entered_on.push(entered);
    t.exited_on.push(exitedOn);
    t.status.push(exitedOn ? (rand() < 0.5 ? 'GRADUATED' : 'EXITED') : 'RESIDENT');
    // One in ten founding dates unknown; the rest up to five years before entry, most of them
    // within the 24 months that make a firm young at entry.
    const f = foundedRand();
    t.founded_on.push(
      f < 0.1 ? null : addDays(entered, -Math.floor(Math.pow(foundedRand(), 2) * 1800)),
    );
  }
  await insert(client, 'tenants', t, done);

  // Users: the admin, an analyst, and a firm admin of the first tenant (for Q1).
  const hash = await hashPassword(BENCH_PASSWORD);
  await client.query(
    `INSERT INTO users (email, display_name, role, password_hash, tenant_id) VALUES
       ($1, 'Bench admin', 'ADMIN', $3, NULL), ($2, 'Bench firm admin', 'TENANT_ADMIN', $3, $4)`,
    [BENCH_ADMIN, BENCH_FIRM_ADMIN, hash, t.id[0]],
  );

  // Certifications for a quarter of the firms; projects for a third of the expansion zone's.
  step('certifications');
  const c = {
    tenant_id: [] as string[],
    kind: [] as string[],
    certificate_no: [] as string[],
    issued_on: [] as string[],
    expires_on: [] as (string | null)[],
  };
  const pr = {
    tenant_id: [] as string[],
    zone_id: [] as string[],
    name: [] as string[],
    stage: [] as string[],
    cultivated_on: [] as string[],
  };
  for (let i = 0; i < scale.tenants; i++) {
    if (rand() < 0.25) {
      const kind = pick(['HIGH_TECH', 'HIGH_TECH', 'SRDI', 'TECH_SME']);
      const issued = addDays(t.entered_on[i], Math.floor(rand() * 900));
      c.tenant_id.push(t.id[i]);
      c.kind.push(kind);
      c.certificate_no.push(`${kind}-${seed}-${i}`);
      c.issued_on.push(issued);
      c.expires_on.push(kind === 'HIGH_TECH' ? addDays(issued, 3 * 365) : null);
    }
    const zoneIndex = i % zones.id.length;
    if (zones.kind[zoneIndex] === 'EXPANSION' && rand() < 0.33) {
      pr.tenant_id.push(t.id[i]);
      pr.zone_id.push(t.zone_id[i]);
      pr.name.push(`产业化项目 ${i}`);
      pr.stage.push(pick(['INCUBATING', 'PILOT', 'INDUSTRIALIZED']));
      pr.cultivated_on.push(addDays(windowStart, Math.floor(rand() * windowDays)));
    }
  }
  await insert(client, 'certifications', c, done);
  await insert(client, 'industrialization_projects', pr, done);

  // Buildings of 20 units, one unit per tenant plus spare ones; each tenant leases its unit.
  step('space');
  const b = {
    id: [] as string[],
    zone_id: [] as string[],
    code: [] as string[],
    name: [] as string[],
    property_fee_per_sqm: [] as string[],
  };
  const u = {
    id: [] as string[],
    building_id: [] as string[],
    code: [] as string[],
    floor: [] as number[],
    kind: [] as string[],
    area: [] as string[],
    monthly_rent_per_sqm: [] as string[],
  };
  const unitOfTenant: string[] = [];
  /** Second leases: a firm's index and the unit (its index in u) it also leases. */
  const extraUnits: { tenant: number; unit: number }[] = [];
  const perZone = new Map<string, number[]>();
  t.zone_id.forEach((z, i) => perZone.set(z, [...(perZone.get(z) ?? []), i]));
  zones.id.forEach((zoneId, zi) => {
    const tenantsHere = perZone.get(zoneId) ?? [];
    const units =
      tenantsHere.length + (zi === 0 ? SPARE_UNITS : Math.ceil(tenantsHere.length * 0.05));
    let buildingId = '';
    for (let k = 0; k < units; k++) {
      if (k % 20 === 0) {
        buildingId = uuidFrom(rand);
        b.id.push(buildingId);
        b.zone_id.push(zoneId);
        b.code.push(`B${Math.floor(k / 20) + 1}`);
        b.name.push(`${zones.name[zi]} ${Math.floor(k / 20) + 1} 号楼`);
        // A fifth of the buildings charge no property fee.
        b.property_fee_per_sqm.push(
          billRand() < 0.2 ? '0.00' : (2 + Math.floor(billRand() * 600) / 100).toFixed(2),
        );
      }
      const unitId = uuidFrom(rand);
      u.id.push(unitId);
      u.building_id.push(buildingId);
      u.code.push(`U${k + 1}`);
      u.floor.push((1 + (k % 20) / 4) | 0);
      u.kind.push(pick(UNIT_KINDS));
      u.area.push((40 + Math.floor(rand() * 40000) / 100).toFixed(2));
      u.monthly_rent_per_sqm.push((20 + Math.floor(rand() * 4000) / 100).toFixed(2));
      if (k < tenantsHere.length) unitOfTenant[tenantsHere[k]] = unitId;
    }
    // A sixth of the zone's resident firms lease a second unit, in buildings of their own.
    const second = tenantsHere.filter(
      (i) => !t.exited_on[i] && t.kind[i] === 'FIRM' && billRand() < 1 / 6,
    );
    second.forEach((i, k) => {
      if (k % 20 === 0) {
        buildingId = uuidFrom(billRand);
        b.id.push(buildingId);
        b.zone_id.push(zoneId);
        b.code.push(`S${Math.floor(k / 20) + 1}`);
        b.name.push(`${zones.name[zi]} ${Math.floor(k / 20) + 1} 号附楼`);
        b.property_fee_per_sqm.push((1 + Math.floor(billRand() * 500) / 100).toFixed(2));
      }
      u.id.push(uuidFrom(billRand));
      u.building_id.push(buildingId);
      u.code.push(`S${k + 1}`);
      u.floor.push((1 + (k % 20) / 4) | 0);
      u.kind.push(UNIT_KINDS[Math.floor(billRand() * UNIT_KINDS.length)]);
      u.area.push((20 + Math.floor(billRand() * 150000) / 100).toFixed(2));
      u.monthly_rent_per_sqm.push((20 + Math.floor(billRand() * 8000) / 100).toFixed(2));
      extraUnits.push({ tenant: i, unit: u.id.length - 1 });
    });
  });
  await insert(client, 'buildings', b, done);
  await insert(client, 'units', u, done);
  const l = {
    unit_id: [] as string[],
    tenant_id: [] as string[],
    start_date: [] as string[],
    end_date: [] as string[],
    monthly_rent: [] as string[],
  };
  for (let i = 0; i < scale.tenants; i++) {
    l.unit_id.push(unitOfTenant[i]);
    l.tenant_id.push(t.id[i]);
    l.start_date.push(t.entered_on[i]);
    l.end_date.push(t.exited_on[i] ?? addDays(t.entered_on[i], 10 * 365));
    l.monthly_rent.push((2000 + Math.floor(rand() * 2000000) / 100).toFixed(2));
  }
  // Second leases: from a day between the firm's entry and LAST_MONTH to the end of its first
  // lease, at the unit's list rent (some units are larger than 1,000 m², past maxArea).
  for (const { tenant: i, unit } of extraUnits) {
    const span = Math.max(
      1,
      (Date.parse(`${LAST_MONTH}-28`) - Date.parse(t.entered_on[i])) / 86_400_000,
    );
    l.unit_id.push(u.id[unit]);
    l.tenant_id.push(t.id[i]);
    l.start_date.push(addDays(t.entered_on[i], Math.floor(billRand() * span)));
    l.end_date.push(l.end_date[i]);
    l.monthly_rent.push((Number(u.area[unit]) * Number(u.monthly_rent_per_sqm[unit])).toFixed(2));
  }
  await insert(client, 'leases', l, done);

  // Rent relief: one RENT_SUBSIDY policy with the 武昌区 rule, granted (APPROVED) to half of the
  // resident firms in their first three years on LAST_MONTH and to a few older ones (who get
  // nothing more: their steps are over).
  step('grants');
  const [policy] = (
    await client.query(
      `INSERT INTO policies (code, title, kind, basis, budget, valid_from, rent_relief)
       VALUES ('BENCH-RENT-RELIEF', '房租减免（基准）', 'RENT_SUBSIDY', '武昌区 rule', 90000000000,
               '2020-01-01', $1::jsonb) RETURNING id`,
      [JSON.stringify(BENCH_RENT_RELIEF)],
    )
  ).rows;
  const recent = monthStart(LAST_MONTH, 35);
  const g = {
    policy_id: [] as string[],
    tenant_id: [] as string[],
    requested_amount: [] as string[],
    granted_amount: [] as string[],
    justification: [] as string[],
    status: [] as string[],
    decided_at: [] as string[],
  };
  for (let i = 0; i < scale.tenants; i++) {
    if (t.exited_on[i] || t.kind[i] !== 'FIRM') continue;
    if (billRand() >= (t.entered_on[i] >= recent ? 0.5 : 0.02)) continue;
    const granted = (20000 + Math.floor(billRand() * 18000000) / 100).toFixed(2);
    g.policy_id.push(policy.id);
    g.tenant_id.push(t.id[i]);
    g.requested_amount.push(granted);
    g.granted_amount.push(granted);
    g.justification.push('房租减免申请');
    g.status.push('APPROVED');
    g.decided_at.push(`${addDays(t.entered_on[i], 20)}T02:00:00Z`);
  }
  await insert(client, 'benefit_applications', g, done);

  // Monthly reports of every resident month in the window, set-based in the database, a slice
  // of tenants at a time so the progress bar moves. Figures come from a hash of the seed, the
  // firm and the month: the same seed gives the same figures.
  step('reports');
  const slice = 1000;
  for (let s = 0; s < scale.tenants; s += slice) {
    const res = await client.query(
      `INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue, rd_expense,
                                   employees, patents_filed, patents_granted, status, submitted_at)
       SELECT t.id, to_char(m, 'YYYY-MM'), 1, true,
              (abs(hashtext($1 || t.id::text || m::text)) % 9000000) / 100.0 + 1000,
              (abs(hashtext($1 || m::text || t.id::text)) % 8000000) / 100.0,
              (abs(hashtext(t.id::text || $1 || m::text)) % 500000) / 100.0,
              5 + abs(hashtext(t.id::text || $1)) % 200,
              abs(hashtext(m::text || $1 || t.id::text)) % 4,
              abs(hashtext(m::text || t.id::text || $1)) % 2,
              CASE WHEN abs(hashtext($1 || 'status' || t.id::text || m::text)) % 100 < 5 THEN 'RETURNED'
                   WHEN abs(hashtext($1 || 'status' || t.id::text || m::text)) % 100 < 60 THEN 'ACCEPTED'
                   ELSE 'SUBMITTED' END,
              (m + interval '1 month 10 days')::timestamptz
         FROM (SELECT id, entered_on, exited_on FROM tenants ORDER BY id OFFSET $2 LIMIT $3) t
         CROSS JOIN LATERAL generate_series(
              greatest(date_trunc('month', t.entered_on), $4::date),
              least(date_trunc('month', coalesce(t.exited_on, $5::date)), $5::date),
              interval '1 month') m`,
      [String(seed), s, slice, windowStart, `${LAST_MONTH}-01`],
    );
    done(res.rowCount ?? 0);
  }

  // Annual reports of 2025 from every tenant resident in 2025, set-based in the database from a
  // hash of their own (as the monthly reports, with another key): by latest revision 90 %
  // ACCEPTED, 4 % awaiting review, 1 % RETURNED, 5 % none; one in twelve reports was returned
  // once before (revision 1, no longer latest). Every 其中 is at most its total; a few firms
  // report no employees. The occupied area is the firm's leases on 31 December 2025.
  step('annual reports');
  const [{ id: adminId }] = (
    await client.query(`SELECT id FROM users WHERE email = $1`, [BENCH_ADMIN])
  ).rows;
  const annual = await client.query(
    `INSERT INTO annual_reports (tenant_id, year, revision, latest, status, registered_capital,
                                 employees, employees_doctorate, employees_college,
                                 employees_returnees, employees_fresh_graduates, total_revenue,
                                 net_profit, tax_paid, rd_expense, venture_funding, ip_applied,
                                 ip_granted, ip_valid, invention_patents_valid, software_copyrights,
                                 tech_contracts, tech_contract_value, national_projects,
                                 occupied_area, submitted_at, submitted_by, review_note, reviewed_at,
                                 reviewed_by)
     SELECT t.id, 2025, r.n, r.n = t.revisions,
            CASE WHEN r.n < t.revisions THEN 'RETURNED'
                 WHEN t.bucket < 9 THEN 'SUBMITTED'
                 WHEN t.bucket < 10 THEN 'RETURNED'
                 ELSE 'ACCEPTED' END,
            (h.h1 % 1000) * 10000.00 + 100000,
            e.employees,
            h.h2 % (e.employees / 10 + 1),
            h.h3 % (e.employees + 1),
            h.h4 % (e.employees / 20 + 1),
            h.h5 % (e.employees / 5 + 1),
            m.revenue, m.revenue * (h.h11 % 40 - 10) / 100, m.revenue * (h.h7 % 8) / 100,
            m.revenue * (h.h8 % 15) / 100,
            CASE WHEN h.h9 % 100 < 15 THEN (h.h9 % 5000) * 10000.00 ELSE 0 END,
            ip.applied, ip.applied / 2, ip.held, h.h10 % (ip.held + 1), h.h11 % 6,
            h.h12 % 4, (h.h12 % 4) * (h.h1 % 50000) * 10.00, CASE WHEN h.h2 % 50 = 0 THEN 1 ELSE 0 END,
            coalesce((SELECT sum(u.area) FROM leases l JOIN units u ON u.id = l.unit_id
                       WHERE l.tenant_id = t.id AND l.status <> 'TERMINATED'
                         AND l.start_date <= '2025-12-31' AND l.end_date >= '2025-12-31'), 0),
            timestamptz '2026-01-05 10:00+08' + make_interval(days => (h.h3 % 20 + r.n * 7)::int),
            NULL,
            CASE WHEN r.n < t.revisions OR t.bucket = 9 THEN '请核对研发费用与从业人员' END,
            CASE WHEN r.n < t.revisions OR t.bucket >= 9
                 THEN timestamptz '2026-01-08 15:00+08' + make_interval(days => (h.h3 % 20 + r.n * 7)::int) END,
            CASE WHEN r.n < t.revisions OR t.bucket >= 9 THEN $2::uuid END
       FROM (SELECT id, abs(hashtext($1::text || 'annual' || id::text)::bigint) % 100 AS bucket,
                    CASE WHEN abs(hashtext($1::text || 'revised' || id::text)::bigint) % 12 = 0 THEN 2
                         ELSE 1 END AS revisions
               FROM tenants
              WHERE entered_on <= '2025-12-31' AND (exited_on IS NULL OR exited_on >= '2025-01-01')) t
      CROSS JOIN LATERAL generate_series(1, t.revisions) r(n)
      CROSS JOIN LATERAL (
        SELECT ${Array.from(
          { length: 12 },
          (_, k) =>
            `abs(hashtext($1::text || 'annual${k + 1}' || t.id::text || r.n)::bigint) AS h${k + 1}`,
        ).join(', ')}) h
      CROSS JOIN LATERAL (SELECT CASE WHEN h.h4 % 100 = 0 THEN 0 ELSE 3 + h.h5 % 300 END AS employees) e
      CROSS JOIN LATERAL (SELECT (h.h6 % 2000000000) / 100.0 AS revenue) m
      CROSS JOIN LATERAL (SELECT h.h7 % 30 AS applied, h.h8 % 25 AS held) ip
      WHERE t.bucket >= 5`,
    [String(seed), adminId],
  );
  done(annual.rowCount ?? 0);

  step('analyze');
  await client.query('ANALYZE');
  await client.end();
  bar.update(rows, { step: 'done' });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  return { rows, seconds };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = scaleOf(args);
  const seed = Number(args.seed ?? 1);
  const url = databaseUrl();
  const schema = schemaOf(scale);
  const { rows, seconds } = await generate(scale, seed, url, schema);
  console.log(
    `\n${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s) into schema ${schema}`,
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
