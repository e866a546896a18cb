import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role, todayInShanghai } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newCreditCode } from '../fixtures/reporting/fixtures.js';

// torchStatistics and exportTorchStatistics through /graphql, for last year Y (counted on
// 31 December of Y), over a park of its own built through the API, with what the API cannot
// set (a unit under maintenance, a disbursement date in Y, a second park) written straight
// into the tables. Every figure is checked against values worked out by hand below.

const Y = Number(todayInShanghai().slice(0, 4)) - 1;
const tag = () => randomBytes(4).toString('hex');

const FIGURES = `year park { id }
  totalArea incubatedFirmsArea incubatedFirms newIncubatedFirms graduatedThisYear graduatedTotal
  incubatedRevenueThousand incubatedRdExpenseThousand incubatedTaxPaidThousand
  incubatedVentureFundingThousand incubatedEmployees incubatedEmployeesCollege
  incubatedEmployeesFreshGraduates highTechFirms techSmeFirms fundedFirms
  firmsWithInventionPatents firmsWithValidIp incubatorIncomeThousand fundingDisbursedThousand`;
const STATISTICS = `query($year: Int!, $parkId: ID) { torchStatistics(year: $year, parkId: $parkId) {
  ${FIGURES}
  missingAnnualReports { id name }
  checks { code passed message tenants { id name } } } }`;
const EXPORT = `query($year: Int!, $parkId: ID) {
  exportTorchStatistics(year: $year, parkId: $parkId) { fileName contentBase64 rows } }`;

let t: TestApp;
let admin: string;
let parkId: string;
let zoneId: string;
let buildingId: string;

interface Firm {
  id: string;
  name: string;
  creditCode: string;
}
const firms: Record<string, Firm> = {};

async function firm(key: string, enteredOn: string, foundedOn?: string): Promise<Firm> {
  const creditCode = newCreditCode();
  const name = `火炬${key}科技 ${tag()}`;
  const { registerTenant } = await t.ok(
    `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
    {
      input: {
        name,
        kind: 'FIRM',
        creditCode,
        zoneId,
        industryChain: 'HYDROGEN',
        isTechFirm: true,
        enteredOn,
        foundedOn,
      },
    },
    admin,
  );
  return (firms[key] = { id: registerTenant.id, name, creditCode });
}

async function unit(area: string): Promise<string> {
  const { createUnit } = await t.ok(
    `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`,
    {
      input: {
        buildingId,
        code: `U-${tag()}`,
        floor: 3,
        kind: 'OFFICE',
        area,
        monthlyRentPerSqm: '20.00',
      },
    },
    admin,
  );
  return createUnit.id;
}

/** A unit of `area` leased to the firm from `from` to the end of Y+1, at 2 000.00 a month. */
async function lease(tenantId: string, area: string, from: string) {
  await t.ok(
    `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
    {
      input: {
        unitId: await unit(area),
        tenantId,
        startDate: from,
        endDate: `${Y + 1}-12-31`,
        monthlyRent: '2000.00',
      },
    },
    admin,
  );
}

async function certificate(tenantId: string, kind: string, issuedOn: string, expiresOn?: string) {
  await t.ok(
    `mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`,
    { input: { tenantId, kind, certificateNo: `C-${tag()}`, issuedOn, expiresOn } },
    admin,
  );
}

const ZERO_REPORT = {
  registeredCapital: '1000000.00',
  employees: 0,
  employeesDoctorate: 0,
  employeesCollege: 0,
  employeesReturnees: 0,
  employeesFreshGraduates: 0,
  totalRevenue: '0.00',
  netProfit: '0.00',
  taxPaid: '0.00',
  rdExpense: '0.00',
  ventureFunding: '0.00',
  ipApplied: 0,
  ipGranted: 0,
  ipValid: 0,
  inventionPatentsValid: 0,
  softwareCopyrights: 0,
  techContracts: 0,
  techContractValue: '0.00',
  nationalProjects: 0,
};

/** The firm's annual report of Y, submitted by ADMIN and accepted unless asked otherwise. */
async function report(tenantId: string, figures: Partial<typeof ZERO_REPORT>, accept = true) {
  const { submitAnnualReport } = await t.ok(
    `mutation($input: SubmitAnnualReportInput!) { submitAnnualReport(input: $input) { id } }`,
    { input: { ...ZERO_REPORT, ...figures, tenantId, year: Y } },
    admin,
  );
  if (accept) {
    await t.ok(
      `mutation($id: ID!) { reviewAnnualReport(id: $id, decision: ACCEPT) { id status } }`,
      { id: submitAnnualReport.id },
      admin,
    );
  }
}

async function exit(tenantId: string, status: string, exitedOn: string) {
  await t.ok(
    `mutation($input: ExitTenantInput!) { exitTenant(input: $input) { id } }`,
    { input: { tenantId, status, exitedOn } },
    admin,
  );
}

/** A benefit of `amount` DISBURSED to the firm, dated `disbursedAt` (the API dates it now). */
async function disbursed(tenantId: string, amount: string, disbursedAt: string) {
  const { createPolicy } = await t.ok(
    `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }`,
    {
      input: {
        code: `TORCH_${tag().toUpperCase()}`,
        title: '人才补贴',
        kind: 'TALENT',
        basis: '吕政办发〔2025〕10号',
        budget: '1000000.00',
        validFrom: '2020-01-01',
        eligibility: {},
      },
    },
    admin,
  );
  const { applyForBenefit } = await t.ok(
    `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`,
    {
      input: {
        policyId: createPolicy.id,
        tenantId,
        requestedAmount: amount,
        justification: '补贴',
      },
    },
    admin,
  );
  const id = applyForBenefit.id;
  await t.ok(
    `mutation($input: DecideBenefitInput!) { decideBenefit(input: $input) { id } }`,
    { input: { id, approve: true } },
    admin,
  );
  await t.ok(`mutation($id: ID!) { markBenefitDisbursed(id: $id) { id } }`, { id }, admin);
  await t.dataSource.query(
    `UPDATE benefit_applications SET disbursed_at = $2::timestamptz WHERE id = $1`,
    [id, disbursedAt],
  );
}

async function statistics(token = admin, year = Y, park: string | null = parkId) {
  return t.gql(STATISTICS, { year, parkId: park }, token);
}

const check = (s: any, code: string) => s.checks.find((c: { code: string }) => c.code === code);

/**
 * What the park's figures must be, worked out by hand from the facts built in beforeAll (the
 * Decimal scalar writes whole 千元 with two decimals).
 */
const EXPECTED = {
  year: Y,
  // Units in service: A, B, C, D, E 100 m² each, O 200 m², a vacant 50 m²; 300 m² under
  // maintenance does not count.
  totalArea: '750.00',
  // A, B, C, D and E on 31 December.
  incubatedFirmsArea: '500.00',
  incubatedFirms: 5,
  // A and D entered in Y.
  newIncubatedFirms: 2,
  // G in Y; G and H (in Y−1) in all.
  graduatedThisYear: 1,
  graduatedTotal: 2,
  // A, B, C report 1 499.50 each: 4 498.50 yuan is 4 千元 (rounding each first would give 3).
  incubatedRevenueThousand: '4.00',
  // A 2 000.00 + E 500.00: 2.5 千元, half up.
  incubatedRdExpenseThousand: '3.00',
  // A 499.99 + B 0.01: 500.00 yuan is 1 千元, though each alone rounds to 0.
  incubatedTaxPaidThousand: '1.00',
  incubatedVentureFundingThousand: '1000.00',
  // A 10 + B 5 + C 0 + E 3 (O's 50 do not count: it overstays).
  incubatedEmployees: 18,
  incubatedEmployeesCollege: 15,
  incubatedEmployeesFreshGraduates: 3,
  // A (valid on 31 December) and E (no expiry); C's expired in June; D's was issued after.
  highTechFirms: 2,
  techSmeFirms: 1,
  fundedFirms: 1,
  firmsWithInventionPatents: 1,
  // A (valid IP) and B (software copyrights).
  firmsWithValidIp: 2,
  // Three payments of 1 499.50 on November's bills by 31 December; one after it does not count.
  incubatorIncomeThousand: '4.00',
  // 2 500.00 disbursed in Y (Asia/Shanghai); 7 000.00 at 00:30 on 1 January of Y+1 does not.
  fundingDisbursedThousand: '3.00',
};

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  admin = await t.adminToken();
});
afterAll(async () => {
  await t?.close();
});

describe('the only park', () => {
  it('is the one counted when parkId is left out', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM parks`);
    const res = await t.gql(
      `query($y: Int!) { torchStatistics(year: $y) { park { id } incubatedFirms } }`,
      { y: Y },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.torchStatistics.park.id).toBe(id);
  });
});

describe('torchStatistics of a park built for it', () => {
  beforeAll(async () => {
    const [park] = await t.dataSource.query(
      `INSERT INTO parks (code, name) VALUES ($1, '火炬测试园区') RETURNING id`,
      [`TORCH-${tag().toUpperCase()}`],
    );
    parkId = park.id;
    const [zone] = await t.dataSource.query(
      `INSERT INTO zones (park_id, code, name, kind) VALUES ($1, 'TORCH', '火炬起步区', 'STARTUP') RETURNING id`,
      [parkId],
    );
    zoneId = zone.id;
    const { createBuilding } = await t.ok(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      { input: { zoneId, code: `TB-${tag()}`, name: '火炬大厦' } },
      admin,
    );
    buildingId = createBuilding.id;

    // Incubated on 31 December of Y: A and D entered in Y, B and C before; E entered exactly
    // 48 months before 1 January of Y+1, so its period ends on 31 December of Y.
    const a = await firm('A', `${Y}-03-01`, `${Y}-01-10`);
    const b = await firm('B', `${Y - 1}-06-01`);
    const c = await firm('C', `${Y - 2}-01-15`);
    const d = await firm('D', `${Y}-02-01`);
    const e = await firm('E', `${Y - 3}-01-01`);
    // O entered a day before E's: its 48 months ended on 30 December of Y; it overstays.
    const o = await firm('O', `${Y - 4}-12-31`);
    // G graduated in Y, H in Y−1, X left (EXITED) in Y: none of them counts as incubated.
    const g = await firm('G', `${Y - 3}-01-01`);
    const h = await firm('H', `${Y - 4}-06-01`);
    const x = await firm('X', `${Y - 1}-01-01`);

    await lease(a.id, '100.00', `${Y}-03-01`);
    await lease(b.id, '100.00', `${Y}-01-01`);
    await lease(c.id, '100.00', `${Y}-01-01`);
    await lease(d.id, '100.00', `${Y}-02-01`);
    await lease(e.id, '100.00', `${Y}-01-01`);
    await lease(o.id, '200.00', `${Y}-01-01`);
    await unit('50.00');
    const closed = await unit('300.00');
    await t.dataSource.query(`UPDATE units SET condition = 'MAINTENANCE' WHERE id = $1`, [closed]);

    await certificate(a.id, 'HIGH_TECH', `${Y}-10-01`, `${Y + 2}-09-30`);
    await certificate(e.id, 'HIGH_TECH', `${Y - 2}-05-01`);
    await certificate(c.id, 'HIGH_TECH', `${Y - 2}-07-01`, `${Y}-06-30`);
    await certificate(d.id, 'HIGH_TECH', `${Y + 1}-01-01`);
    await certificate(b.id, 'TECH_SME', `${Y}-04-01`, `${Y}-12-31`);
    await certificate(o.id, 'TECH_SME', `${Y}-04-01`);

    await report(a.id, {
      employees: 10,
      employeesDoctorate: 1,
      employeesCollege: 8,
      employeesFreshGraduates: 2,
      totalRevenue: '1499.50',
      netProfit: '-1500.00',
      taxPaid: '499.99',
      rdExpense: '2000.00',
      ventureFunding: '1000000.00',
      ipApplied: 4,
      ipGranted: 2,
      ipValid: 3,
      inventionPatentsValid: 1,
      techContracts: 1,
      techContractValue: '2500.00',
    });
    await report(b.id, {
      employees: 5,
      employeesCollege: 4,
      employeesFreshGraduates: 1,
      totalRevenue: '1499.50',
      taxPaid: '0.01',
      softwareCopyrights: 2,
    });
    await report(c.id, { totalRevenue: '1499.50' });
    await report(e.id, { employees: 3, employeesCollege: 3, rdExpense: '500.00' });
    // D's report waits for review: it is not accepted, so D is missing.
    await report(d.id, { employees: 7, totalRevenue: '900000.00' }, false);
    await report(o.id, {
      employees: 50,
      employeesCollege: 50,
      totalRevenue: '1000000.00',
      ventureFunding: '500000.00',
      ipValid: 9,
      inventionPatentsValid: 9,
    });

    await exit(g.id, 'GRADUATED', `${Y}-09-30`);
    await exit(h.id, 'GRADUATED', `${Y - 1}-05-01`);
    await exit(x.id, 'EXITED', `${Y}-08-31`);

    // November's bills: three paid 1 499.50 by 31 December, one paid after it.
    await t.ok(
      `mutation($p: YearMonth!) { issueBills(period: $p) { issued } }`,
      { p: `${Y}-11` },
      admin,
    );
    const bills = await t.dataSource.query(
      `SELECT id, tenant_id FROM bills WHERE period = $1 AND status <> 'VOID'`,
      [`${Y}-11`],
    );
    const billOf = (f: Firm) =>
      bills.find((row: { tenant_id: string }) => row.tenant_id === f.id).id;
    for (const [f, paidOn] of [
      [a, `${Y}-12-10`],
      [b, `${Y}-12-31`],
      [o, `${Y}-11-20`],
      [c, `${Y + 1}-01-05`],
    ] as const) {
      await t.ok(
        `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`,
        { input: { billId: billOf(f), amount: '1499.50', paidOn, reference: `T-${tag()}` } },
        admin,
      );
    }

    await disbursed(b.id, '2500.00', `${Y}-12-31T23:30:00+08:00`);
    await disbursed(c.id, '7000.00', `${Y + 1}-01-01T00:30:00+08:00`);
  });

  it('counts every figure as worked out by hand', async () => {
    const res = await statistics();
    expect(res.errors).toBeUndefined();
    const s = res.data!.torchStatistics;
    expect(s).toMatchObject({ ...EXPECTED, park: { id: parkId } });
  });

  it('lists the incubated firm without an accepted report', async () => {
    const s = (await statistics()).data!.torchStatistics;
    expect(s.missingAnnualReports).toEqual([{ id: firms.D.id, name: firms.D.name }]);
    expect(check(s, 'MISSING_ANNUAL_REPORTS')).toEqual({
      code: 'MISSING_ANNUAL_REPORTS',
      passed: false,
      message: `1 incubated firm has no accepted annual report: ${firms.D.name}`,
      tenants: [{ id: firms.D.id, name: firms.D.name }],
    });
  });

  it('fails the checks the figures break, naming the firm; the others pass', async () => {
    const s = (await statistics()).data!.torchStatistics;
    expect(
      s.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { code: string }) => c.code),
    ).toEqual([
      'EMPLOYEES_GE_INCUBATED_FIRMS',
      'INCUBATED_AREA_SHARE_GE_75',
      'MISSING_ANNUAL_REPORTS',
    ]);
    expect(check(s, 'EMPLOYEES_GE_INCUBATED_FIRMS')).toEqual({
      code: 'EMPLOYEES_GE_INCUBATED_FIRMS',
      passed: false,
      message: `18 employees ≥ 5 incubated firms; 1 firm reports 0 employees: ${firms.C.name}`,
      tenants: [{ id: firms.C.id, name: firms.C.name }],
    });
    expect(check(s, 'INCUBATED_AREA_SHARE_GE_75')).toMatchObject({
      passed: false,
      tenants: [],
      message: expect.stringContaining('66.7 %'),
    });
    expect(check(s, 'EMPLOYEES_COLLEGE_LE_TOTAL')).toMatchObject({ passed: true, tenants: [] });
    expect(s.checks).toHaveLength(12);
  });

  it('exports the same figures as a workbook of three sheets', async () => {
    const res = await t.gql(EXPORT, { year: Y, parkId }, admin);
    expect(res.errors).toBeUndefined();
    const file = res.data!.exportTorchStatistics;
    expect(file).toMatchObject({ fileName: `torch-statistics-${Y}.xlsx`, rows: 5 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '孵化器 Incubator',
      '在孵企业 Incubated firms',
      '审核 Checks',
    ]);

    const incubator = wb.getWorksheet('孵化器 Incubator')!;
    const rows = new Map<string, { name: string; unit: string; value: unknown }>();
    incubator.eachRow((row, n) => {
      if (n === 1) return;
      const [name, unit, value, key] = (row.values as unknown[]).slice(1);
      rows.set(String(key), { name: String(name), unit: String(unit), value });
    });
    const { year: _year, ...figures } = EXPECTED;
    expect(rows.size).toBe(Object.keys(figures).length);
    for (const [key, value] of Object.entries(figures)) {
      expect([key, String(rows.get(key)?.value)]).toEqual([key, String(Number(value))]);
    }
    expect(rows.get('incubatedRevenueThousand')).toMatchObject({
      name: '在孵企业总收入',
      unit: '千元',
    });
    expect(rows.get('totalArea')).toMatchObject({ name: '场地总面积', unit: 'm²', value: 750 });
    expect(rows.get('incubatedFirms')).toMatchObject({ unit: '家', value: 5 });
    expect(rows.get('incubatedEmployees')).toMatchObject({ unit: '人', value: 18 });

    const perFirm = wb.getWorksheet('在孵企业 Incubated firms')!;
    const header = (perFirm.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 7)).toEqual([
      '统一社会信用代码 Credit code',
      '企业名称 Firm',
      '成立时间 Founded on',
      '入驻时间 Entered on',
      '行业 Industry',
      '是否高企 High-tech',
      '是否科小 Tech SME',
    ]);
    const col = (title: string) => header.findIndex((h) => h.startsWith(title));
    const byName = new Map<string, unknown[]>();
    perFirm.eachRow((row, n) => {
      if (n > 1) byName.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1));
    });
    expect([...byName.keys()].sort()).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map((k) => firms[k].name).sort(),
    );
    const a = byName.get(firms.A.name)!;
    expect(a.slice(0, 7)).toEqual([
      firms.A.creditCode,
      firms.A.name,
      `${Y}-01-10`,
      `${Y}-03-01`,
      '氢能',
      '是',
      '否',
    ]);
    // A's own figures in 千元, each rounded once: 1 499.50 → 1, −1 500.00 → −2, 2 500.00 → 3.
    expect(a[col('总收入')]).toBe(1);
    expect(a[col('净利润')]).toBe(-2);
    expect(a[col('技术合同成交额')]).toBe(3);
    expect(a[col('风险投资额')]).toBe(1000);
    expect(a[col('从业人员')]).toBe(10);
    expect(a[col('占用场地面积')]).toBe(100);
    const d = byName.get(firms.D.name)!;
    expect(d[col('年报')]).toBe('未报');
    expect(d[col('总收入')] ?? null).toBeNull();

    const checks = wb.getWorksheet('审核 Checks')!;
    const results = new Map<string, unknown[]>();
    checks.eachRow((row, n) => {
      if (n > 1) results.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    expect(results.size).toBe(12);
    expect(results.get('MISSING_ANNUAL_REPORTS')!.slice(1)).toEqual([
      '未通过',
      `1 incubated firm has no accepted annual report: ${firms.D.name}`,
      firms.D.name,
    ]);
    expect(results.get('EMPLOYEES_COLLEGE_LE_TOTAL')![1]).toBe('通过');
  });

  it('is read by ANALYST and refused to a firm', async () => {
    const analyst = await t.tokenFor(Role.ANALYST);
    const read = await statistics(analyst);
    expect(read.errors).toBeUndefined();
    expect(read.data!.torchStatistics).toMatchObject(EXPECTED);
    expect((await t.gql(EXPORT, { year: Y, parkId }, analyst)).errors).toBeUndefined();

    const firmAdmin = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firms.A.id });
    for (const query of [STATISTICS, EXPORT]) {
      const refused = await t.gql(query, { year: Y, parkId }, firmAdmin);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
  });

  it('refuses an unknown park, a missing one among several, and a year to come, naming each', async () => {
    for (const park of [randomUUID(), 'not-an-id', null]) {
      const res = await statistics(admin, Y, park);
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'parkId', message: expect.any(String) }],
      });
    }
    const unknown = await t.gql(EXPORT, { year: Y, parkId: randomUUID() }, admin);
    expect(unknown.errors?.[0]?.extensions.fields).toEqual([
      { field: 'parkId', message: 'is not a known park' },
    ]);
    for (const year of [Y + 2, 1999]) {
      const res = await statistics(admin, year);
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions.fields?.[0]?.field).toBe('year');
    }
  });
  it('reads in a fixed number of statements', async () => {
    // The caller's account, the parks, the incubated firms with their sums, the park's own
    // figures, and the firms the answer names.
    const before = await t.statements(STATISTICS, { year: Y, parkId }, admin);
    expect(before).toBe(5);
    // Five more incubated firms, one of them missing its report.
    for (let i = 0; i < 5; i++) {
      const f = await firm(`N${i}`, `${Y}-05-01`);
      await lease(f.id, '10.00', `${Y}-05-01`);
      if (i) await report(f.id, { employees: 1 });
    }
    expect(await t.statements(STATISTICS, { year: Y, parkId }, admin)).toBe(before);
    const s = (await statistics()).data!.torchStatistics;
    expect(s.incubatedFirms).toBe(10);
    expect(s.missingAnnualReports).toHaveLength(2);
  });
});
