import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { reportFromRow } from '@jcv/reporting';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  monthFromNow,
  SUBMIT,
  zones,
} from '../fixtures/reporting/fixtures.js';

let t: TestApp;
let firm: FixtureTenant;
let other: FixtureTenant;
let left: FixtureTenant;
let admin: string;
let reporter: string;

beforeAll(async () => {
  t = await startTestApp();
  const z = await zones(t);
  firm = await makeTenant(t, { zoneId: z.startup, enteredOn: '2025-03-10' });
  other = await makeTenant(t, { zoneId: z.startup, enteredOn: '2025-01-01' });
  left = await makeTenant(t, {
    zoneId: z.expansion,
    enteredOn: '2025-01-15',
    exitedOn: '2025-06-20',
  });
  admin = await t.adminToken();
  reporter = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm.id });
});
afterAll(() => t?.close());

/** Submits and expects a refusal naming `field`, with nothing written. */
async function refused(input: Record<string, unknown>, field: string, token = admin) {
  const before = [await t.count('output_reports'), await t.count('audit_events')];
  const res = await t.gql(SUBMIT, { input }, token);
  expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0]?.extensions.fields?.map((f) => f.field)).toContain(field);
  expect([await t.count('output_reports'), await t.count('audit_events')]).toEqual(before);
  return res.errors![0];
}

describe('submitOutputReport validation', () => {
  it.each([
    [
      'a negative amount',
      { outputValue: '-1.00' },
      'outputValue',
      'outputValue must be at least 0',
    ],
    [
      'three decimals',
      { revenue: '10.123' },
      'revenue',
      'revenue must have at most 2 decimal places',
    ],
    ['an amount that is not a number', { rdExpense: 'twelve' }, 'rdExpense', 'Decimal'],
    ['negative employees', { employees: -3 }, 'employees', 'employees must be at least 0'],
    ['a fractional patent count', { patentsFiled: 1.5 }, 'patentsFiled', 'Int'],
    ['negative patents granted', { patentsGranted: -1 }, 'patentsGranted', 'at least 0'],
    ['month 13', { period: '2025-13' }, 'period', 'month from 01 to 12'],
    ['a month without its leading zero', { period: '2025-4' }, 'period', 'YYYY-MM'],
    ['a tenantId that is no id', { tenantId: 'nope' }, 'tenantId', 'tenantId must be an id'],
  ])('refuses %s', async (_, over, field, message) => {
    const error = await refused(figures(firm.id, '2025-04', over), field);
    const fieldError = error.extensions.fields!.find((f) => f.field === field)!;
    expect(`${error.message} ${fieldError.message}`).toContain(message);
  });

  it('refuses a month that has not begun (Asia/Shanghai)', async () => {
    const error = await refused(figures(firm.id, monthFromNow(1)), 'period');
    expect(error.message).toContain('has not begun');
  });

  it('refuses a month before the firm entered, and accepts its entry month', async () => {
    const error = await refused(figures(firm.id, '2025-02'), 'period');
    expect(error.message).toContain('before the firm entered the park (2025-03-10)');
    const ok = await t.ok(SUBMIT, { input: figures(firm.id, '2025-03') }, admin);
    expect(ok.submitOutputReport).toMatchObject({ period: '2025-03', revision: 1 });
  });

  it('refuses a month after the firm left, and accepts its exit month', async () => {
    const error = await refused(figures(left.id, '2025-07'), 'period');
    expect(error.message).toContain('after the firm left the park (2025-06-20)');
    const ok = await t.ok(SUBMIT, { input: figures(left.id, '2025-06') }, admin);
    expect(ok.submitOutputReport.revision).toBe(1);
  });

  it('refuses an unknown tenant', async () => {
    const error = await refused(
      figures('00000000-0000-4000-8000-000000000000', '2025-04'),
      'tenantId',
    );
    expect(error.message).toContain('not a registered tenant');
  });

  it('lists every bad field of one request', async () => {
    const res = await t.gql(
      SUBMIT,
      {
        input: figures(firm.id, '2025-05', { outputValue: '-1', revenue: '1.001', employees: -1 }),
      },
      admin,
    );
    expect(res.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([
      'employees',
      'outputValue',
      'revenue',
    ]);
  });
});

describe('who may submit', () => {
  it('lets a firm report its own months, exactly as given', async () => {
    const data = await t.ok(SUBMIT, { input: figures(firm.id, '2025-04') }, reporter);
    expect(data.submitOutputReport).toMatchObject({
      period: '2025-04',
      revision: 1,
      status: 'SUBMITTED',
      outputValue: '1200000.50',
      revenue: '1000000.00',
      rdExpense: '80000.25',
      employees: 42,
      patentsFiled: 3,
      patentsGranted: 1,
      reviewNote: null,
      dueOn: '2025-05-15',
      tenant: { id: firm.id, name: firm.name },
    });
    const tenantAdmin = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id });
    await t.ok(SUBMIT, { input: figures(firm.id, '2025-08') }, tenantAdmin);
  });

  it('refuses a firm reporting for another firm, writing nothing', async () => {
    const before = await t.count('output_reports');
    const res = await t.gql(SUBMIT, { input: figures(other.id, '2025-04') }, reporter);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.count('output_reports')).toBe(before);
  });

  it.each([Role.ANALYST, Role.SPACE_MANAGER, Role.POLICY_OFFICER, Role.SERVICE_DESK])(
    'refuses %s',
    async (role) => {
      const res = await t.gql(
        SUBMIT,
        { input: figures(other.id, '2025-04') },
        await t.tokenFor(role),
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    },
  );

  it('refuses a caller who is not signed in', async () => {
    const res = await t.gql(SUBMIT, { input: figures(other.id, '2025-04') });
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('revisions', () => {
  const LIST = `query($filter: OutputReportFilter) {
    outputReports(filter: $filter, first: 100) {
      totalCount
      edges { node { id period revision outputValue status revisions { revision outputValue status } } }
    }
  }`;

  it('numbers resubmissions and shows the latest in lists and totals', async () => {
    const month = '2025-09';
    const values = ['100.00', '250.10', '300.20'];
    for (const [i, v] of values.entries()) {
      const d = await t.ok(SUBMIT, { input: figures(other.id, month, { outputValue: v }) }, admin);
      expect(d.submitOutputReport.revision).toBe(i + 1);
    }
    await t.ok(SUBMIT, { input: figures(other.id, '2025-10', { outputValue: '1000.00' }) }, admin);

    const data = await t.ok(LIST, { filter: { tenantId: other.id, year: 2025 } }, admin);
    expect(data.outputReports.totalCount).toBe(2);
    const sept = data.outputReports.edges.find((e: any) => e.node.period === month).node;
    expect(sept).toMatchObject({ revision: 3, outputValue: '300.20' });
    expect(sept.revisions.map((r: any) => [r.revision, r.outputValue])).toEqual([
      [1, '100.00'],
      [2, '250.10'],
      [3, '300.20'],
    ]);
    const total = data.outputReports.edges.reduce(
      (s: number, e: any) => s + Math.round(Number(e.node.outputValue) * 100),
      0,
    );
    expect(total).toBe(130020);

    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM output_reports WHERE tenant_id = $1 AND period = $2`,
      [other.id, month],
    );
    expect(n).toBe(3);
  });

  it('keeps one latest revision and distinct revision numbers when submissions race', async () => {
    const month = '2025-11';
    const n = 8;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.gql(SUBMIT, { input: figures(other.id, month, { outputValue: `${i + 1}.00` }) }, admin),
      ),
    );
    // Submissions of one firm take turns: none is lost, none is a 500.
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const revisions = results.map((r) => r.data!.submitOutputReport.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const rows: { revision: number; latest: boolean }[] = await t.dataSource.query(
      `SELECT revision, latest FROM output_reports WHERE tenant_id = $1 AND period = $2 ORDER BY revision`,
      [other.id, month],
    );
    expect(rows.filter((r) => r.latest).map((r) => r.revision)).toEqual([n]);
    expect(new Set(rows.map((r) => r.revision)).size).toBe(n);
  });

  it('is guarded by the database: a second latest row or a repeated revision is refused', async () => {
    const insert = (revision: number, latest: boolean) =>
      t.dataSource.query(
        `INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue,
           rd_expense, employees, patents_filed, patents_granted)
         VALUES ($1, '2025-11', $2, $3, 1, 1, 1, 1, 1, 1)`,
        [other.id, revision, latest],
      );
    await expect(insert(99, true)).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'output_reports_latest_key' }),
    });
    await expect(insert(1, false)).rejects.toMatchObject({
      driverError: expect.objectContaining({
        constraint: 'output_reports_tenant_period_revision_key',
      }),
    });
  });
});

describe('submitOutputReport trail', () => {
  /** A row of output_reports as the entity's JSON (what the audit trail keeps). */
  const asEntity = (r: Record<string, any>) => JSON.parse(JSON.stringify(reportFromRow(r)));

  it('audits the retired and the new revision as they are stored, and emits their event', async () => {
    const z = await zones(t);
    const quoted = await makeTenant(t, {
      zoneId: z.startup,
      enteredOn: '2025-01-01',
      name: `"引号" \\ 企业\n\t\u0001 ${Date.now()}`,
    });
    const [{ id: endpointId }] = await t.dataSource.query(
      `INSERT INTO webhook_endpoints (url, events, secret)
       VALUES ('https://stats.example/hooks/trail', '{report.submitted}', 'whsec_dGVzdA==')
       RETURNING id`,
    );
    try {
      const month = '2025-04';
      const first = await t.gql(SUBMIT, { input: figures(quoted.id, month) }, admin);
      const second = await t.gql(
        SUBMIT,
        { input: figures(quoted.id, month, { outputValue: '1000.10' }) },
        admin,
      );
      expect([first.errors, second.errors]).toEqual([undefined, undefined]);
      const ids = [first.data!.submitOutputReport.id, second.data!.submitOutputReport.id];
      const rows = await t.dataSource.query(
        `SELECT * FROM output_reports WHERE id = ANY($1::uuid[]) ORDER BY revision`,
        [ids],
      );
      const trail = await t.dataSource.query(
        `SELECT actor_role, operation, entity, entity_id, before, after FROM audit_events
         WHERE entity = 'OutputReport' AND entity_id = ANY($1::text[]) ORDER BY id`,
        [ids],
      );
      // The first revision as it was when it was new, then as the resubmission retired it.
      const firstNew = { ...asEntity(rows[0]), latest: true };
      const retired = asEntity(rows[0]);
      expect(trail).toEqual([
        {
          actor_role: 'ADMIN',
          operation: 'submitOutputReport',
          entity: 'OutputReport',
          entity_id: ids[0],
          before: null,
          after: firstNew,
        },
        {
          actor_role: 'ADMIN',
          operation: 'submitOutputReport',
          entity: 'OutputReport',
          entity_id: ids[1],
          before: retired,
          after: asEntity(rows[1]),
        },
      ]);
      const events: { body: string }[] = await t.dataSource.query(
        `SELECT e.body FROM webhook_events e JOIN webhook_deliveries d ON d.event_id = e.id
         WHERE d.endpoint_id = $1 ORDER BY e.id`,
        [endpointId],
      );
      expect(events.map((e) => e.body)).toEqual(
        ids.map((reportId, i) =>
          JSON.stringify({
            type: 'report.submitted',
            timestamp: JSON.parse(events[i].body).timestamp,
            data: {
              reportId,
              tenantId: quoted.id,
              tenantName: quoted.name,
              period: month,
              status: 'SUBMITTED',
            },
          }),
        ),
      );
    } finally {
      await t.dataSource.query(`UPDATE webhook_endpoints SET active = false WHERE id = $1`, [
        endpointId,
      ]);
    }
  });
});
