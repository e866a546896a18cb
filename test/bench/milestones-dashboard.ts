// Times `zoneDashboard` for one zone and year through the real API (HTTP, production mode) on the
// data set of milestones-dataset.ts, and prints the query plans of the milestone statements.
//
//   npm run build
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/test/bench/milestones-dashboard.js \
//     [--schema bench_milestones] [--year 2026] [--as-of 2026-10-31] [--runs 21] [--explain]
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { BenefitsService } from '@jcv/benefits';
import { loadConfig } from '@jcv/config';
import {
  contributorSql,
  firmTallySql,
  outputTallySql,
  ProgressService,
  projectTallySql,
} from '@jcv/milestones';
import { OverdueService } from '@jcv/reporting';
import { ServiceRequestsService } from '@jcv/service-desk';
import { OccupancyService } from '@jcv/space';
import { createApp } from '../../src/app.factory.js';
import { BENCH_JWT_SECRET, databaseUrl, parseArgs } from './bench-config.js';

const ADMIN = { email: 'bench-milestones@jcv.example', password: 'bench-milestones-password' };

const DASHBOARD = `query($zoneId: ID!, $year: Int!, $asOf: Date) {
  zoneDashboard(zoneId: $zoneId, year: $year, asOf: $asOf) {
    zone { code } year asOf residentTenants newTenants
    occupancy { unitsTotal unitsLeased totalArea leasedArea rate }
    outputValueYtd outputByMonth { period value }
    milestones { target { metric target zone { code } } actual ratio forecast status contributors { id name } }
    overdueReports openServiceRequests benefitsGranted
  }
}`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function post(url: string, query: string, variables: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = databaseUrl();
  const schema = args.schema ?? 'bench_milestones';
  const year = Number(args.year ?? 2026);
  const asOf = args['as-of'] ?? '2026-10-31';
  const runs = Number(args.runs ?? 21);

  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema,
    JWT_SECRET: BENCH_JWT_SECRET,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
  const db = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  await db.connect();
  try {
    const { login } = await post(
      endpoint,
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: ADMIN },
    );
    const token = login.accessToken as string;
    const zones: { id: string; kind: string; tenants: number }[] = (
      await db.query(
        `SELECT z.id, z.kind, (SELECT count(*) FROM tenants t WHERE t.zone_id = z.id)::int AS tenants
         FROM zones z JOIN parks p ON p.id = z.park_id
         WHERE p.code = 'BP001' ORDER BY z.kind DESC`,
      )
    ).rows;
    if (!zones.length)
      throw new Error(`no bench park in schema ${schema}: run milestones-dataset first`);

    for (const zone of zones) {
      const vars = { zoneId: zone.id, year, asOf };
      for (let i = 0; i < 3; i++) await post(endpoint, DASHBOARD, vars, token);
      const times: number[] = [];
      let sample: any;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        sample = await post(endpoint, DASHBOARD, vars, token);
        times.push(performance.now() - t0);
      }
      const d = sample.zoneDashboard;
      console.log(
        `zoneDashboard ${zone.kind} zone (${zone.tenants} tenants), ${year} as of ${asOf}: ` +
          `median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, ` +
          `max ${Math.max(...times).toFixed(1)} ms over ${runs} runs`,
      );
      console.log(
        `  resident ${d.residentTenants}, new ${d.newTenants}, output ${d.outputValueYtd}, ` +
          `overdue ${d.overdueReports}, open requests ${d.openServiceRequests}, ` +
          `benefits ${d.benefitsGranted}, milestones ` +
          d.milestones
            .map((m: any) => `${m.target.metric}=${m.actual}/${m.target.target} ${m.status}`)
            .join(', '),
      );
    }

    // Where a dashboard's time goes: each part on its own, as the dashboard calls it.
    const zone = zones.find((z) => z.kind === 'STARTUP')!.id;
    const progress = app.get(ProgressService);
    const parts: [string, () => Promise<unknown>][] = [
      [
        'milestones and output (milestones)',
        async () =>
          progress.evaluateYear(year, await progress.targetsOf(year, zone), asOf, {
            outputMonthsOf: [zone],
          }),
      ],
      ['occupancy (space)', () => app.get(OccupancyService).occupancy(zone, asOf)],
      ['overdue reports (reporting)', () => app.get(OverdueService).overdueCount(zone, asOf)],
      [
        'open service requests (service desk)',
        () => app.get(ServiceRequestsService).openInZone(zone, asOf),
      ],
      [
        'benefits granted (benefits)',
        () => app.get(BenefitsService).grantedInZone(zone, `${year}-01-01`, asOf),
      ],
    ];
    for (const [label, run] of parts) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      console.log(`  ${label.padEnd(38)} median ${median(times).toFixed(1)} ms`);
    }

    if (args.explain) {
      const startup = zones.find((z) => z.kind === 'STARTUP')!.id;
      const expansion = zones.find((z) => z.kind === 'EXPANSION')!.id;
      const w = { from: `${year}-01-01`, to: asOf < `${year}-12-31` ? asOf : `${year}-12-31` };
      const plans: [string, { sql: string; params: unknown[] }][] = [
        ['firms of a zone', firmTallySql({ ...w, zones: [startup] })],
        ['projects of a zone', projectTallySql({ ...w, zones: [expansion] })],
        [
          'output of a zone by month',
          outputTallySql({ ...w, zones: [startup] }, asOf.slice(0, 7), true),
        ],
        ['output of the park', outputTallySql({ ...w, zones: null }, asOf.slice(0, 7), false)],
        ['contributors: firms of a zone', contributorSql('firms', { ...w, zones: [startup] })],
        ['contributors: output of a zone', contributorSql('output', { ...w, zones: [startup] })],
      ];
      for (const [label, { sql, params }] of plans) {
        const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
        console.log(`\n--- ${label}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
  } finally {
    await db.end();
    await app.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
