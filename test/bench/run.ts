// npm run bench -- --scale S|M|L [--duration 20] [--warmup 5] [--runs 3] [--connections 16]
// Starts the product (T5, production mode) and the floor (T1, node:http + pg), drives Q1–Q5 of
// docs/PERFORMANCE.md against each in turn from this process, and prints one table with the
// ratios T5/T1; then times Q6, a month's issueBills over the whole data set, run twice. Q7 (the
// Torch statistics of one park) and Q7x (their workbook) are driven on the product alone.
// Needs DATABASE_URL (BENCH_PORT, default 3911, for its three ports); generates the scale's data set first when it is missing.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import pg from 'pg';
import autocannon from 'autocannon';
import { generate, SPARE_UNITS } from './generate-data.js';
import {
  BENCH_ADMIN,
  BENCH_FIRM_ADMIN,
  BENCH_JWT_SECRET,
  BENCH_PASSWORD,
  databaseUrl,
  LAST_MONTH,
  parseArgs,
  scaleOf,
  schemaOf,
} from './bench-config.js';

/** BENCH_PORT moves the three servers' ports, so that two benchmarks can run side by side. */
const PORT_BASE = Number(process.env.BENCH_PORT ?? 3911);
const PRODUCT_PORT = PORT_BASE;
const COUNTING_PORT = PORT_BASE + 1;
const FLOOR_PORT = PORT_BASE + 2;
const YEAR = 2026;
const AS_OF = '2026-10-31';
/** The month Q6 bills: the data set's last month. */
const BILL_PERIOD = LAST_MONTH;
/** The year of Q7's Torch statistics: the data set's annual reports are of 2025. */
const TORCH_YEAR = 2025;

type BenchRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
};

/** A query of the table: its document, whose token, and the floor's request when it has one. */
interface BenchQuery {
  what: string;
  query: string;
  vars: () => object;
  token: 'firm' | 'admin';
  /** Left out: the query runs on the product alone (no T1 row, no ratio). */
  floor?: () => BenchRequest;
  /** Fewer connections than --connections, for a heavy request that few clients ask at once. */
  connections?: number;
}

interface Measure {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  errors: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : NaN;

/** Servers this run started; they go down with it, whatever happens. */
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));

function startProduct(
  url: string,
  schema: string,
  port: number,
  counting: boolean,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      JWT_SECRET: BENCH_JWT_SECRET,
      BOOTSTRAP_ADMIN_EMAIL: BENCH_ADMIN,
      BOOTSTRAP_ADMIN_PASSWORD: BENCH_PASSWORD,
      LOG_LEVEL: 'warn',
      SQL_STATEMENT_COUNT: counting ? 'true' : 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return waitFor(`http://127.0.0.1:${port}/health`, 60_000).then(() => child);
}

/** The floor runs in a process of its own, like the product, apart from the load generator. */
function startFloorProcess(url: string, schema: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/test/bench/floor-server.js'], {
    env: { ...process.env, DATABASE_URL: url, DATABASE_SCHEMA: schema, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return waitFor(`http://127.0.0.1:${port}/health`, 30_000).then(() => child);
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function gql(port: number, query: string, variables: object, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    body: (await res.json()) as { data?: any; errors?: any[] },
    statements: Number(res.headers.get('x-sql-statements')),
  };
}

async function login(port: number, email: string) {
  const { body } = await gql(
    port,
    `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`,
    {
      i: { email, password: BENCH_PASSWORD },
    },
  );
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken as string;
}

/** One timed autocannon run; latencies are collected per response for exact percentiles. */
function drive(opts: {
  url: string;
  connections: number;
  duration: number;
  request: () => BenchRequest;
}): Promise<Measure> {
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.duration,
        requests: [
          {
            setupRequest: () => opts.request(),
            onResponse: (status, body) => {
              if (status !== 200 || body.includes('"errors"')) errors++;
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        resolve({
          rps: result.requests.total / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          bytes: latencies.length ? bytes / latencies.length : 0,
          errors,
        });
      },
    );
    instance.on('response', (_c, _s, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
}

/**
 * A POST on a connection of its own, as twenty separate clients would send it (a pooled
 * connection the server has just closed after the load runs would make a request fail).
 */
function postJson(url: string, payload: object, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const data = JSON.stringify(payload);
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString()),
            });
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = scaleOf(args);
  const duration = Number(args.duration ?? 20);
  const warmup = Number(args.warmup ?? 5);
  const runs = Number(args.runs ?? 3);
  const connections = Number(args.connections ?? 16);
  const rounds = Number(args.rounds ?? 10);
  const url = databaseUrl();
  const schema = schemaOf(scale);

  const db = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  await db.connect();
  const [{ ready }] = (
    await db.query(
      `SELECT to_regclass('tenants') IS NOT NULL AND to_regclass('leases') IS NOT NULL AS ready`,
    )
  ).rows;
  if (!ready || args.regenerate) {
    console.log(`generating scale ${scale.name} into ${schema}…`);
    await db.end();
    await generate(scale, Number(args.seed ?? 1), url, schema, true);
    return main2();
  }
  await db.end();
  return main2();

  async function main2() {
    const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
    await c.connect();
    const firm = (await c.query(`SELECT tenant_id FROM users WHERE email = $1`, [BENCH_FIRM_ADMIN]))
      .rows[0].tenant_id as string;
    const zone = (
      await c.query(
        `SELECT z.id FROM zones z JOIN parks p ON p.id = z.park_id WHERE p.code = 'JCV-LVLIANG' AND z.code = 'STARTUP'`,
      )
    ).rows[0].id as string;
    const park = (await c.query(`SELECT id FROM parks WHERE code = 'JCV-LVLIANG'`)).rows[0]
      .id as string;
    const tenants = (
      await c.query(
        `SELECT id FROM tenants WHERE exited_on IS NULL AND entered_on < '2026-01-01' ORDER BY id LIMIT 2000`,
      )
    ).rows.map((r) => r.id as string);
    const spare = (
      await c.query(
        `SELECT u.id FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.zone_id = $1
         AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.unit_id = u.id) ORDER BY u.id LIMIT $2`,
        [zone, SPARE_UNITS],
      )
    ).rows.map((r) => r.id as string);
    await c.end();

    console.log(`starting the product (production) and the floor on ${schema}…`);
    const product = await startProduct(url, schema, PRODUCT_PORT, false);
    const counting = await startProduct(url, schema, COUNTING_PORT, true);
    const floor = await startFloorProcess(url, schema, FLOOR_PORT);
    const adminToken = await login(PRODUCT_PORT, BENCH_ADMIN);
    const firmToken = await login(PRODUCT_PORT, BENCH_FIRM_ADMIN);
    const countingAdmin = await login(COUNTING_PORT, BENCH_ADMIN);
    const countingFirm = await login(COUNTING_PORT, BENCH_FIRM_ADMIN);

    const json = { 'content-type': 'application/json' };
    const post = (token: string, query: string, variables: () => object) => () => ({
      method: 'POST',
      path: '/graphql',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: variables() }),
    });
    let n = 0;
    const nextReport = () => ({
      tenantId: tenants[n++ % tenants.length],
      period: '2026-09',
      outputValue: `${100000 + (n % 1000)}.50`,
      revenue: '90000.00',
      rdExpense: '5000.00',
      employees: 20,
      patentsFiled: 1,
      patentsGranted: 0,
    });

    const Q: Record<string, BenchQuery> = {
      Q1: {
        what: "a firm's own profile with certifications",
        query: `query($id: ID!) { tenant(id: $id) { id name kind creditCode industryChain enteredOn status certifications { id kind certificateNo issuedOn expiresOn } } }`,
        vars: () => ({ id: firm }),
        token: 'firm',
        floor: () => ({ method: 'GET', path: `/q1?id=${firm}`, headers: {} }),
      },
      Q2: {
        what: 'a page of 50 tenants with leases and units',
        query: `{ tenants(first: 50) { totalCount edges { node { id name status leases { id startDate endDate monthlyRent status unit { id code area } } } } } }`,
        vars: () => ({}),
        token: 'admin',
        floor: () => ({ method: 'GET', path: '/q2', headers: {} }),
      },
      Q3: {
        what: 'zoneDashboard for one zone and year',
        query: `query($z: ID!, $y: Int!, $d: Date) { zoneDashboard(zoneId: $z, year: $y, asOf: $d) { residentTenants newTenants occupancy { unitsTotal unitsLeased totalArea leasedArea rate } outputValueYtd outputByMonth { period value } milestones { target { metric target } actual ratio forecast status } overdueReports openServiceRequests benefitsGranted } }`,
        vars: () => ({ z: zone, y: YEAR, d: AS_OF }),
        token: 'admin',
        floor: () => ({
          method: 'GET',
          path: `/q3?zone=${zone}&year=${YEAR}&asOf=${AS_OF}`,
          headers: {},
        }),
      },
      Q4: {
        what: 'submitOutputReport (write + audit)',
        query: `mutation($i: SubmitOutputReportInput!) { submitOutputReport(input: $i) { id revision } }`,
        vars: () => ({ i: nextReport() }),
        token: 'admin',
        floor: () => ({
          method: 'POST',
          path: '/q4',
          headers: json,
          body: JSON.stringify(nextReport()),
        }),
      },
      Q7: {
        what: `torchStatistics of 晋创谷·吕梁 for ${TORCH_YEAR}`,
        query: `query($y: Int!, $p: ID) { torchStatistics(year: $y, parkId: $p) { year totalArea incubatedFirmsArea incubatedFirms newIncubatedFirms graduatedThisYear graduatedTotal incubatedRevenueThousand incubatedRdExpenseThousand incubatedTaxPaidThousand incubatedVentureFundingThousand incubatedEmployees incubatedEmployeesCollege incubatedEmployeesFreshGraduates highTechFirms techSmeFirms fundedFirms firmsWithInventionPatents firmsWithValidIp incubatorIncomeThousand fundingDisbursedThousand missingAnnualReports { id name } checks { code passed message tenants { id name } } } }`,
        vars: () => ({ y: TORCH_YEAR, p: park }),
        token: 'admin',
      },
      Q7x: {
        what: `exportTorchStatistics of 晋创谷·吕梁 for ${TORCH_YEAR} (the workbook)`,
        query: `query($y: Int!, $p: ID) { exportTorchStatistics(year: $y, parkId: $p) { fileName rows contentBase64 } }`,
        vars: () => ({ y: TORCH_YEAR, p: park }),
        token: 'admin',
        connections: 4,
      },
    };

    const rows: string[][] = [];
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(product.pid!))), 250);

    const only = args.only ? args.only.toUpperCase().split(',') : null;
    for (const [name, q] of Object.entries(Q)) {
      // --only Q7 runs Q7 and its workbook Q7x.
      if (only && !only.includes(name.toUpperCase()) && !only.includes(name.replace(/x$/, '')))
        continue;
      const probe = await gql(
        COUNTING_PORT,
        q.query,
        q.vars(),
        q.token === 'firm' ? countingFirm : countingAdmin,
      );
      if (probe.body.errors)
        throw new Error(`${name} fails on the product: ${JSON.stringify(probe.body.errors)}`);
      const token = q.token === 'firm' ? firmToken : adminToken;
      const tiers: Record<'T1' | 'T5', Measure[]> = { T1: [], T5: [] };
      const floorRequest = q.floor;
      for (const tier of floorRequest ? (['T1', 'T5'] as const) : (['T5'] as const)) {
        const target =
          tier === 'T5'
            ? { url: `http://127.0.0.1:${PRODUCT_PORT}`, request: post(token, q.query, q.vars) }
            : { url: `http://127.0.0.1:${FLOOR_PORT}`, request: floorRequest! };
        const c = Math.min(connections, q.connections ?? connections);
        await drive({ ...target, connections: c, duration: warmup });
        for (let r = 0; r < runs; r++)
          tiers[tier].push(await drive({ ...target, connections: c, duration }));
      }
      const pick = (tier: 'T1' | 'T5') => {
        const ms = tiers[tier];
        return {
          rps: median(ms.map((m) => m.rps)),
          p50: median(ms.map((m) => m.p50)),
          p95: median(ms.map((m) => m.p95)),
          p99: median(ms.map((m) => m.p99)),
          bytes: median(ms.map((m) => m.bytes)),
          errors: ms.reduce((a, m) => a + m.errors, 0),
        };
      };
      const t1 = floorRequest ? pick('T1') : null;
      const t5 = pick('T5');
      for (const [tier, m, stmts] of [
        ...(t1 ? ([['T1', t1, 1]] as const) : []),
        ['T5', t5, probe.statements] as const,
      ]) {
        rows.push([
          name,
          tier,
          m.rps.toFixed(0),
          m.p50.toFixed(1),
          m.p95.toFixed(1),
          m.p99.toFixed(1),
          String(stmts),
          m.bytes.toFixed(0),
          String(m.errors),
          tier === 'T5' && t1 ? (t5.rps / t1.rps).toFixed(2) : '',
        ]);
      }
      console.log(`${name} done (${q.what})`);
    }
    clearInterval(sampler);

    // Q5: rounds of 20 simultaneous allocations of one free unit; exactly one may win.
    const q5 = {
      T1: { wins: 0, conflicts: 0, errors: 0, lat: [] as number[] },
      T5: { wins: 0, conflicts: 0, errors: 0, lat: [] as number[] },
    };
    let u = 0;
    for (let r = 0; r < rounds; r++) {
      for (const tier of ['T1', 'T5'] as const) {
        const unitId = spare[u++];
        if (!unitId) throw new Error('no free unit left for Q5: regenerate with --regenerate');
        const attempts = Array.from({ length: 20 }, (_, i) => async () => {
          const started = performance.now();
          const input = {
            unitId,
            tenantId: tenants[i],
            startDate: '2027-01-01',
            endDate: '2027-12-31',
          };
          const res =
            tier === 'T5'
              ? await postJson(
                  `http://127.0.0.1:${PRODUCT_PORT}/graphql`,
                  {
                    query: `mutation($i: AllocateUnitInput!) { allocateUnit(input: $i) { id } }`,
                    variables: { i: input },
                  },
                  { authorization: `Bearer ${adminToken}` },
                )
              : await postJson(`http://127.0.0.1:${FLOOR_PORT}/q5`, input);
          const body = res.body;
          q5[tier].lat.push(performance.now() - started);
          if (tier === 'T5') {
            const code = body.errors?.[0]?.extensions?.code;
            if (body.data?.allocateUnit) q5[tier].wins++;
            else if (code === 'CONFLICT') q5[tier].conflicts++;
            else q5[tier].errors++;
          } else if (res.status === 200) q5[tier].wins++;
          else if (res.status === 409) q5[tier].conflicts++;
          else q5[tier].errors++;
        });
        await Promise.all(
          attempts.map((a) =>
            a().catch((err) => {
              q5[tier].errors++;
              console.error(`Q5 ${tier}: ${err.cause?.message ?? err.message}`, err.stack);
            }),
          ),
        );
      }
    }

    // Q6: issueBills for BILL_PERIOD, twice, through the statement-counting product. The first
    // run bills every firm with a lease in the month; the second must make nothing. Bills of an
    // earlier benchmark run are removed first, with the relief they drew (the audit rows stay).
    const q6: {
      run: string;
      issued: number;
      existing: number;
      total: string;
      seconds: number;
      statements: number;
    }[] = [];
    let q6Rss = 0;
    if (!only || only.includes('Q6')) {
      const reset = new pg.Client({
        connectionString: url,
        options: `-c search_path=${schema},public`,
      });
      await reset.connect();
      await reset.query(
        `DELETE FROM payments; DELETE FROM bill_lines; DELETE FROM bills; DELETE FROM bill_runs;
         DELETE FROM rent_relief_totals`,
      );
      await reset.end();
      const q6Sampler = setInterval(() => (q6Rss = Math.max(q6Rss, rssOf(counting.pid!))), 100);
      for (const run of ['first', 'second']) {
        const started = performance.now();
        const res = await gql(
          COUNTING_PORT,
          `mutation($p: YearMonth!) { issueBills(period: $p) { period issued existing total } }`,
          { p: BILL_PERIOD },
          countingAdmin,
        );
        const seconds = (performance.now() - started) / 1000;
        if (res.body.errors)
          throw new Error(`Q6 fails on the product: ${JSON.stringify(res.body.errors)}`);
        const r = res.body.data.issueBills;
        if (run === 'second' && r.issued !== 0)
          throw new Error(`Q6: the second run made ${r.issued} bills, it must make none`);
        q6.push({ run, ...r, seconds, statements: res.statements });
      }
      clearInterval(q6Sampler);
      console.log(`Q6 done (issueBills ${BILL_PERIOD}, twice)`);
    }

    product.kill('SIGTERM');
    counting.kill('SIGTERM');
    floor.kill('SIGTERM');

    const header = [
      'query',
      'tier',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'SQL/req',
      'bytes/resp',
      'errors',
      'T5/T1',
    ];
    console.log(
      `\nscale ${scale.name} (${scale.tenants} tenants), ${connections} connections, ${runs}×${duration} s after ${warmup} s warm-up, medians\n`,
    );
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---').join('|')}|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    const ran = Object.entries(Q).filter(([name]) => rows.some((r) => r[0] === name));
    const productOnly = ran.filter(([, q]) => !q.floor).map(([name]) => name);
    if (productOnly.length) console.log(`\n${productOnly.join(', ')}: the product alone, no floor`);
    for (const [name, q] of ran) {
      if (q.connections && q.connections < connections)
        console.log(`${name}: ${q.connections} connections`);
    }
    console.log('');
    for (const tier of ['T1', 'T5'] as const) {
      const s = q5[tier];
      const lat = [...s.lat].sort((a, b) => a - b);
      console.log(
        `Q5 ${tier}: ${rounds} rounds of 20 allocations of one unit: ${s.wins} won, ${s.conflicts} CONFLICT, ${s.errors} errors; p99 ${percentile(lat, 99).toFixed(1)} ms`,
      );
    }
    if (q6.length) {
      console.log(`\nQ6 issueBills(${BILL_PERIOD}) over the whole data set, as ADMIN:\n`);
      const h6 = ['query', 'run', 'bills issued', 'existing', 'total', 'seconds', 'SQL/req'];
      console.log(`| ${h6.join(' | ')} |`);
      console.log(`|${h6.map(() => '---').join('|')}|`);
      for (const r of q6) {
        console.log(
          `| Q6 | ${r.run} | ${r.issued} | ${r.existing} | ${r.total} | ${r.seconds.toFixed(2)} | ${r.statements} |`,
        );
      }
    }
    if (q6.length) console.log(`\nproduct peak resident memory during Q6: ${q6Rss.toFixed(0)} MB`);
    if (peakRss) console.log(`product peak resident memory under load: ${peakRss.toFixed(0)} MB`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
