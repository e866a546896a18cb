import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  REVIEW,
  SUBMIT,
  zones,
} from '../fixtures/reporting/fixtures.js';

// Today in Asia/Shanghai decides which years are over: the last full year is open, the current
// one is not.
const YEAR = Number(todayInShanghai().slice(0, 4)) - 1;
const CURRENT = YEAR + 1;

const SUBMIT_ANNUAL = `mutation($input: SubmitAnnualReportInput!) {
  submitAnnualReport(input: $input) {
    id year revision status submittedAt reviewNote registeredCapital employees employeesDoctorate
    employeesCollege employeesReturnees employeesFreshGraduates totalRevenue netProfit taxPaid
    rdExpense ventureFunding ipApplied ipGranted ipValid inventionPatentsValid softwareCopyrights
    techContracts techContractValue nationalProjects occupiedArea tenant { id name }
  }
}`;

const REVIEW_ANNUAL = `mutation($id: ID!, $decision: ReviewDecision!, $note: String) {
  reviewAnnualReport(id: $id, decision: $decision, note: $note) { id status reviewNote revision }
}`;

const LIST = `query($year: Int!, $zoneId: ID, $status: ReportStatus) {
  annualReports(year: $year, zoneId: $zoneId, status: $status) {
    id year revision status tenant { id } revisions { revision status totalRevenue }
  }
}`;

const DRAFT = `query($tenantId: ID!, $year: Int!) {
  annualReportDraft(tenantId: $tenantId, year: $year) {
    tenant { id } year dueOn totalRevenue rdExpense employees ipApplied ipGranted occupiedArea
  }
}`;

const OF_TENANT = `query($id: ID!) { tenant(id: $id) { annualReports { year revision status } } }`;

function annual(tenantId: string, year = YEAR, over: Record<string, unknown> = {}) {
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
    ...over,
  };
}

let t: TestApp;
let zone: { startup: string; expansion: string };
/** Resident since March two years before YEAR, with a lease over 31 December of YEAR. */
let firm: FixtureTenant;
/** Another firm, in the other zone. */
let other: FixtureTenant;
/** Entered in YEAR; left before the current year began. */
let left: FixtureTenant;
let admin: string;
let reporter: string;
let firmAdmin: string;
let otherAdmin: string;
let provider: string;

const hex = () => randomBytes(4).toString('hex');

async function unit(buildingId: string, area: string): Promise<string> {
  const d = await t.ok(
    `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`,
    {
      input: {
        buildingId,
        code: `U${hex()}`,
        floor: 1,
        kind: 'OFFICE',
        area,
        monthlyRentPerSqm: '40.00',
      },
    },
    admin,
  );
  return d.createUnit.id;
}

async function lease(unitId: string, tenantId: string, startDate: string, endDate: string) {
  await t.ok(
    `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
    { input: { unitId, tenantId, startDate, endDate } },
    admin,
  );
}

beforeAll(async () => {
  t = await startTestApp();
  zone = await zones(t);
  firm = await makeTenant(t, { zoneId: zone.startup, enteredOn: `${YEAR - 1}-03-10` });
  other = await makeTenant(t, { zoneId: zone.expansion, enteredOn: `${YEAR}-01-01` });
  left = await makeTenant(t, {
    zoneId: zone.startup,
    enteredOn: `${YEAR - 1}-01-15`,
    exitedOn: `${YEAR}-06-20`,
  });
  admin = await t.adminToken();
  reporter = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm.id });
  firmAdmin = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id });
  otherAdmin = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: other.id });
  const { createServiceProvider } = await t.ok(
    `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
    { input: { name: `Provider ${hex()}`, categories: ['LEGAL'] } },
    admin,
  );
  provider = await t.tokenFor(Role.SERVICE_PROVIDER, {
    serviceProviderId: createServiceProvider.id,
  });

  const { createBuilding } = await t.ok(
    `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
    { input: { zoneId: zone.startup, code: `A${hex()}`, name: 'Annual house' } },
    admin,
  );
  // Over 31 December: 120.50 + 30.25 m²; one that ended in June does not count.
  await lease(
    await unit(createBuilding.id, '120.50'),
    firm.id,
    `${YEAR}-01-01`,
    `${CURRENT}-06-30`,
  );
  await lease(await unit(createBuilding.id, '30.25'), firm.id, `${YEAR}-12-31`, `${YEAR}-12-31`);
  await lease(await unit(createBuilding.id, '80.00'), firm.id, `${YEAR}-01-01`, `${YEAR}-06-30`);
  // Another firm's lease of the same year does not count for the firm.
  await lease(await unit(createBuilding.id, '55.00'), other.id, `${YEAR}-01-01`, `${YEAR}-12-31`);
});
afterAll(() => t?.close());

/** Rows that a refused request must leave as they were. */
async function written() {
  return [await t.count('annual_reports'), await t.count('audit_events')];
}

/** Submits and expects BAD_USER_INPUT naming exactly `fields`, with nothing written. */
async function refused(input: Record<string, unknown>, fields: string[], token = admin) {
  const before = await written();
  const res = await t.gql(SUBMIT_ANNUAL, { input }, token);
  expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0]?.extensions.fields?.map((f) => f.field).sort()).toEqual(
    [...fields].sort(),
  );
  expect(await written()).toEqual(before);
  return res.errors![0];
}

async function forbidden(query: string, vars: Record<string, unknown>, token: string) {
  const before = await written();
  const res = await t.gql(query, vars, token);
  expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  expect(await written()).toEqual(before);
}

describe('annualReportDraft', () => {
  beforeAll(async () => {
    const month = (period: string, over: Record<string, unknown>) =>
      t.ok(SUBMIT, { input: figures(firm.id, period, over) }, reporter);
    await month(`${YEAR}-03`, {
      revenue: '1000.10',
      rdExpense: '100.05',
      employees: 10,
      patentsFiled: 2,
      patentsGranted: 1,
    });
    // A resubmission counts once, as its latest revision.
    await month(`${YEAR}-11`, { revenue: '1.00', rdExpense: '1.00', employees: 99 });
    await month(`${YEAR}-11`, {
      revenue: '2000.20',
      rdExpense: '0.95',
      employees: 12,
      patentsFiled: 1,
      patentsGranted: 0,
    });
    // A month the committee returned does not count, nor does another year's.
    const { submitOutputReport: dec } = await month(`${YEAR}-12`, {
      revenue: '5000.00',
      employees: 50,
    });
    await t.ok(REVIEW, { id: dec.id, decision: 'RETURN', note: 'wrong figures' }, admin);
    await month(`${YEAR - 1}-12`, { revenue: '7000.00', employees: 70, patentsFiled: 7 });
  });

  it('sums the year’s monthly reports and reads the area leased on 31 December', async () => {
    const { annualReportDraft } = await t.ok(DRAFT, { tenantId: firm.id, year: YEAR }, reporter);
    expect(annualReportDraft).toEqual({
      tenant: { id: firm.id },
      year: YEAR,
      // ANNUAL_REPORT_DUE: 31 January of the next year by default.
      dueOn: `${YEAR + 1}-01-31`,
      totalRevenue: '3000.30',
      rdExpense: '101.00',
      employees: 12,
      ipApplied: 3,
      ipGranted: 1,
      occupiedArea: '150.75',
    });
  });

  it('is all zeros for a year with nothing reported or leased', async () => {
    const { annualReportDraft } = await t.ok(DRAFT, { tenantId: left.id, year: YEAR }, admin);
    expect(annualReportDraft).toMatchObject({
      totalRevenue: '0.00',
      rdExpense: '0.00',
      employees: 0,
      ipApplied: 0,
      ipGranted: 0,
      occupiedArea: '0.00',
    });
  });

  it('is a firm’s own only; the committee reads any; a provider none', async () => {
    await forbidden(DRAFT, { tenantId: other.id, year: YEAR }, reporter);
    await forbidden(DRAFT, { tenantId: other.id, year: YEAR }, firmAdmin);
    await forbidden(DRAFT, { tenantId: firm.id, year: YEAR }, provider);
    const analyst = await t.tokenFor(Role.ANALYST);
    const { annualReportDraft } = await t.ok(DRAFT, { tenantId: firm.id, year: YEAR }, analyst);
    expect(annualReportDraft.occupiedArea).toBe('150.75');
  });

  it('refuses an unknown firm, a malformed id and a year out of range, by field', async () => {
    const unknown = await t.gql(
      DRAFT,
      { tenantId: '00000000-0000-4000-8000-000000000000', year: YEAR },
      admin,
    );
    expect(unknown.errors?.[0].extensions.fields).toEqual([
      { field: 'tenantId', message: 'is not a registered tenant' },
    ]);
    const bad = await t.gql(DRAFT, { tenantId: 'nope', year: 1999 }, admin);
    expect(bad.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([
      'tenantId',
      'year',
    ]);
  });
});

describe('submitAnnualReport', () => {
  it('takes a firm’s year as given, with the occupied area from its leases, and audits it', async () => {
    const { submitAnnualReport } = await t.ok(SUBMIT_ANNUAL, { input: annual(firm.id) }, reporter);
    expect(submitAnnualReport).toEqual({
      ...annual(firm.id),
      tenantId: undefined,
      id: expect.any(String),
      revision: 1,
      status: 'SUBMITTED',
      submittedAt: expect.any(String),
      reviewNote: null,
      occupiedArea: '150.75',
      tenant: { id: firm.id, name: firm.name },
    });
    const [audit] = await t.dataSource.query(
      `SELECT operation, before, after->>'revision' AS revision FROM audit_events
       WHERE entity = 'AnnualReport' AND entity_id = $1`,
      [submitAnnualReport.id],
    );
    expect(audit).toEqual({ operation: 'submitAnnualReport', before: null, revision: '1' });
  });

  it('makes a resubmission the next revision, the only latest one', async () => {
    const first = await t.ok(SUBMIT_ANNUAL, { input: annual(other.id) }, otherAdmin);
    const again = await t.ok(
      SUBMIT_ANNUAL,
      { input: annual(other.id, YEAR, { totalRevenue: '999.00' }) },
      admin,
    );
    expect(again.submitAnnualReport).toMatchObject({ revision: 2, totalRevenue: '999.00' });
    const { annualReports } = await t.ok(LIST, { year: YEAR, zoneId: zone.expansion }, admin);
    expect(annualReports).toEqual([
      {
        id: again.submitAnnualReport.id,
        year: YEAR,
        revision: 2,
        status: 'SUBMITTED',
        tenant: { id: other.id },
        revisions: [
          { revision: 1, status: 'SUBMITTED', totalRevenue: '12000000.50' },
          { revision: 2, status: 'SUBMITTED', totalRevenue: '999.00' },
        ],
      },
    ]);
    const [audit] = await t.dataSource.query(
      `SELECT before->>'id' AS superseded, before->>'latest' AS latest FROM audit_events
       WHERE entity = 'AnnualReport' AND entity_id = $1`,
      [again.submitAnnualReport.id],
    );
    // The superseded revision as it stands after the resubmission.
    expect(audit).toEqual({ superseded: first.submitAnnualReport.id, latest: 'false' });
  });

  it('keeps one latest revision and distinct revision numbers when submissions race', async () => {
    const racer = await makeTenant(t, { zoneId: zone.startup, enteredOn: `${YEAR}-02-01` });
    const n = 6;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.gql(SUBMIT_ANNUAL, { input: annual(racer.id, YEAR, { employees: 40 + i }) }, admin),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const revisions = results.map((r) => r.data!.submitAnnualReport.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const rows: { revision: number; latest: boolean }[] = await t.dataSource.query(
      `SELECT revision, latest FROM annual_reports WHERE tenant_id = $1 ORDER BY revision`,
      [racer.id],
    );
    expect(rows.filter((r) => r.latest).map((r) => r.revision)).toEqual([n]);
  });

  it('is guarded by the database: a second latest row, a repeated revision, a 其中 above its total', async () => {
    const insert = (revision: number, latest: boolean, doctorate = 0) =>
      t.dataSource.query(
        `INSERT INTO annual_reports (tenant_id, year, revision, latest, registered_capital,
           employees, employees_doctorate, employees_college, employees_returnees,
           employees_fresh_graduates, total_revenue, net_profit, tax_paid, rd_expense,
           venture_funding, ip_applied, ip_granted, ip_valid, invention_patents_valid,
           software_copyrights, tech_contracts, tech_contract_value, national_projects,
           occupied_area)
         VALUES ($1, $2, $3, $4, 0, 1, $5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
        [other.id, YEAR, revision, latest, doctorate],
      );
    const constraint = (name: string) => ({
      driverError: expect.objectContaining({ constraint: name }),
    });
    await expect(insert(99, true)).rejects.toMatchObject(constraint('annual_reports_latest_key'));
    await expect(insert(1, false)).rejects.toMatchObject(
      constraint('annual_reports_tenant_year_revision_key'),
    );
    await expect(insert(98, false, 2)).rejects.toMatchObject(
      constraint('annual_reports_employees_doctorate_le_total'),
    );
  });
});

describe('refusals, by field, writing nothing', () => {
  it.each([
    ['negative employees', { employees: -1 }, ['employees']],
    ['a fractional count', { ipValid: 2.5 }, ['ipValid']],
    ['three decimals', { registeredCapital: '1.001' }, ['registeredCapital']],
    ['negative money', { taxPaid: '-1.00' }, ['taxPaid']],
    ['a net profit of three decimals', { netProfit: '-1.001' }, ['netProfit']],
    ['a malformed firm id', { tenantId: 'nope' }, ['tenantId']],
    ['a year out of range', { year: 1999 }, ['year']],
  ])('refuses %s', async (_, over, fields) => {
    await refused(annual(firm.id, YEAR, over), fields);
  });

  it('names each 其中 above its total, and every other problem with them', async () => {
    const error = await refused(
      annual(firm.id, YEAR, {
        employees: 10,
        employeesDoctorate: 11,
        employeesCollege: 10,
        employeesReturnees: 12,
        employeesFreshGraduates: 13,
        ipValid: 1,
        inventionPatentsValid: 2,
        totalRevenue: '-5.00',
      }),
      [
        'employeesDoctorate',
        'employeesReturnees',
        'employeesFreshGraduates',
        'inventionPatentsValid',
        'totalRevenue',
      ],
    );
    const messages = Object.fromEntries(error.extensions.fields!.map((f) => [f.field, f.message]));
    expect(messages.employeesDoctorate).toContain('at most employees (10)');
    expect(messages.inventionPatentsValid).toContain('at most ipValid (1)');
  });

  it('refuses a year not over yet, naming year', async () => {
    const error = await refused(annual(firm.id, CURRENT), ['year']);
    expect(error.message).toContain(
      `${CURRENT} is not over yet: its annual report opens on ${CURRENT + 1}-01-01`,
    );
  });

  it('refuses a year before the firm entered, naming year, and takes the year it left in', async () => {
    const before = await refused(annual(firm.id, YEAR - 2), ['year']);
    expect(before.message).toContain(
      `${YEAR - 2} is before the firm entered the park (${YEAR - 1}-03-10)`,
    );
    const ok = await t.ok(SUBMIT_ANNUAL, { input: annual(left.id, YEAR) }, admin);
    expect(ok.submitAnnualReport).toMatchObject({ revision: 1, occupiedArea: '0.00' });
  });

  it('refuses a year after the firm left, naming year', async () => {
    const gone = await makeTenant(t, {
      zoneId: zone.startup,
      enteredOn: `${YEAR - 3}-01-01`,
      exitedOn: `${YEAR - 2}-12-31`,
    });
    const error = await refused(annual(gone.id, YEAR - 1), ['year']);
    expect(error.message).toContain(
      `${YEAR - 1} is after the firm left the park (${YEAR - 2}-12-31)`,
    );
  });

  it('refuses an unknown firm, naming tenantId', async () => {
    const error = await refused(annual('00000000-0000-4000-8000-000000000000'), ['tenantId']);
    expect(error.message).toContain('not a registered tenant');
  });
});

describe('who may submit, and isolation between firms', () => {
  it.each([
    ['a TENANT_ADMIN', () => firmAdmin],
    ['a TENANT_REPORTER', () => reporter],
  ])('refuses %s reporting for another firm, writing nothing', async (_, token) => {
    await forbidden(SUBMIT_ANNUAL, { input: annual(other.id) }, token());
  });

  it('lets a firm’s admin report its own year', async () => {
    const { submitAnnualReport } = await t.ok(
      SUBMIT_ANNUAL,
      { input: annual(firm.id, YEAR - 1) },
      firmAdmin,
    );
    expect(submitAnnualReport).toMatchObject({ year: YEAR - 1, revision: 1, occupiedArea: '0.00' });
  });

  it.each([
    Role.SERVICE_PROVIDER,
    Role.POLICY_OFFICER,
    Role.ANALYST,
    Role.SPACE_MANAGER,
    Role.SERVICE_DESK,
  ])('refuses %s', async (role) => {
    const token = role === Role.SERVICE_PROVIDER ? provider : await t.tokenFor(role);
    await forbidden(SUBMIT_ANNUAL, { input: annual(firm.id) }, token);
  });

  it('refuses a caller who is not signed in', async () => {
    const res = await t.gql(SUBMIT_ANNUAL, { input: annual(firm.id) });
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('annualReports and Tenant.annualReports', () => {
  it('show a firm its own reports only, whatever it asks', async () => {
    for (const token of [reporter, firmAdmin]) {
      const { annualReports } = await t.ok(LIST, { year: YEAR }, token);
      expect(annualReports.map((r: any) => r.tenant.id)).toEqual([firm.id]);
      const inOtherZone = await t.ok(LIST, { year: YEAR, zoneId: zone.expansion }, token);
      expect(inOtherZone.annualReports).toEqual([]);
    }
    await forbidden(OF_TENANT, { id: other.id }, reporter);
  });

  it('show the committee every firm, by zone and status; a provider nothing', async () => {
    const policyOfficer = await t.tokenFor(Role.POLICY_OFFICER);
    const { annualReports } = await t.ok(LIST, { year: YEAR }, policyOfficer);
    expect(annualReports.map((r: any) => r.tenant.id)).toEqual(
      expect.arrayContaining([firm.id, other.id, left.id]),
    );
    expect(annualReports.every((r: any) => r.year === YEAR)).toBe(true);
    const startup = await t.ok(LIST, { year: YEAR, zoneId: zone.startup }, admin);
    expect(startup.annualReports.map((r: any) => r.tenant.id)).not.toContain(other.id);
    const accepted = await t.ok(LIST, { year: YEAR, status: 'ACCEPTED' }, admin);
    expect(accepted.annualReports).toEqual([]);
    await forbidden(LIST, { year: YEAR }, provider);
    const bad = await t.gql(LIST, { year: 2101, zoneId: 'x' }, admin);
    expect(bad.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([
      'year',
      'zoneId',
    ]);
  });

  it('give a firm its latest revision of each year, newest year first', async () => {
    await t.ok(SUBMIT_ANNUAL, { input: annual(firm.id, YEAR, { employees: 41 }) }, reporter);
    for (const token of [reporter, admin, await t.tokenFor(Role.ANALYST)]) {
      const { tenant } = await t.ok(OF_TENANT, { id: firm.id }, token);
      expect(tenant.annualReports).toEqual([
        { year: YEAR, revision: 2, status: 'SUBMITTED' },
        { year: YEAR - 1, revision: 1, status: 'SUBMITTED' },
      ]);
    }
  });
});

describe('reviewAnnualReport', () => {
  let subject: FixtureTenant;
  let subjectAdmin: string;

  beforeAll(async () => {
    subject = await makeTenant(t, { zoneId: zone.startup, enteredOn: `${YEAR - 2}-01-01` });
    subjectAdmin = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: subject.id });
  });

  async function submit(year: number) {
    const d = await t.ok(SUBMIT_ANNUAL, { input: annual(subject.id, year) }, subjectAdmin);
    return d.submitAnnualReport as { id: string; revision: number };
  }

  /** Expects a refusal with `code` that changes no report and writes no audit event. */
  async function refusedReview(vars: Record<string, unknown>, code: string, token = admin) {
    const state = () =>
      t.dataSource.query(
        `SELECT id, status, review_note, reviewed_at FROM annual_reports ORDER BY id`,
      );
    const before = [await state(), await t.count('audit_events')];
    const res = await t.gql(REVIEW_ANNUAL, vars, token);
    expect(res.errors?.[0].extensions.code).toBe(code);
    expect([await state(), await t.count('audit_events')]).toEqual(before);
    return res.errors![0];
  }

  it('accepts a report, recording who and when, and audits it', async () => {
    const r = await submit(YEAR);
    const { reviewAnnualReport } = await t.ok(
      REVIEW_ANNUAL,
      { id: r.id, decision: 'ACCEPT' },
      admin,
    );
    expect(reviewAnnualReport).toEqual({
      id: r.id,
      status: 'ACCEPTED',
      reviewNote: null,
      revision: 1,
    });
    const [row] = await t.dataSource.query(
      `SELECT reviewed_at IS NOT NULL AS reviewed, reviewed_by IS NOT NULL AS by FROM annual_reports WHERE id = $1`,
      [r.id],
    );
    expect(row).toEqual({ reviewed: true, by: true });
    const [audit] = await t.dataSource.query(
      `SELECT operation, after->>'status' AS status FROM audit_events
       WHERE entity = 'AnnualReport' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [r.id],
    );
    expect(audit).toEqual({ operation: 'reviewAnnualReport', status: 'ACCEPTED' });
    const accepted = await t.ok(LIST, { year: YEAR, status: 'ACCEPTED' }, admin);
    expect(accepted.annualReports.map((x: any) => x.id)).toEqual([r.id]);
  });

  it('requires a note to return, then the firm resubmits as a new revision', async () => {
    const r = await submit(YEAR - 1);
    for (const note of [undefined, '   ']) {
      const e = await refusedReview({ id: r.id, decision: 'RETURN', note }, 'BAD_USER_INPUT');
      expect(e.extensions.fields).toEqual([
        { field: 'note', message: expect.stringContaining('required') },
      ]);
    }
    const { reviewAnnualReport } = await t.ok(
      REVIEW_ANNUAL,
      { id: r.id, decision: 'RETURN', note: '从业人员与月报不符' },
      admin,
    );
    expect(reviewAnnualReport).toMatchObject({
      status: 'RETURNED',
      reviewNote: '从业人员与月报不符',
    });
    const again = await submit(YEAR - 1);
    expect(again.revision).toBe(2);
    const { tenant } = await t.ok(OF_TENANT, { id: subject.id }, subjectAdmin);
    expect(tenant.annualReports).toEqual([
      { year: YEAR, revision: 1, status: 'ACCEPTED' },
      { year: YEAR - 1, revision: 2, status: 'SUBMITTED' },
    ]);
    // Only the latest revision is reviewed.
    const e = await refusedReview({ id: r.id, decision: 'ACCEPT' }, 'CONFLICT');
    expect(e.message).toContain('superseded');
  });

  it('answers CONFLICT for a report already reviewed, NOT_FOUND for an unknown one', async () => {
    const [{ id }] = await t.dataSource.query(
      `SELECT id FROM annual_reports WHERE tenant_id = $1 AND year = $2 AND latest`,
      [subject.id, YEAR],
    );
    const e = await refusedReview({ id, decision: 'RETURN', note: 'too late' }, 'CONFLICT');
    expect(e.message).toContain('already reviewed (ACCEPTED)');
    await refusedReview(
      { id: '00000000-0000-4000-8000-000000000000', decision: 'ACCEPT' },
      'NOT_FOUND',
    );
    const bad = await refusedReview({ id: 'x', decision: 'ACCEPT' }, 'BAD_USER_INPUT');
    expect(bad.extensions.fields?.[0].field).toBe('id');
  });

  it.each([
    Role.TENANT_ADMIN,
    Role.TENANT_REPORTER,
    Role.POLICY_OFFICER,
    Role.ANALYST,
    Role.SERVICE_PROVIDER,
  ])('refuses %s: review is the committee ADMIN’s', async (role) => {
    const [{ id }] = await t.dataSource.query(
      `SELECT id FROM annual_reports WHERE tenant_id = $1 AND year = $2 AND latest`,
      [subject.id, YEAR - 1],
    );
    const token =
      role === Role.SERVICE_PROVIDER
        ? provider
        : await t.tokenFor(role, role.startsWith('TENANT') ? { tenantId: subject.id } : {});
    await refusedReview({ id, decision: 'ACCEPT' }, 'FORBIDDEN', token);
  });
});
