import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import {
  outboxOf as readOutbox,
  refuseWritesTo as refuseWrites,
  userIdOf,
} from '../support/outbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  REVIEW,
  SUBMIT,
  zones,
} from '../fixtures/reporting/fixtures.js';

// Monthly and annual reports tell the firm and other systems what happened, in the transaction
// of the change: a submission or an import emits report.submitted (annual_report.submitted), a
// review emits report.reviewed, and a returned report notifies the firm's administrators and
// reporters. A change that fails or rolls back tells no one.

const IMPORT = `mutation($fileName: String!, $content: String!) {
  importOutputReports(fileName: $fileName, contentBase64: $content) {
    imported newRevisions unchanged errorCount
  }
}`;
const HEADER = [
  '统一社会信用代码 Credit code',
  '月份 Period (YYYY-MM)',
  '产值（元） Output value (yuan)',
  '营业收入（元） Revenue (yuan)',
  '研发投入（元） R&D expense (yuan)',
  '从业人员（人） Employees',
  '专利申请（件） Patents filed',
  '专利授权（件） Patents granted',
];
const csv = (rows: [string | null, string][]) =>
  Buffer.from(
    [
      HEADER,
      ...rows.map(([code, period]) => [code, period, '1000.00', '900.00', '50.50', 10, 2, 1]),
    ]
      .map((l) => l.join(','))
      .join('\n') + '\n',
    'utf8',
  ).toString('base64');

const SUBMIT_ANNUAL = `mutation($input: SubmitAnnualReportInput!) {
  submitAnnualReport(input: $input) { id year revision status }
}`;
const REVIEW_ANNUAL = `mutation($id: ID!, $decision: ReviewDecision!, $note: String) {
  reviewAnnualReport(id: $id, decision: $decision, note: $note) { id status }
}`;
/** The last year that is over in Asia/Shanghai is the one a firm may report. */
const YEAR = Number(todayInShanghai().slice(0, 4)) - 1;

function annual(tenantId: string, year = YEAR) {
  return {
    tenantId,
    year,
    registeredCapital: '5000000.00',
    employees: 40,
    employeesDoctorate: 2,
    employeesCollege: 30,
    employeesReturnees: 1,
    employeesFreshGraduates: 5,
    totalRevenue: '12000000.50',
    netProfit: '-35000.25',
    taxPaid: '180000.00',
    rdExpense: '950000.00',
    ventureFunding: '0.00',
    ipApplied: 6,
    ipGranted: 3,
    ipValid: 9,
    inventionPatentsValid: 2,
    softwareCopyrights: 4,
    techContracts: 2,
    techContractValue: '300000.00',
    nationalProjects: 0,
  };
}

let t: TestApp;
let admin: string;
let firm: FixtureTenant;
let other: FixtureTenant;
let endpointId: string;
let firmAdmin: string;
let users: { firmAdmin: string; firmReporter: string; otherAdmin: string; analyst: string };

/** What the outbox holds now: the ids of its events and notifications. */
/** Runs `work` and returns what it added to the outbox. */
const outboxOf = (work: () => Promise<unknown>) => readOutbox(t, work);
const refuseWritesTo = <T>(table: string, work: () => Promise<T>) => refuseWrites(t, table, work);
const userId = (role: Role, tenantId: string | null) => userIdOf(t, role, tenantId);

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  const z = await zones(t);
  firm = await makeTenant(t, { zoneId: z.startup, enteredOn: `${YEAR - 1}-01-01` });
  other = await makeTenant(t, { zoneId: z.expansion, enteredOn: `${YEAR - 1}-01-01` });
  admin = await t.adminToken();
  firmAdmin = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id });
  await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm.id });
  await t.tokenFor(Role.TENANT_ADMIN, { tenantId: other.id });
  await t.tokenFor(Role.ANALYST);
  users = {
    firmAdmin: await userId(Role.TENANT_ADMIN, firm.id),
    firmReporter: await userId(Role.TENANT_REPORTER, firm.id),
    otherAdmin: await userId(Role.TENANT_ADMIN, other.id),
    analyst: await userId(Role.ANALYST, null),
  };
  // A second administrator of the firm who no longer signs in is told nothing.
  await t.dataSource.query(
    `INSERT INTO users (email, display_name, password_hash, role, tenant_id, active)
     SELECT $1, display_name, password_hash, role, tenant_id, false FROM users WHERE id = $2`,
    [`former-${randomBytes(3).toString('hex')}@test.example`, users.firmAdmin],
  );
  [{ id: endpointId }] = await t.dataSource.query(
    `INSERT INTO webhook_endpoints (url, events, secret)
     VALUES ('https://stats.example/hooks/jcv', '{}', 'whsec_dGVzdA==') RETURNING id`,
  );
});
afterAll(() => t?.close());

async function submit(period: string, tenant = firm, token = firmAdmin) {
  const d = await t.ok(SUBMIT, { input: figures(tenant.id, period) }, token);
  return d.submitOutputReport as { id: string; revision: number; status: string };
}

describe('submitOutputReport', () => {
  it('emits report.submitted for the endpoints, and notifies no one', async () => {
    let report!: { id: string };
    const { events, notifications } = await outboxOf(async () => {
      report = await submit(`${YEAR}-02`);
    });
    expect(events).toEqual([
      {
        id: expect.stringMatching(/^msg_[0-9a-z]{26}$/),
        type: 'report.submitted',
        timestamp: expect.any(String),
        data: {
          reportId: report.id,
          tenantId: firm.id,
          tenantName: firm.name,
          period: `${YEAR}-02`,
          status: 'SUBMITTED',
        },
        deliveries: [{ endpointId, status: 'PENDING' }],
      },
    ]);
    expect(new Date(events[0].timestamp).toISOString()).toBe(events[0].timestamp);
    expect(notifications).toEqual([]);
  });

  it('tells no one of a refused submission', async () => {
    const { events, notifications } = await outboxOf(async () => {
      const res = await t.gql(SUBMIT, { input: figures(firm.id, `${YEAR + 2}-01`) }, firmAdmin);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
    expect({ events, notifications }).toEqual({ events: [], notifications: [] });
  });

  it('keeps no report when its event cannot be written: both are one transaction', async () => {
    const reports = await t.count('output_reports');
    const { events } = await outboxOf(() =>
      refuseWritesTo('webhook_deliveries', async () => {
        const res = await t.gql(SUBMIT, { input: figures(firm.id, `${YEAR}-03`) }, firmAdmin);
        expect(res.errors?.length).toBe(1);
      }),
    );
    expect(events).toEqual([]);
    expect(await t.count('output_reports')).toBe(reports);
  });
});

describe('importOutputReports', () => {
  const importing = (rows: [string | null, string][]) =>
    t.ok(IMPORT, { fileName: 'reports.csv', content: csv(rows) }, admin);

  it('emits report.submitted for each new revision, in one statement whatever the rows', async () => {
    const codes = [firm.creditCode!, other.creditCode!];
    const two: [string, string][] = codes.map((c) => [c, `${YEAR}-04`]);
    const ten: [string, string][] = codes.flatMap((c) =>
      ['05', '06', '07', '08', '09'].map((m): [string, string] => [c, `${YEAR}-${m}`]),
    );
    const req = (rows: [string, string][]) => ({ fileName: 'reports.csv', content: csv(rows) });
    let small = 0;
    let large = 0;
    const first = await outboxOf(async () => {
      small = await t.statements(IMPORT, req(two), admin);
    });
    const second = await outboxOf(async () => {
      large = await t.statements(IMPORT, req(ten), admin);
    });
    // The same statements for 2 rows as for 10: the events of an import are written at once.
    expect(large).toBe(small);
    expect(first.events).toHaveLength(2);
    expect(second.events).toHaveLength(10);
    const written: { id: string; tenant_id: string; period: string }[] = await t.dataSource.query(
      `SELECT id, tenant_id, period FROM output_reports WHERE latest AND period BETWEEN $1 AND $2`,
      [`${YEAR}-04`, `${YEAR}-09`],
    );
    const names = new Map([firm, other].map((f) => [f.id, f.name]));
    expect([...first.events, ...second.events].map((e) => e.data).sort(byReport)).toEqual(
      written
        .map((r) => ({
          reportId: r.id,
          tenantId: r.tenant_id,
          tenantName: names.get(r.tenant_id),
          period: r.period,
          status: 'SUBMITTED',
        }))
        .sort(byReport),
    );
    for (const e of [...first.events, ...second.events]) {
      expect(e.type).toBe('report.submitted');
      expect(e.deliveries).toEqual([{ endpointId, status: 'PENDING' }]);
    }
    expect(new Set(second.events.map((e) => e.timestamp)).size).toBe(1);
    expect([...first.notifications, ...second.notifications]).toEqual([]);
  });

  it('emits nothing for rows left as they were, nor for a refused file', async () => {
    const unchanged = await outboxOf(async () => {
      const d = await importing([[firm.creditCode, `${YEAR}-04`]]);
      expect(d.importOutputReports).toMatchObject({ imported: 0, unchanged: 1 });
    });
    expect(unchanged.events).toEqual([]);

    const refused = await outboxOf(async () => {
      const d = await importing([
        [firm.creditCode, `${YEAR}-10`],
        ['91141100MA0000000X', `${YEAR}-10`],
      ]);
      expect(d.importOutputReports).toMatchObject({ imported: 0 });
      expect(d.importOutputReports.errorCount).toBeGreaterThan(0);
    });
    expect(refused).toEqual({ events: [], notifications: [] });
  });

  it('emits a resubmission of a month as a new report', async () => {
    const { events } = await outboxOf(() =>
      t.ok(
        IMPORT,
        {
          fileName: 'reports.csv',
          content: Buffer.from(
            [HEADER, [firm.creditCode, `${YEAR}-04`, '2000.00', '900.00', '50.50', 10, 2, 1]]
              .map((l) => l.join(','))
              .join('\n'),
          ).toString('base64'),
        },
        admin,
      ),
    );
    const [latest] = await t.dataSource.query(
      `SELECT id, revision FROM output_reports WHERE tenant_id = $1 AND period = $2 AND latest`,
      [firm.id, `${YEAR}-04`],
    );
    expect(latest.revision).toBe(2);
    expect(events.map((e) => e.data)).toEqual([
      {
        reportId: latest.id,
        tenantId: firm.id,
        tenantName: firm.name,
        period: `${YEAR}-04`,
        status: 'SUBMITTED',
      },
    ]);
  });
});

const byReport = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.reportId).localeCompare(String(b.reportId));

describe('reviewOutputReport', () => {
  it('emits report.reviewed on acceptance, and notifies no one', async () => {
    const r = await submit(`${YEAR}-11`);
    const { events, notifications } = await outboxOf(() =>
      t.ok(REVIEW, { id: r.id, decision: 'ACCEPT' }, admin),
    );
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'report.reviewed',
        data: {
          reportId: r.id,
          tenantId: firm.id,
          tenantName: firm.name,
          period: `${YEAR}-11`,
          status: 'ACCEPTED',
          note: null,
        },
      },
    ]);
    expect(notifications).toEqual([]);
  });

  it("notifies the firm's administrators and reporters of a returned report, and no one else", async () => {
    const r = await submit(`${YEAR}-12`);
    const note = '产值与营收不符 Output does not match revenue';
    const { events, notifications } = await outboxOf(() =>
      t.ok(REVIEW, { id: r.id, decision: 'RETURN', note }, admin),
    );
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'report.reviewed',
        data: {
          reportId: r.id,
          tenantId: firm.id,
          tenantName: firm.name,
          period: `${YEAR}-12`,
          status: 'RETURNED',
          note,
        },
      },
    ]);
    const expected = {
      kind: 'REPORT_RETURNED',
      matter: r.id,
      params: { tenantName: firm.name, period: `${YEAR}-12`, note, annual: false },
      link: `/reports/new?period=${YEAR}-12`,
    };
    expect(notifications.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [users.firmAdmin, users.firmReporter].sort().map((userId) => ({ userId, ...expected })),
    );
  });

  it('tells no one of a refused review', async () => {
    const r = await submit(`${YEAR}-01`);
    await t.ok(REVIEW, { id: r.id, decision: 'ACCEPT' }, admin);
    const again = await outboxOf(async () => {
      const res = await t.gql(REVIEW, { id: r.id, decision: 'RETURN', note: 'late' }, admin);
      expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
    });
    expect(again).toEqual({ events: [], notifications: [] });

    const next = await submit(`${YEAR}-01`);
    const noNote = await outboxOf(async () => {
      const res = await t.gql(REVIEW, { id: next.id, decision: 'RETURN' }, admin);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
    expect(noNote).toEqual({ events: [], notifications: [] });
  });

  it('leaves the report submitted, with no event, when its notification cannot be written', async () => {
    const r = await submit(`${YEAR}-03`);
    const { events, notifications } = await outboxOf(() =>
      refuseWritesTo('notifications', async () => {
        const res = await t.gql(REVIEW, { id: r.id, decision: 'RETURN', note: 'again' }, admin);
        expect(res.errors?.length).toBe(1);
      }),
    );
    expect({ events, notifications }).toEqual({ events: [], notifications: [] });
    const [row] = await t.dataSource.query(`SELECT status FROM output_reports WHERE id = $1`, [
      r.id,
    ]);
    expect(row.status).toBe('SUBMITTED');
  });
});

describe('annual reports', () => {
  it('emits annual_report.submitted, and tells no one of a refused submission', async () => {
    let id = '';
    const { events, notifications } = await outboxOf(async () => {
      const d = await t.ok(SUBMIT_ANNUAL, { input: annual(firm.id) }, firmAdmin);
      id = d.submitAnnualReport.id;
    });
    expect(events.map(({ type, data, deliveries }) => ({ type, data, deliveries }))).toEqual([
      {
        type: 'annual_report.submitted',
        data: { reportId: id, tenantId: firm.id, tenantName: firm.name, year: YEAR },
        deliveries: [{ endpointId, status: 'PENDING' }],
      },
    ]);
    expect(notifications).toEqual([]);

    const refused = await outboxOf(async () => {
      const res = await t.gql(SUBMIT_ANNUAL, { input: annual(firm.id, YEAR + 1) }, firmAdmin);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
    expect(refused).toEqual({ events: [], notifications: [] });
  });

  it("notifies the firm's administrators and reporters of a returned annual report, once", async () => {
    const d = await t.ok(SUBMIT_ANNUAL, { input: annual(other.id) }, admin);
    const accepted = await outboxOf(() =>
      t.ok(REVIEW_ANNUAL, { id: d.submitAnnualReport.id, decision: 'ACCEPT' }, admin),
    );
    // Annual reviews have no event type; an acceptance tells no one.
    expect(accepted).toEqual({ events: [], notifications: [] });

    const s = await t.ok(SUBMIT_ANNUAL, { input: annual(firm.id) }, firmAdmin);
    const id = s.submitAnnualReport.id;
    const note = '研发投入与月报合计不符 R&D expense does not match the monthly reports';
    const returned = await outboxOf(() =>
      t.ok(REVIEW_ANNUAL, { id, decision: 'RETURN', note }, admin),
    );
    expect(returned.events).toEqual([]);
    const expected = {
      kind: 'REPORT_RETURNED',
      matter: `annual:${id}`,
      params: { tenantName: firm.name, period: String(YEAR), note, annual: true },
      link: `/annual-reports/new?year=${YEAR}`,
    };
    expect(returned.notifications.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [users.firmAdmin, users.firmReporter].sort().map((userId) => ({ userId, ...expected })),
    );
    expect(returned.notifications.map((n) => n.userId)).not.toContain(users.otherAdmin);
    expect(returned.notifications.map((n) => n.userId)).not.toContain(users.analyst);

    const again = await outboxOf(async () => {
      const res = await t.gql(REVIEW_ANNUAL, { id, decision: 'RETURN', note }, admin);
      expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
    });
    expect(again).toEqual({ events: [], notifications: [] });
  });
});
