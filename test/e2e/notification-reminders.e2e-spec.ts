// The worker's daily reminders, run for days chosen by the test: each reaches the right users
// of the right firms, once, however often the day is run and however many workers run it; and
// the worker runs them and sends what is due with `--once`, with or without SMTP_URL.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Global, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InProcessJobs, JOB_CLOCK, notificationReminders, RemindersService } from '@jcv/jobs';
import { DeliveryLoop, OutboxService } from '@jcv/notifications';
import { ParkService, type ParkSeed } from '@jcv/park';
import { Role } from '@jcv/shared';
import { parkSeed } from '../../seeds/index.js';
import { createWorker, runWorker } from '../../apps/worker/src/worker.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  SUBMIT,
  zones,
} from '../fixtures/reporting/fixtures.js';
import { freshDatabase, startTestApp, testConfig, type TestApp } from '../support/test-app.js';

const SUBMIT_ANNUAL = `mutation($input: SubmitAnnualReportInput!) {
  submitAnnualReport(input: $input) { id }
}`;

const ADD_CERTIFICATION = `mutation($input: AddCertificationInput!) {
  addCertification(input: $input) { id }
}`;

function annualFigures(tenantId: string, year: number) {
  return {
    tenantId,
    year,
    registeredCapital: '5000000.00',
    employees: 20,
    employeesDoctorate: 1,
    employeesCollege: 15,
    employeesReturnees: 0,
    employeesFreshGraduates: 3,
    totalRevenue: '3000000.00',
    netProfit: '120000.00',
    taxPaid: '90000.00',
    rdExpense: '400000.00',
    ventureFunding: '0.00',
    ipApplied: 2,
    ipGranted: 1,
    ipValid: 3,
    inventionPatentsValid: 1,
    softwareCopyrights: 2,
    techContracts: 1,
    techContractValue: '100000.00',
    nationalProjects: 0,
  };
}

interface Made {
  who: string;
  matter: string;
  params: Record<string, unknown>;
  link: string | null;
}

let t: TestApp;
let admin: string;
/** Has sent every month and its 2025 annual report; a high-tech certificate to 30 Sept 2026. */
let a: FixtureTenant;
/** Has sent up to January 2026 only, no annual report; a certificate expired in 2025. */
let b: FixtureTenant;
/** Entered on 20 March 2026: owes nothing for February, nor for 2025. */
let c: FixtureTenant;
const cert: Record<string, string> = {};
/** User id → "<firm> <role>", or "park <role>" for the committee's. */
const who = new Map<string, string>();

const run = (day: string) => t.app.get(RemindersService).run(day);

/** The notifications of a kind, each as "<firm> <role>" with its matter, in a stable order. */
async function made(kind: string): Promise<Made[]> {
  const rows: { user_id: string; matter: string; params: any; link: string | null }[] =
    await t.dataSource.query(
      `SELECT user_id, matter, params, link FROM notifications WHERE kind = $1`,
      [kind],
    );
  return rows
    .map((r) => ({ who: who.get(r.user_id)!, matter: r.matter, params: r.params, link: r.link }))
    .sort((x, y) => `${x.matter} ${x.who}`.localeCompare(`${y.matter} ${y.who}`));
}

const whoOf = async (kind: string) =>
  (await made(kind)).map((m) => `${m.who} @ ${m.matter}`).sort();

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const zone = await zones(t);
  a = await makeTenant(t, { zoneId: zone.startup, enteredOn: '2025-11-03', name: '甲科技' });
  b = await makeTenant(t, { zoneId: zone.startup, enteredOn: '2025-11-03', name: '乙科技' });
  c = await makeTenant(t, { zoneId: zone.expansion, enteredOn: '2026-03-20', name: '丙科技' });
  for (const period of ['2025-11', '2025-12', '2026-01', '2026-02'])
    await t.ok(SUBMIT, { input: figures(a.id, period) }, admin);
  for (const period of ['2025-11', '2025-12', '2026-01'])
    await t.ok(SUBMIT, { input: figures(b.id, period) }, admin);
  await t.ok(SUBMIT_ANNUAL, { input: annualFigures(a.id, 2025) }, admin);

  for (const [key, tenantId, kind, issuedOn, expiresOn] of [
    ['a', a.id, 'HIGH_TECH', '2023-09-30', '2026-09-30'],
    ['b', b.id, 'SRDI', '2022-12-31', '2025-12-31'],
    ['c', c.id, 'TECH_SME', '2026-03-20', '2027-06-30'],
  ]) {
    const d = await t.ok<{ addCertification: { id: string } }>(
      ADD_CERTIFICATION,
      { input: { tenantId, kind, certificateNo: `CERT-${key}`, issuedOn, expiresOn } },
      admin,
    );
    cert[key] = d.addCertification.id;
  }

  await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a.id });
  await t.tokenFor(Role.TENANT_REPORTER, { tenantId: a.id });
  await t.tokenFor(Role.TENANT_ADMIN, { tenantId: b.id });
  await t.tokenFor(Role.TENANT_REPORTER, { tenantId: b.id });
  await t.tokenFor(Role.TENANT_ADMIN, { tenantId: c.id });
  await t.tokenFor(Role.ADMIN, { key: 'second admin' });
  await t.tokenFor(Role.ANALYST);
  const users: { id: string; role: string; name: string | null }[] = await t.dataSource.query(
    `SELECT u.id, u.role, t.name FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id`,
  );
  for (const u of users) who.set(u.id, `${u.name ?? 'park'} ${u.role}`);
});
afterAll(() => t?.close());

describe('the reminders of monthly reports', () => {
  it('makes nothing on the 9th', async () => {
    expect(await run('2026-03-09')).toEqual({
      day: '2026-03-09',
      reportDue: 0,
      reportOverdue: 0,
      certificationExpiring: 0,
      billOverdue: 0,
      annualReportDue: 0,
    });
    expect(await t.count('notifications')).toBe(0);
  });

  it("reminds on the 10th the users of the firm that has not sent last month's report", async () => {
    expect(await run('2026-03-10')).toMatchObject({ reportDue: 2, reportOverdue: 0 });
    const due = await made('REPORT_DUE');
    expect(due.map((m) => m.who)).toEqual(['乙科技 TENANT_ADMIN', '乙科技 TENANT_REPORTER']);
    expect(due[0]).toMatchObject({
      matter: `${b.id}:2026-02`,
      params: { tenantName: '乙科技', period: '2026-02', dueOn: '2026-03-15' },
      link: '/reports/new?period=2026-02',
    });
  });

  it('makes nothing new when the 10th runs again, or on a later day before the due date', async () => {
    const before = await t.count('notifications');
    expect(await run('2026-03-10')).toMatchObject({ reportDue: 0 });
    expect(await run('2026-03-15')).toMatchObject({ reportDue: 0, reportOverdue: 0 });
    expect(await t.count('notifications')).toBe(before);
  });

  it('announces on the 16th each month overdue, once', async () => {
    expect(await run('2026-03-16')).toMatchObject({ reportDue: 0, reportOverdue: 2 });
    const overdue = await made('REPORT_OVERDUE');
    expect(overdue.map((m) => `${m.who} @ ${m.params.period}`).sort()).toEqual([
      '乙科技 TENANT_ADMIN @ 2026-02',
      '乙科技 TENANT_REPORTER @ 2026-02',
    ]);
    expect(overdue[0]).toMatchObject({
      matter: `${b.id}:2026-02`,
      params: { tenantName: '乙科技', period: '2026-02', dueOn: '2026-03-15' },
      link: '/reports/new?period=2026-02',
    });
    expect(await run('2026-03-16')).toMatchObject({ reportOverdue: 0 });
    expect(await run('2026-03-20')).toMatchObject({ reportOverdue: 0 });
  });

  it('catches up after downtime: every month still outstanding, each once', async () => {
    // Back on 16 May after six weeks down: March and April are overdue for all three firms
    // (丙 entered in March), and February again for nobody.
    await run('2026-05-16');
    const overdue = await made('REPORT_OVERDUE');
    expect(overdue.map((m) => `${m.who} @ ${m.params.period}`).sort()).toEqual(
      [
        '乙科技 TENANT_ADMIN @ 2026-02',
        '乙科技 TENANT_REPORTER @ 2026-02',
        ...['2026-03', '2026-04'].flatMap((p) => [
          `甲科技 TENANT_ADMIN @ ${p}`,
          `甲科技 TENANT_REPORTER @ ${p}`,
          `乙科技 TENANT_ADMIN @ ${p}`,
          `乙科技 TENANT_REPORTER @ ${p}`,
          `丙科技 TENANT_ADMIN @ ${p}`,
        ]),
      ].sort(),
    );
    // Overdue, not due: the 16th has no REPORT_DUE.
    expect((await made('REPORT_DUE')).length).toBe(2);
  });
});

describe('the reminders of certificates', () => {
  it('announces 90 days ahead to the firm’s TENANT_ADMIN and the ADMIN users, once', async () => {
    // 30 September 2026 is 91 days after 1 July, 89 after 3 July.
    expect(await run('2026-07-01')).toMatchObject({ certificationExpiring: 0 });
    expect(await run('2026-07-03')).toMatchObject({ certificationExpiring: 3 });
    const expiring = await made('CERTIFICATION_EXPIRING');
    expect(expiring.map((m) => m.who)).toEqual(['park ADMIN', 'park ADMIN', '甲科技 TENANT_ADMIN']);
    for (const m of expiring) {
      expect(m).toMatchObject({
        matter: `${cert.a}:2026-09-30`,
        params: { tenantName: '甲科技', certification: 'HIGH_TECH', expiresOn: '2026-09-30' },
      });
    }
    expect(expiring.find((m) => m.who.startsWith('甲'))!.link).toBe('/firm');
    expect(expiring.find((m) => m.who.startsWith('park'))!.link).toBe(`/tenants/${a.id}`);
    expect(await run('2026-07-04')).toMatchObject({ certificationExpiring: 0 });
    // On its last day a certificate is still valid, and announced already; after it, never.
    expect(await run('2026-09-30')).toMatchObject({ certificationExpiring: 0 });
  });
});

describe('the reminders of bills', () => {
  it('announces a bill past its due day and not paid to the firm’s TENANT_ADMIN, once', async () => {
    const bill = async (
      tenant: FixtureTenant,
      period: string,
      n: number,
      dueOn: string,
      total: string,
      paid: string,
      status: 'ISSUED' | 'PAID' | 'VOID',
    ) => {
      const [row] = await t.dataSource.query(
        `INSERT INTO bills (number, tenant_id, period, issued_on, due_on, total, paid, status,
           void_reason, voided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          `JCV-${period}-${String(n).padStart(6, '0')}`,
          tenant.id,
          period,
          `${period}-01`,
          dueOn,
          total,
          paid,
          status,
          status === 'VOID' ? 'issued twice' : null,
          status === 'VOID' ? new Date() : null,
        ],
      );
      return row.id as string;
    };
    const owing = await bill(b, '2026-04', 1, '2026-04-15', '1000.00', '200.00', 'ISSUED');
    await bill(a, '2026-04', 2, '2026-04-15', '500.00', '500.00', 'PAID');
    await bill(a, '2026-03', 3, '2026-03-15', '500.00', '0.00', 'VOID');
    const later = await bill(c, '2026-08', 4, '2026-08-15', '300.00', '0.00', 'ISSUED');

    expect(await run('2026-08-01')).toMatchObject({ billOverdue: 1 });
    expect(await made('BILL_OVERDUE')).toEqual([
      {
        who: '乙科技 TENANT_ADMIN',
        matter: owing,
        params: {
          tenantName: '乙科技',
          number: 'JCV-2026-04-000001',
          period: '2026-04',
          outstanding: '800.00',
          dueOn: '2026-04-15',
        },
        link: `/bills/${owing}`,
      },
    ]);
    // Due on the 15th: overdue from the 16th.
    expect(await run('2026-08-15')).toMatchObject({ billOverdue: 0 });
    expect(await run('2026-08-16')).toMatchObject({ billOverdue: 1 });
    expect(await whoOf('BILL_OVERDUE')).toEqual(
      [`乙科技 TENANT_ADMIN @ ${owing}`, `丙科技 TENANT_ADMIN @ ${later}`].sort(),
    );
  });
});

describe('the reminders of annual reports', () => {
  it('reminds from 2 January the firms resident last year that have not sent theirs', async () => {
    expect(await run('2026-01-01')).toMatchObject({ annualReportDue: 0 });
    expect(await run('2026-01-02')).toMatchObject({ annualReportDue: 2 });
    const due = await made('ANNUAL_REPORT_DUE');
    expect(due.map((m) => m.who)).toEqual(['乙科技 TENANT_ADMIN', '乙科技 TENANT_REPORTER']);
    expect(due[0]).toMatchObject({
      matter: `${b.id}:2025`,
      params: { tenantName: '乙科技', year: 2025, dueOn: '2026-01-31' },
      link: '/annual-reports/new?year=2025',
    });
    expect(await run('2026-01-31')).toMatchObject({ annualReportDue: 0 });
  });
});

describe('two runs of one day at once', () => {
  it('make each notification once', async () => {
    const before = await t.count('notifications');
    // On a server, two workers of their own; the embedded database is one process's.
    const separate = !!process.env.TEST_DATABASE_URL;
    const workers: INestApplicationContext[] = separate
      ? [await createWorker(t.config), await createWorker(t.config)]
      : [t.app, t.app];
    try {
      const runs = await Promise.all(workers.map((w) => w.get(RemindersService).run('2026-10-16')));
      const total = (r: (typeof runs)[number]) =>
        r.reportDue + r.reportOverdue + r.certificationExpiring + r.billOverdue + r.annualReportDue;
      const made = runs.map(total).sort((x, y) => x - y);
      // The runs take turns: the second finds everything made.
      expect(made[0]).toBe(0);
      expect(made[1]).toBeGreaterThan(0);
      expect(await t.count('notifications')).toBe(before + made[1]);
    } finally {
      if (separate) for (const w of workers) await w.close();
    }
  });

  it('is the job the schedule runs, and it says what it made', async () => {
    const providers = <T>(type: Type<T>) => t.app.get(type);
    expect(await notificationReminders.run(providers, '2026-10-16')).toBe(
      '2026-10-16: no notification(s) made',
    );
    // October is overdue: 甲's two users, 乙's two, 丙's one.
    expect(await notificationReminders.run(providers, '2026-11-16')).toBe(
      '2026-11-16: 5 report overdue notification(s) made',
    );
  });
});

/** A receiver of webhooks on 127.0.0.1 that answers 200 and records what it got. */
async function receiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let arrived!: () => void;
  const first = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(200).end();
      arrived();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    received,
    first,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const SECRET = 'whsec_' + Buffer.from('the reminders test endpoint secret').toString('base64');

/** The park, one firm entered in January 2026 and its two users, written straight in. */
async function firmOfTheWorker(worker: INestApplicationContext): Promise<string> {
  await worker.get(ParkService).ensure(parkSeed() as ParkSeed);
  const db = worker.get(DataSource);
  const [zone] = await db.query(`SELECT id FROM zones WHERE code = 'STARTUP'`);
  const [tenant] = await db.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
     VALUES ('丁团队', 'TEAM', $1, 'AI_PLUS', true, '2026-01-05', 'RESIDENT') RETURNING id`,
    [zone.id],
  );
  for (const role of ['TENANT_ADMIN', 'TENANT_REPORTER']) {
    await db.query(
      `INSERT INTO users (email, display_name, role, password_hash, tenant_id)
       VALUES ($1, $2, $3, 'not for signing in', $4)`,
      [`${role.toLowerCase()}@ding.example`, role, role, tenant.id],
    );
  }
  return tenant.id;
}

const KINDS_MADE = `SELECT kind, count(*)::int AS n FROM notifications GROUP BY kind ORDER BY kind`;

describe('the worker', () => {
  it('runs the reminders with --once for the chosen day, and sends the webhooks due', async () => {
    const db = await freshDatabase();
    const hook = await receiver();
    const worker = await createWorker(testConfig({ ...db.env, WEBHOOK_ALLOW_INSECURE: 'true' }));
    try {
      const tenantId = await firmOfTheWorker(worker);
      const ds = worker.get(DataSource);
      await ds.query(`INSERT INTO webhook_endpoints (url, events, secret) VALUES ($1, '{}', $2)`, [
        hook.url,
        SECRET,
      ]);
      await ds.transaction((em) =>
        worker.get(OutboxService).emit(em, 'tenant.registered', { tenantId, name: '丁团队' }),
      );

      const options = { once: true, date: '2026-03-10' };
      await runWorker(worker, options);
      // February is due on the 15th; January was due on 15 February and is overdue.
      expect(await ds.query(KINDS_MADE)).toEqual([
        { kind: 'REPORT_DUE', n: 2 },
        { kind: 'REPORT_OVERDUE', n: 2 },
      ]);
      expect(hook.received).toHaveLength(1);
      expect(JSON.parse(hook.received[0].body)).toMatchObject({
        type: 'tenant.registered',
        data: { tenantId },
      });
      expect(await ds.query(`SELECT status FROM webhook_deliveries`)).toEqual([
        { status: 'SUCCEEDED' },
      ]);

      await runWorker(worker, options);
      expect(await ds.query(KINDS_MADE)).toEqual([
        { kind: 'REPORT_DUE', n: 2 },
        { kind: 'REPORT_OVERDUE', n: 2 },
      ]);
      expect(hook.received).toHaveLength(1);
    } finally {
      await worker.close();
      await hook.close();
      await db.drop();
    }
  });

  it('boots the deliveries without SMTP_URL, sends no e-mail and does not fail', async () => {
    const db = await freshDatabase();
    const worker = await createWorker(testConfig(db.env));
    try {
      expect(worker.get(DeliveryLoop)).toBeInstanceOf(DeliveryLoop);
      await firmOfTheWorker(worker);
      const ds = worker.get(DataSource);
      await runWorker(worker, { once: true, date: '2026-03-10' });
      // No e-mail rows without SMTP_URL; one left by a process that had it stays as it was.
      expect(await ds.query(`SELECT count(*)::int AS n FROM notification_emails`)).toEqual([
        { n: 0 },
      ]);
      await ds.query(
        `INSERT INTO notification_emails (notification_id) SELECT id FROM notifications LIMIT 1`,
      );
      await runWorker(worker, { once: true, date: '2026-03-11' });
      expect(
        await ds.query(`SELECT status, attempts, last_error FROM notification_emails`),
      ).toEqual([{ status: 'PENDING', attempts: 0, last_error: null }]);
    } finally {
      await worker.close();
      await db.drop();
    }
  });

  it('on schedule, delivers beside the jobs until its signal, then stops', async () => {
    const db = await freshDatabase();
    const hook = await receiver();
    // No jobs, only the deliveries: their first pass runs at once, the signal is the arrival.
    const worker = await createWorker(testConfig({ ...db.env, WEBHOOK_ALLOW_INSECURE: 'true' }));
    try {
      const ds = worker.get(DataSource);
      await ds.query(`INSERT INTO webhook_endpoints (url, events, secret) VALUES ($1, '{}', $2)`, [
        hook.url,
        SECRET,
      ]);
      await ds.transaction((em) =>
        worker.get(OutboxService).emit(em, 'bill.paid', { billId: 'b-1' }),
      );
      const loop = worker.get(DeliveryLoop);
      await runWorker(worker, { once: false }, hook.first, { jobs: [] });
      expect(loop.started).toBe(false);
      expect(hook.received).toHaveLength(1);
      expect(await ds.query(`SELECT status FROM webhook_deliveries`)).toEqual([
        { status: 'SUCCEEDED' },
      ]);
    } finally {
      await worker.close();
      await hook.close();
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

describe('inside the API (WORKER_IN_PROCESS)', () => {
  it('runs the reminders and the deliveries, and stops them on close', async () => {
    // 23:30 on 10 March 2026 in Shanghai: the day's 23:00 run is due.
    const app = await startTestApp(
      { WORKER_IN_PROCESS: 'true' },
      { extraModules: [clockAt('2026-03-10T15:30:00Z')] },
    );
    try {
      await app.app.get(InProcessJobs).idle();
      expect(app.app.get(DeliveryLoop).started).toBe(true);
      expect(app.app.get(RemindersService)).toBeInstanceOf(RemindersService);
    } finally {
      await app.close();
    }
    expect(app.app.get(DeliveryLoop).started).toBe(false);
  });

  it('runs no deliveries with WORKER_IN_PROCESS=false', async () => {
    const app = await startTestApp({ WORKER_IN_PROCESS: 'false' });
    try {
      expect(app.app.get(DeliveryLoop).started).toBe(false);
    } finally {
      await app.close();
    }
  });
});
