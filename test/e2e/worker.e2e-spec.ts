import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Global, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditModule } from '@jcv/audit';
import { BenefitsModule } from '@jcv/benefits';
import { BillingModule, BillsService } from '@jcv/billing';
import { IdentityModule } from '@jcv/identity';
import { InProcessJobs, JOB_CLOCK } from '@jcv/jobs';
import {
  MilestonesModule,
  SnapshotJobService,
  TargetsService,
  type TargetSeed,
} from '@jcv/milestones';
import { ParkService, type ParkSeed } from '@jcv/park';
import { ReportingModule } from '@jcv/reporting';
import { ServiceDeskModule } from '@jcv/service-desk';
import { Role } from '@jcv/shared';
import { SpaceModule } from '@jcv/space';
import { TenantsModule } from '@jcv/tenants';
import { parkSeed, targetSeeds } from '../../seeds/index.js';
import { createWorker, runWorker } from '../../apps/worker/src/worker.js';
import { freshDatabase, startTestApp, testConfig, type TestApp } from '../support/test-app.js';
import { MilestoneFixtures, type Zones } from './milestones-fixtures.js';

// The daily snapshot job, run for days chosen by the test, and the queries that read its
// records. The seeded targets of 2025–2027 are the ones recorded.

const HISTORY = `
  query($targetId: ID!, $from: Date, $to: Date) {
    milestoneHistory(targetId: $targetId, from: $from, to: $to) {
      day status actual forecast ratio targetValue target { id metric }
    }
  }`;

const ALERTS = `
  query($year: Int, $zoneId: ID, $first: Int, $after: String) {
    milestoneAlerts(year: $year, zoneId: $zoneId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { day fromStatus toStatus actual forecast targetValue target { metric year } } }
    }
  }`;

let t: TestApp;
let job: SnapshotJobService;
let zones: Zones;
let admin: string;
let newFirms2026: string;

beforeAll(async () => {
  t = await startTestApp();
  job = t.app.get(SnapshotJobService);
  const f = new MilestoneFixtures(t);
  zones = await f.zones();
  admin = await t.adminToken();
  await f.firm(zones.startup, '2026-01-02', { name: 'Early bird' });
  const { milestoneTargets } = await t.ok<{
    milestoneTargets: { id: string; metric: string }[];
  }>(`{ milestoneTargets(year: 2026) { id metric } }`, {}, admin);
  newFirms2026 = milestoneTargets.find((x) => x.metric === 'NEW_TECH_FIRMS')!.id;
});
afterAll(() => t?.close());

describe('the daily snapshot job', () => {
  it('records every current target once a day and raises an alert when a status worsens', async () => {
    // 4 January: 1 firm in 4 days projects to 91 of 40, ON_TRACK. January also records 2025.
    expect(await job.run('2026-01-04')).toEqual({
      day: '2026-01-04',
      targets: 9,
      snapshots: 9,
      alerts: 0,
    });
    const rows = await t.count('milestone_snapshots');
    expect(await job.run('2026-01-04')).toMatchObject({ snapshots: 0, alerts: 0 });
    expect(await t.count('milestone_snapshots')).toBe(rows);

    // 10 January: 1 ÷ (10/365) = 36, at least 80 % of 40: AT_RISK.
    expect(await job.run('2026-01-10')).toMatchObject({ snapshots: 9, alerts: 1 });
    expect(await job.run('2026-01-10')).toMatchObject({ snapshots: 0, alerts: 0 });
    // 20 January: 18 of 40, BEHIND.
    expect(await job.run('2026-01-20')).toMatchObject({ snapshots: 9, alerts: 1 });
    // March: only 2026 targets; nothing changes.
    expect(await job.run('2026-03-01')).toEqual({
      day: '2026-03-01',
      targets: 5,
      snapshots: 5,
      alerts: 0,
    });
    // 1 January 2027: every 2026 target not reached is MISSED; 2027's begin quietly.
    expect(await job.run('2027-01-01')).toEqual({
      day: '2027-01-01',
      targets: 10,
      snapshots: 10,
      alerts: 5,
    });

    const { milestoneHistory } = await t.ok<{ milestoneHistory: any[] }>(
      HISTORY,
      { targetId: newFirms2026 },
      admin,
    );
    expect(milestoneHistory.map((s) => [s.day, s.status, s.actual, s.forecast])).toEqual([
      ['2026-01-04', 'ON_TRACK', '1.00', '91.00'],
      ['2026-01-10', 'AT_RISK', '1.00', '36.00'],
      ['2026-01-20', 'BEHIND', '1.00', '18.00'],
      ['2026-03-01', 'BEHIND', '1.00', '6.00'],
      ['2027-01-01', 'MISSED', '1.00', '1.00'],
    ]);
    expect(milestoneHistory[0]).toMatchObject({
      ratio: 0.025,
      targetValue: '40.00',
      target: { id: newFirms2026, metric: 'NEW_TECH_FIRMS' },
    });
    const window = await t.ok<{ milestoneHistory: { day: string }[] }>(
      HISTORY,
      { targetId: newFirms2026, from: '2026-01-05', to: '2026-02-01' },
      admin,
    );
    expect(window.milestoneHistory.map((s) => s.day)).toEqual(['2026-01-10', '2026-01-20']);

    const zoneAlerts = await t.ok<{ milestoneAlerts: any }>(
      ALERTS,
      { year: 2026, zoneId: zones.startup },
      admin,
    );
    const firmAlerts = zoneAlerts.milestoneAlerts.edges
      .map((e: any) => e.node)
      .filter((a: any) => a.target.metric === 'NEW_TECH_FIRMS');
    expect(firmAlerts.map((a: any) => [a.day, a.fromStatus, a.toStatus])).toEqual([
      ['2027-01-01', 'BEHIND', 'MISSED'],
      ['2026-01-20', 'AT_RISK', 'BEHIND'],
      ['2026-01-10', 'ON_TRACK', 'AT_RISK'],
    ]);
    expect(firmAlerts[2]).toMatchObject({
      actual: '1.00',
      forecast: '36.00',
      targetValue: '40.00',
    });
    // The startup zone's three targets; the expansion zone's and the park's are not its.
    expect(zoneAlerts.milestoneAlerts.totalCount).toBe(5);

    // Pages of the whole year's alerts, newest first.
    const first = await t.ok<{ milestoneAlerts: any }>(ALERTS, { year: 2026, first: 4 }, admin);
    expect(first.milestoneAlerts.totalCount).toBe(7);
    expect(first.milestoneAlerts.pageInfo.hasNextPage).toBe(true);
    const rest = await t.ok<{ milestoneAlerts: any }>(
      ALERTS,
      { year: 2026, first: 4, after: first.milestoneAlerts.pageInfo.endCursor },
      admin,
    );
    expect(rest.milestoneAlerts.edges).toHaveLength(3);
    expect(rest.milestoneAlerts.pageInfo.hasNextPage).toBe(false);
    const days = [...first.milestoneAlerts.edges, ...rest.milestoneAlerts.edges].map(
      (e: any) => e.node.day,
    );
    expect(days).toEqual([...days].sort().reverse());
  });

  it('writes one day once when two runs race', async () => {
    const before = await t.count('milestone_snapshots');
    const runs = await Promise.all([job.run('2026-06-01'), job.run('2026-06-01')]);
    expect(runs.map((r) => r.snapshots).sort()).toEqual([0, 5]);
    expect(await t.count('milestone_snapshots')).toBe(before + 5);
  });

  it('is read by the committee only, and checks its arguments', async () => {
    const analyst = await t.tokenFor(Role.ANALYST);
    await t.ok(HISTORY, { targetId: newFirms2026 }, analyst);
    await t.ok(ALERTS, {}, analyst);
    const firmId = (await t.dataSource.query(`SELECT id FROM tenants WHERE name = 'Early bird'`))[0]
      .id;
    const firm = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firmId });
    expect(
      (await t.gql(HISTORY, { targetId: newFirms2026 }, firm)).errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect((await t.gql(ALERTS, {}, firm)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await t.gql(
      HISTORY,
      { targetId: '00000000-0000-4000-8000-000000000000' },
      admin,
    );
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const backwards = await t.gql(
      HISTORY,
      { targetId: newFirms2026, from: '2026-03-01', to: '2026-02-01' },
      admin,
    );
    expect(backwards.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to' }],
    });
    const tooMany = await t.gql(ALERTS, { first: 101 }, admin);
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

const SNAPSHOT_DAYS = `SELECT day::text AS day, count(*)::int AS n
  FROM milestone_snapshots GROUP BY day ORDER BY day`;

/**
 * The API's seed of the park and its targets, beside the worker: the worker has no targets
 * service of its own, and the embedded database takes one process at a time.
 */
@Module({ imports: [AuditModule, MilestonesModule] })
class TargetsSeeding {}

async function seedTargets(worker: INestApplicationContext): Promise<void> {
  const park = await worker.get(ParkService).ensure(parkSeed() as ParkSeed);
  await worker.get(TargetsService).ensure(park.id, targetSeeds() as TargetSeed[]);
}

describe('the worker', () => {
  it('boots the snapshot job without the modules of the API', async () => {
    const db = await freshDatabase();
    const worker = await createWorker(testConfig(db.env));
    try {
      expect(worker.get(SnapshotJobService)).toBeInstanceOf(SnapshotJobService);
      expect(worker.get(BillsService)).toBeInstanceOf(BillsService);
      // The bills' audit rows need the audit lib; none of the libs' GraphQL-facing modules come.
      for (const module of [
        MilestonesModule,
        IdentityModule,
        TenantsModule,
        SpaceModule,
        ReportingModule,
        BenefitsModule,
        ServiceDeskModule,
        BillingModule,
      ]) {
        expect(() => worker.select(module)).toThrow();
      }
    } finally {
      await worker.close();
      await db.drop();
    }
  });

  it('opens the database on its own and records the chosen day once', async () => {
    const db = await freshDatabase();
    const worker = await createWorker(testConfig(db.env), undefined, [TargetsSeeding]);
    try {
      await seedTargets(worker);
      const options = { once: true, date: '2026-03-01' };
      await runWorker(worker, options);
      await runWorker(worker, options);
      expect(await worker.get(DataSource).query(SNAPSHOT_DAYS)).toEqual([
        { day: '2026-03-01', n: 5 },
      ]);
    } finally {
      await worker.close();
      await db.drop();
    }
  });

  it('on schedule, catches up on start when the day’s hour has passed, then stops on its signal', async () => {
    const db = await freshDatabase();
    // WORKER_RUN_HOUR 6: 07:00 on 2 March 2026 in Shanghai is past it.
    const worker = await createWorker(testConfig({ ...db.env, WORKER_RUN_HOUR: '6' }), undefined, [
      TargetsSeeding,
    ]);
    try {
      await seedTargets(worker);
      const now = () => new Date('2026-03-01T23:00:00Z');
      await runWorker(worker, { once: false }, Promise.resolve(), { now });
      expect(await worker.get(DataSource).query(SNAPSHOT_DAYS)).toEqual([
        { day: '2026-03-02', n: 5 },
      ]);
    } finally {
      await worker.close();
      await db.drop();
    }
  });
});

const BILLS_BY_PERIOD = `SELECT period, count(*)::int AS n FROM bills GROUP BY period ORDER BY period`;
const BILL_RUNS = `SELECT period, issued, existing FROM bill_runs ORDER BY period`;

/** Two firms of the seeded park: one leasing since January 2026, one from 10 May 2026. */
async function leasingFirms(worker: INestApplicationContext): Promise<void> {
  await seedTargets(worker);
  const db = worker.get(DataSource);
  const [zone] = await db.query(`SELECT id FROM zones WHERE code = 'STARTUP'`);
  const [building] = await db.query(
    `INSERT INTO buildings (zone_id, code, name, property_fee_per_sqm)
     VALUES ($1, 'WB1', '账单楼', 2.50) RETURNING id`,
    [zone.id],
  );
  for (const [name, start, code] of [
    ['Early lessee', '2026-01-01', 'U1'],
    ['May lessee', '2026-05-10', 'U2'],
  ]) {
    const [tenant] = await db.query(
      `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
       VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, $3, 'RESIDENT') RETURNING id`,
      [name, zone.id, start],
    );
    const [unit] = await db.query(
      `INSERT INTO units (building_id, code, floor, kind, area, monthly_rent_per_sqm)
       VALUES ($1, $2, 1, 'OFFICE', 80, 40) RETURNING id`,
      [building.id, code],
    );
    await db.query(
      `INSERT INTO leases (unit_id, tenant_id, start_date, end_date, monthly_rent)
       VALUES ($1, $2, $3, '2027-12-31', 3200)`,
      [unit.id, tenant.id, start],
    );
  }
}

describe('the rent bills job in the worker', () => {
  it('bills the month on the 1st once, then catches up on the months it missed, in order', async () => {
    const db = await freshDatabase();
    const worker = await createWorker(testConfig(db.env), undefined, [TargetsSeeding]);
    try {
      await leasingFirms(worker);
      const ds = worker.get(DataSource);
      await runWorker(worker, { once: true, date: '2026-03-01' });
      expect(await ds.query(BILLS_BY_PERIOD)).toEqual([{ period: '2026-03', n: 1 }]);
      // Again that day, and later in the month: nothing new.
      await runWorker(worker, { once: true, date: '2026-03-01' });
      await runWorker(worker, { once: true, date: '2026-03-20' });
      expect(await ds.query(BILLS_BY_PERIOD)).toEqual([{ period: '2026-03', n: 1 }]);
      expect(await ds.query(BILL_RUNS)).toEqual([{ period: '2026-03', issued: 1, existing: 0 }]);

      // Down for April and May: the run of 1 June bills them first, then June.
      await runWorker(worker, { once: true, date: '2026-06-01' });
      expect(await ds.query(BILLS_BY_PERIOD)).toEqual([
        { period: '2026-03', n: 1 },
        { period: '2026-04', n: 1 },
        { period: '2026-05', n: 2 },
        { period: '2026-06', n: 2 },
      ]);
      expect(await ds.query(BILL_RUNS)).toEqual([
        { period: '2026-03', issued: 1, existing: 0 },
        { period: '2026-04', issued: 1, existing: 0 },
        { period: '2026-05', issued: 2, existing: 0 },
        { period: '2026-06', issued: 2, existing: 0 },
      ]);
      for (const b of await ds.query(`SELECT number, period FROM bills`))
        expect(b.number).toMatch(new RegExp(`^JCV-${b.period}-[0-9]{6}$`));
    } finally {
      await worker.close();
      await db.drop();
    }
  });

  it('bills each firm once when two runs race', async () => {
    const db = await freshDatabase();
    const worker = await createWorker(testConfig(db.env), undefined, [TargetsSeeding]);
    try {
      await leasingFirms(worker);
      const options = { once: true, date: '2026-06-01' };
      await Promise.all([runWorker(worker, options), runWorker(worker, options)]);
      const ds = worker.get(DataSource);
      expect(await ds.query(BILLS_BY_PERIOD)).toEqual([{ period: '2026-06', n: 2 }]);
      expect(
        await ds.query(
          `SELECT count(*)::int AS n FROM (SELECT 1 FROM bills GROUP BY tenant_id, period HAVING count(*) > 1) d`,
        ),
      ).toEqual([{ n: 0 }]);
      // The run that came second either found the month billed, or billed nothing new in it.
      const runs = await ds.query(BILL_RUNS);
      expect(runs).toHaveLength(1);
      expect([
        { period: '2026-06', issued: 2, existing: 0 },
        { period: '2026-06', issued: 0, existing: 2 },
      ]).toContainEqual(runs[0]);
    } finally {
      await worker.close();
      await db.drop();
    }
  });
});

/** A global module giving the scheduled jobs a clock stopped at `iso`. */
function clockAt(iso: string): Type {
  @Global()
  @Module({
    providers: [{ provide: JOB_CLOCK, useValue: () => new Date(iso) }],
    exports: [JOB_CLOCK],
  })
  class StoppedClock {}
  return StoppedClock;
}

describe('the scheduled jobs inside the API (WORKER_IN_PROCESS)', () => {
  // 23:30 on 1 March 2026 in Shanghai: the day's 23:00 run is due.
  const afterTheHour = clockAt('2026-03-01T15:30:00Z');

  async function snapshotDaysOf(env: Record<string, string>, clock: Type) {
    const app = await startTestApp(env, { extraModules: [clock] });
    try {
      await app.app.get(InProcessJobs).idle();
      return await app.dataSource.query(SNAPSHOT_DAYS);
    } finally {
      // Closing stops the schedule: no timer is left to keep the test process alive.
      await app.close();
    }
  }

  it('records the day’s snapshots after the seed when started past WORKER_RUN_HOUR', async () => {
    expect(await snapshotDaysOf({ WORKER_IN_PROCESS: 'true' }, afterTheHour)).toEqual([
      { day: '2026-03-01', n: 5 },
    ]);
  });

  it('waits for the hour when started before it', async () => {
    const before = clockAt('2026-03-01T10:00:00Z'); // 18:00 there
    expect(await snapshotDaysOf({ WORKER_IN_PROCESS: 'true' }, before)).toEqual([]);
  });

  it('runs nothing with WORKER_IN_PROCESS=false', async () => {
    expect(await snapshotDaysOf({ WORKER_IN_PROCESS: 'false' }, afterTheHour)).toEqual([]);
  });

  it('refuses a WORKER_RUN_HOUR that is not an hour, naming it', () => {
    expect(() => testConfig({ WORKER_RUN_HOUR: '24' })).toThrow(
      /WORKER_RUN_HOUR must be a whole number from 0 to 23, got "24"/,
    );
    expect(() => testConfig({ WORKER_RUN_HOUR: 'noon' })).toThrow(/WORKER_RUN_HOUR/);
  });
});
