import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SnapshotJobService } from '@jcv/milestones';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { BillingFixtures, day, ISSUE, lastDay, MonthPool } from './billing-fixtures.js';
import { MilestoneFixtures } from './milestones-fixtures.js';

// A bill run tells each billed firm's administrators of its bill and the endpoints of every
// bill, in one statement each however many firms it bills; a payment that settles a bill is an
// event; the snapshot job's alerts reach the committee's administrators and analysts. All in
// the change's own transaction: a run or a job that rolls back tells no one.

let t: TestApp;
let f: BillingFixtures;
let admin: string;
let hook: string;

const hex = () => randomBytes(4).toString('hex');
const pool = new MonthPool();

async function userId(token: string): Promise<string> {
  return (await t.ok<{ me: { id: string } }>(`{ me { id } }`, {}, token)).me.id;
}

interface Notice {
  userId: string;
  kind: string;
  matter: string;
  params: Record<string, unknown>;
  link: string | null;
}

async function notices(kind: string, matters?: string[]): Promise<Notice[]> {
  return t.dataSource.query(
    `SELECT user_id AS "userId", kind, matter, params, link FROM notifications
      WHERE kind = $1 AND ($2::text[] IS NULL OR matter = ANY ($2::text[]))
      ORDER BY matter, user_id`,
    [kind, matters ?? null],
  );
}

interface Sent {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
  deliveries: { endpointId: string; status: string }[];
}

/** The events of a type whose data's `key` is one of `values`, with their deliveries. */
async function events(type: string, key: string, values: string[]): Promise<Sent[]> {
  const rows: { body: string; deliveries: Sent['deliveries'] }[] = await t.dataSource.query(
    `SELECT e.body,
            coalesce((SELECT jsonb_agg(jsonb_build_object('endpointId', d.endpoint_id, 'status', d.status))
                        FROM webhook_deliveries d WHERE d.event_id = e.id), '[]') AS deliveries
       FROM webhook_events e
      WHERE e.type = $1 AND e.body::jsonb -> 'data' ->> $2 = ANY ($3::text[])
      ORDER BY e.body::jsonb -> 'data' ->> $2`,
    [type, key, values],
  );
  return rows.map((r) => ({ ...JSON.parse(r.body), deliveries: r.deliveries }));
}

/** Makes every write of an event of `type` fail, so the change that emits it rolls back. */
async function failingEvents(type: string): Promise<() => Promise<void>> {
  const name = `fail_${hex()}`;
  await t.dataSource.query(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
  );
  await t.dataSource.query(
    `CREATE TRIGGER ${name} BEFORE INSERT ON webhook_events FOR EACH ROW
     WHEN (NEW.type = '${type}') EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await t.dataSource.query(`DROP TRIGGER ${name} ON webhook_events`);
    await t.dataSource.query(`DROP FUNCTION ${name}()`);
  };
}

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  f = new BillingFixtures(t);
  admin = await t.adminToken();
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO webhook_endpoints (url, events, secret)
     VALUES ($1, '{}', 'whsec_dGVzdA==') RETURNING id`,
    [`https://hooks.example.com/${hex()}`],
  );
  hook = id;
});
afterAll(() => t?.close());

// First, before the bill suites add firms: the job counts the seeded park's targets.
describe("the snapshot job's alerts", () => {
  let job: SnapshotJobService;
  let committee: string[];
  let others: string[];
  let newFirms2026: string;

  beforeAll(async () => {
    job = t.app.get(SnapshotJobService);
    const m = new MilestoneFixtures(t);
    const zones = await m.zones();
    const firm = await m.firm(zones.startup, '2026-01-02', { name: 'Early bird' });
    committee = [
      await userId(admin),
      await userId(await t.tokenFor(Role.ADMIN, { key: 'second' })),
      await userId(await t.tokenFor(Role.ANALYST)),
    ].sort();
    others = [
      await userId(await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm })),
      await userId(await t.tokenFor(Role.SERVICE_DESK)),
      await userId(await t.tokenFor(Role.POLICY_OFFICER)),
    ];
    const { milestoneTargets } = await t.ok<{ milestoneTargets: { id: string; metric: string }[] }>(
      `{ milestoneTargets(year: 2026) { id metric } }`,
      {},
      admin,
    );
    newFirms2026 = milestoneTargets.find((x) => x.metric === 'NEW_TECH_FIRMS')!.id;
  });

  const alertsOn = (d: string): Promise<{ id: string; target_id: string }[]> =>
    t.dataSource.query(
      `SELECT id, target_id FROM milestone_alerts WHERE day = $1::date ORDER BY id`,
      [d],
    );

  it('tell ADMIN and ANALYST users of each alert, and the endpoints, once', async () => {
    expect(await job.run('2026-01-04')).toMatchObject({ alerts: 0 });
    // 10 January: 1 firm in 10 days projects to 36 of 40, AT_RISK.
    expect(await job.run('2026-01-10')).toMatchObject({ alerts: 1 });
    const [alert] = await alertsOn('2026-01-10');
    expect(alert.target_id).toBe(newFirms2026);

    const told = await notices('MILESTONE_ALERT', [alert.id]);
    expect(told.map((n) => n.userId).sort()).toEqual(committee);
    for (const n of told) {
      expect(n).toMatchObject({
        matter: alert.id,
        params: {
          zone: 'STARTUP',
          metric: 'NEW_TECH_FIRMS',
          year: 2026,
          status: 'AT_RISK',
          previousStatus: 'ON_TRACK',
        },
        link: '/cockpit?year=2026',
      });
    }
    expect(await events('milestone.alert', 'alertId', [alert.id])).toEqual([
      {
        type: 'milestone.alert',
        timestamp: expect.any(String),
        data: {
          alertId: alert.id,
          zone: 'STARTUP',
          metric: 'NEW_TECH_FIRMS',
          year: 2026,
          status: 'AT_RISK',
          previousStatus: 'ON_TRACK',
          day: '2026-01-10',
        },
        deliveries: [{ endpointId: hook, status: 'PENDING' }],
      },
    ]);

    // The day again: no alert, nothing told.
    const before = await t.count('notifications');
    expect(await job.run('2026-01-10')).toMatchObject({ snapshots: 0, alerts: 0 });
    expect(await t.count('notifications')).toBe(before);
    expect(await events('milestone.alert', 'alertId', [alert.id])).toHaveLength(1);
  });

  it('tell no one of a run that rolls back, which then records nothing', async () => {
    const restore = await failingEvents('milestone.alert');
    try {
      await expect(job.run('2026-01-20')).rejects.toThrow(/refused by the test/);
    } finally {
      await restore();
    }
    expect(await alertsOn('2026-01-20')).toEqual([]);
    expect(await t.count(`milestone_snapshots WHERE day = '2026-01-20'`)).toBe(0);
    const told = await t.count('notifications');

    // The run again, once the outbox takes it: 18 of 40, BEHIND.
    expect(await job.run('2026-01-20')).toMatchObject({ alerts: 1 });
    const [alert] = await alertsOn('2026-01-20');
    expect(await t.count('notifications')).toBe(told + committee.length);
    expect((await notices('MILESTONE_ALERT', [alert.id]))[0].params).toMatchObject({
      status: 'BEHIND',
      previousStatus: 'AT_RISK',
    });
  });

  it("name a park-wide target's zone PARK in the notification and null in the event; others hear nothing", async () => {
    // 1 January 2027: every 2026 target not reached is MISSED.
    const run = await job.run('2027-01-01');
    const alerts = await alertsOn('2027-01-01');
    expect(alerts).toHaveLength(run.alerts);
    const told = await notices(
      'MILESTONE_ALERT',
      alerts.map((a) => a.id),
    );
    expect(told).toHaveLength(alerts.length * committee.length);
    const sent = await events(
      'milestone.alert',
      'alertId',
      alerts.map((a) => a.id),
    );
    expect(sent).toHaveLength(alerts.length);
    const [{ id: parkTarget }] = await t.dataSource.query(
      `SELECT id FROM milestone_targets WHERE year = 2026 AND zone_id IS NULL LIMIT 1`,
    );
    const parkAlert = alerts.find((a) => a.target_id === parkTarget);
    expect(parkAlert).toBeDefined();
    expect(told.find((n) => n.matter === parkAlert!.id)!.params).toMatchObject({
      zone: 'PARK',
      year: 2026,
      status: 'MISSED',
    });
    expect(sent.find((e) => e.data.alertId === parkAlert!.id)!.data).toMatchObject({
      zone: null,
      day: '2027-01-01',
      status: 'MISSED',
    });

    const heard: { user_id: string }[] = await t.dataSource.query(
      `SELECT DISTINCT user_id FROM notifications WHERE kind = 'MILESTONE_ALERT'`,
    );
    expect(heard.map((r) => r.user_id).sort()).toEqual(committee);
    for (const nobody of others) expect(heard.map((r) => r.user_id)).not.toContain(nobody);
  });
});

describe('a bill run', () => {
  let zone: string;
  let plain: string;
  let firmAdmins: Map<string, string>;

  beforeAll(async () => {
    zone = await f.freshZone();
    plain = (await f.building(zone)).id;
    firmAdmins = new Map();
  });

  /** A firm with an administrator (and a reporter), leasing for the whole of each month. */
  async function lessee(months: string[], rent = '1200.00'): Promise<string> {
    const firm = await f.firm(zone);
    firmAdmins.set(firm, await userId(await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm })));
    await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm });
    const unit = (await f.unit(plain, '30.00')).id;
    await f.lease(unit, firm, day(months[0], 1), lastDay(months[months.length - 1]), rent);
    return firm;
  }

  const billsOf = async (period: string) =>
    (await f.bills({ period })).filter((b) => b.status !== 'VOID');

  it("tells each billed firm's administrators once, even when run twice; a bill of nothing tells no one", async () => {
    const m = pool.take();
    const [one, two] = [await lessee([m]), await lessee([m], '999.99')];
    // Relief covering all of its rent: its bill is 0.00, PAID as it is issued.
    const relieved = await lessee([m]);
    const policy = await f.reliefPolicy({ steps: [{ fromMonth: 1, toMonth: 1200, share: '1' }] });
    await f.grant(policy.id, relieved, '1000000.00');

    expect(await f.run(m)).toMatchObject({ issued: 3 });
    const bills = await billsOf(m);
    const billOf = (firm: string) => bills.find((b) => b.tenant.id === firm)!;
    expect(billOf(relieved)).toMatchObject({ total: '0.00', status: 'PAID' });

    const names = new Map<string, string>(
      (
        await t.dataSource.query(`SELECT id, name FROM tenants WHERE id = ANY ($1::uuid[])`, [
          [one, two],
        ])
      ).map((r: { id: string; name: string }) => [r.id, r.name]),
    );
    const expected = [one, two]
      .map((firm) => {
        const b = billOf(firm);
        return {
          userId: firmAdmins.get(firm)!,
          kind: 'BILL_ISSUED',
          matter: b.id,
          params: {
            tenantName: names.get(firm),
            number: b.number,
            period: m,
            total: b.total,
            dueOn: b.dueOn,
          },
          link: `/bills/${b.id}`,
        };
      })
      .sort((x, y) => (x.matter < y.matter ? -1 : 1));
    const ids = bills.map((b) => b.id);
    expect(await notices('BILL_ISSUED', ids)).toEqual(expected);
    expect(expected.map((n) => n.params.total).sort()).toEqual(['1200.00', '999.99']);

    const sent = await events('bill.issued', 'billId', ids);
    expect(sent.map((e) => e.data)).toEqual(
      [...bills]
        .sort((x, y) => (x.id < y.id ? -1 : 1))
        .map((b) => ({
          billId: b.id,
          number: b.number,
          tenantId: b.tenant.id,
          period: m,
          total: b.total,
          dueOn: b.dueOn,
        })),
    );
    for (const e of sent) expect(e.deliveries).toEqual([{ endpointId: hook, status: 'PENDING' }]);
    // Issued at 0.00 is no payment: no bill.paid.
    expect(await events('bill.paid', 'billId', ids)).toEqual([]);

    const told = await t.count('notifications');
    const emitted = await t.count('webhook_events');
    expect(await f.run(m)).toMatchObject({ issued: 0, existing: 3 });
    expect(await t.count('notifications')).toBe(told);
    expect(await t.count('webhook_events')).toBe(emitted);
  });

  it('takes the same statements for one firm as for three', async () => {
    const [small, large] = [pool.take(), pool.take()];
    await lessee([small]);
    for (let i = 0; i < 3; i++) await lessee([large]);
    const count = (period: string) => t.statements(ISSUE, { period }, admin);
    const [forOne, forThree] = [await count(small), await count(large)];
    expect(forThree).toBe(forOne);
    expect(
      await notices(
        'BILL_ISSUED',
        (await billsOf(large)).map((b) => b.id),
      ),
    ).toHaveLength(3);
  });

  it('two racing runs of one month make one notification and one event per bill', async () => {
    const m = pool.take();
    const firms: string[] = [];
    for (let i = 0; i < 4; i++) firms.push(await lessee([m]));
    const runs = await Promise.all([f.issue(m), f.issue(m)]);
    for (const r of runs) expect(r.errors).toBeUndefined();
    expect(runs.map((r) => r.data!.issueBills.issued).sort()).toEqual([0, 4]);
    const ids = (await billsOf(m)).map((b) => b.id);
    const told = await notices('BILL_ISSUED', ids);
    expect(told).toHaveLength(4);
    expect(told.map((n) => n.userId).sort()).toEqual(firms.map((x) => firmAdmins.get(x)).sort());
    expect(await events('bill.issued', 'billId', ids)).toHaveLength(4);
  });

  it('that rolls back tells no one and bills nothing; run again, it tells once', async () => {
    const m = pool.take();
    const firm = await lessee([m]);
    const restore = await failingEvents('bill.issued');
    try {
      expect((await f.issue(m)).errors).toHaveLength(1);
    } finally {
      await restore();
    }
    expect(await billsOf(m)).toEqual([]);
    expect(await t.count(`notifications WHERE user_id = '${firmAdmins.get(firm)}'`)).toBe(0);

    await f.run(m);
    const [bill] = await billsOf(m);
    expect((await notices('BILL_ISSUED', [bill.id])).map((n) => n.userId)).toEqual([
      firmAdmins.get(firm),
    ]);
    expect(await events('bill.issued', 'billId', [bill.id])).toHaveLength(1);
  });
});

describe('a payment', () => {
  it('that settles a bill is a bill.paid event; one that does not, or is refused or rolls back, is none', async () => {
    const m = pool.take();
    const zone = await f.freshZone();
    const firm = await f.firm(zone);
    const unit = (await f.unit((await f.building(zone)).id, '10.00')).id;
    await f.lease(unit, firm, day(m, 1), lastDay(m), '1000.00');
    await f.run(m);
    const bill = await f.billOf(firm, m);
    expect(bill.total).toBe('1000.00');
    const paid = () => events('bill.paid', 'billId', [bill.id]);

    expect((await f.pay(bill.id, '400.00')).errors).toBeUndefined();
    expect(await paid()).toEqual([]);
    expect((await f.pay(bill.id, '600.01')).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await paid()).toEqual([]);

    const restore = await failingEvents('bill.paid');
    try {
      expect((await f.pay(bill.id, '600.00')).errors).toHaveLength(1);
    } finally {
      await restore();
    }
    expect(await paid()).toEqual([]);
    const unsettled = await f.billOf(firm, m);
    expect(unsettled).toMatchObject({ paid: '400.00', status: 'OVERDUE' });
    expect(unsettled.payments).toHaveLength(1);

    const settled = await f.pay(bill.id, '600.00');
    expect(settled.data?.recordPayment).toMatchObject({ status: 'PAID', paid: '1000.00' });
    expect(await paid()).toEqual([
      {
        type: 'bill.paid',
        timestamp: expect.any(String),
        data: {
          billId: bill.id,
          number: bill.number,
          tenantId: firm,
          period: m,
          total: '1000.00',
          paid: '1000.00',
        },
        deliveries: [{ endpointId: hook, status: 'PENDING' }],
      },
    ]);
    // Payments notify no one: the firm paid.
    expect(
      await t.count(`notifications WHERE kind <> 'BILL_ISSUED' AND matter = '${bill.id}'`),
    ).toBe(0);
  });
});
