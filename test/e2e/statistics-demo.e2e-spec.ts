import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { DEMO_FIRM_NAME } from '../../seeds/demo/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The demo park's annual reports of 2025 and its Torch statistics (火炬统计), as a newcomer's
// `npm start` shows them, made up to a fixed day of 2026 (DEMO_TODAY). Every figure the test
// expects is worked out here by hand from the seed's own rows: the incubation rule applied to
// the tenants' dates, the accepted reports summed exactly and turned into 千元 once.

const TODAY = '2026-09-15';
const YEAR = 2025;
const DAY = '2025-12-31';
const INCUBATION_MONTHS = 48;

/** day + n months, clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
function plusMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 千元 from an exact sum in yuan: ÷ 1 000, rounded half up once. */
const thousand = (yuan: Decimal) =>
  yuan.div(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0);

interface TenantRow {
  id: string;
  name: string;
  kind: 'FIRM' | 'TEAM';
  status: string;
  enteredOn: string;
  exitedOn: string | null;
  foundedOn: string | null;
}

interface ReportRow {
  tenantId: string;
  revision: number;
  status: string;
  reviewNote: string | null;
  submittedAt: Date;
  reviewedAt: Date | null;
  employees: number;
  employeesCollege: number;
  employeesFreshGraduates: number;
  totalRevenue: string;
  rdExpense: string;
  taxPaid: string;
  ventureFunding: string;
  ipValid: number;
  inventionPatentsValid: number;
  softwareCopyrights: number;
}

interface MonthlyRow {
  tenantId: string;
  revenue: string;
  rd: string;
  employees: number;
}

let t: TestApp;
let admin: string;
let tenants: TenantRow[];
let reports: ReportRow[];
let monthly: Map<string, MonthlyRow>;
const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true', DEMO_TODAY: TODAY });
  admin = await t.adminToken();
  tenants = await q(
    `SELECT id, name, kind, status, entered_on::text AS "enteredOn", exited_on::text AS "exitedOn",
            founded_on::text AS "foundedOn"
       FROM tenants ORDER BY entered_on, name`,
  );
  reports = await q(
    `SELECT tenant_id AS "tenantId", revision, status, review_note AS "reviewNote",
            submitted_at AS "submittedAt", reviewed_at AS "reviewedAt", employees,
            employees_college AS "employeesCollege",
            employees_fresh_graduates AS "employeesFreshGraduates",
            total_revenue::text AS "totalRevenue", rd_expense::text AS "rdExpense",
            tax_paid::text AS "taxPaid", venture_funding::text AS "ventureFunding",
            ip_valid AS "ipValid", invention_patents_valid AS "inventionPatentsValid",
            software_copyrights AS "softwareCopyrights"
       FROM annual_reports WHERE year = $1 AND latest`,
    [YEAR],
  );
  const rows: MonthlyRow[] = await q(
    `SELECT tenant_id AS "tenantId", sum(revenue)::text AS revenue, sum(rd_expense)::text AS rd,
            (array_agg(employees ORDER BY period DESC))[1] AS employees
       FROM output_reports
      WHERE latest AND status IN ('SUBMITTED', 'ACCEPTED') AND period BETWEEN $1 AND $2
      GROUP BY tenant_id`,
    [`${YEAR}-01`, `${YEAR}-12`],
  );
  monthly = new Map(rows.map((r) => [r.tenantId, r]));
}, 300_000);
afterAll(() => t?.close());

const firms = () => tenants.filter((x) => x.kind === 'FIRM');
const nameOf = (id: string) => tenants.find((x) => x.id === id)!.name;
/** Resident on 31 December of YEAR and within its 48 months of incubation. */
const incubated = () =>
  tenants.filter(
    (x) =>
      x.enteredOn <= DAY &&
      (x.exitedOn === null || x.exitedOn >= DAY) &&
      DAY < plusMonths(x.enteredOn, INCUBATION_MONTHS),
  );
const accepted = () => reports.filter((r) => r.status === 'ACCEPTED');

describe('the demo firms', () => {
  it('each have a foundedOn, most within 24 months before entry and some long before', () => {
    const all = firms();
    expect(all.length).toBeGreaterThan(40);
    let old = 0;
    for (const f of all) {
      expect(f.foundedOn).not.toBeNull();
      expect(f.foundedOn! <= f.enteredOn).toBe(true);
      if (f.foundedOn! < plusMonths(f.enteredOn, -24)) old++;
    }
    expect(old).toBeGreaterThan(0);
    expect(old).toBeLessThan(all.length / 2);
    const teams = tenants.filter((x) => x.kind === 'TEAM');
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) {
      if (team.foundedOn) expect(team.foundedOn <= team.enteredOn).toBe(true);
    }
    const demoFirm = tenants.find((x) => x.name === DEMO_FIRM_NAME)!;
    expect(demoFirm.foundedOn).toBe('2024-08-16');
  });
});

describe('the annual reports of 2025', () => {
  it('come from most tenants resident in 2025, accepted, with a few missing and one returned', () => {
    const resident = tenants.filter(
      (f) => f.enteredOn <= DAY && (f.exitedOn === null || f.exitedOn >= `${YEAR}-01-01`),
    );
    const reported = new Set(reports.map((r) => r.tenantId));
    const missing = resident.filter((f) => !reported.has(f.id));
    expect(missing.length).toBe(3);
    expect(accepted().length).toBe(resident.length - missing.length - 1);
    const returned = reports.filter((r) => r.status === 'RETURNED');
    expect(returned.map((r) => nameOf(r.tenantId))).toEqual([DEMO_FIRM_NAME]);
    expect(returned[0].reviewNote).toMatch(/总收入/);
    // One firm was returned once and accepted on its second revision.
    expect(reports.filter((r) => r.revision === 2 && r.status === 'ACCEPTED')).toHaveLength(1);
    // Sent in January 2026 and reviewed by the demo's yesterday.
    for (const r of reports) {
      expect(r.submittedAt.toISOString() >= '2026-01-01').toBe(true);
      expect(r.submittedAt.toISOString() < '2026-02-01').toBe(true);
      expect(r.reviewedAt!.getTime()).toBeGreaterThan(r.submittedAt.getTime());
      expect(r.reviewedAt!.toISOString() < TODAY).toBe(true);
    }
  });

  it('agree with the monthly reports of 2025, but for one report of 0 employees', () => {
    const zero = accepted().filter((r) => r.employees === 0);
    expect(zero).toHaveLength(1);
    for (const r of accepted()) {
      const m = monthly.get(r.tenantId)!;
      expect(new Decimal(r.totalRevenue).gte(m.revenue)).toBe(true);
      expect(new Decimal(r.totalRevenue).lte(new Decimal(m.revenue).times(1.1))).toBe(true);
      expect(new Decimal(r.rdExpense).gte(m.rd)).toBe(true);
      if (r.employees > 0) expect(Math.abs(r.employees - m.employees)).toBeLessThanOrEqual(2);
      expect(r.employeesCollege).toBeLessThanOrEqual(r.employees);
      expect(r.inventionPatentsValid).toBeLessThanOrEqual(r.ipValid);
    }
  });
});

interface TorchResult {
  year: number;
  totalArea: string;
  incubatedFirmsArea: string;
  incubatedFirms: number;
  newIncubatedFirms: number;
  graduatedThisYear: number;
  graduatedTotal: number;
  incubatedRevenueThousand: string;
  incubatedRdExpenseThousand: string;
  incubatedTaxPaidThousand: string;
  incubatedVentureFundingThousand: string;
  incubatedEmployees: number;
  incubatedEmployeesCollege: number;
  incubatedEmployeesFreshGraduates: number;
  highTechFirms: number;
  techSmeFirms: number;
  fundedFirms: number;
  firmsWithInventionPatents: number;
  firmsWithValidIp: number;
  incubatorIncomeThousand: string;
  fundingDisbursedThousand: string;
  missingAnnualReports: { name: string }[];
  checks: { code: string; passed: boolean; tenants: { name: string }[]; message: string }[];
}

/** A Decimal figure of the answer as a plain string, asserting that 千元 come whole. */
function whole(value: string): string {
  const d = new Decimal(value);
  expect(d.isInteger()).toBe(true);
  return d.toFixed(0);
}
const area = (value: string) => new Decimal(value).toFixed(2);

describe('torchStatistics(2025) on the demo park', () => {
  let torch: TorchResult;
  beforeAll(async () => {
    ({ torchStatistics: torch } = await t.ok<{ torchStatistics: TorchResult }>(
      `query($y: Int!) { torchStatistics(year: $y) {
         year totalArea incubatedFirmsArea incubatedFirms newIncubatedFirms
         graduatedThisYear graduatedTotal
         incubatedRevenueThousand incubatedRdExpenseThousand incubatedTaxPaidThousand
         incubatedVentureFundingThousand incubatedEmployees incubatedEmployeesCollege
         incubatedEmployeesFreshGraduates highTechFirms techSmeFirms fundedFirms
         firmsWithInventionPatents firmsWithValidIp incubatorIncomeThousand
         fundingDisbursedThousand
         missingAnnualReports { name }
         checks { code passed tenants { name } message } } }`,
      { y: YEAR },
      admin,
    ));
  });
  const check = (code: string) => torch.checks.find((c) => c.code === code)!;

  it('counts the firms incubated on 31 December by the incubation rule', async () => {
    const firmsIn = incubated();
    expect(torch.year).toBe(YEAR);
    expect(torch.incubatedFirms).toBe(firmsIn.length);
    expect(torch.newIncubatedFirms).toBe(
      firmsIn.filter((f) => f.enteredOn.startsWith(String(YEAR))).length,
    );
    const graduated = tenants.filter((x) => x.status === 'GRADUATED' && x.exitedOn);
    expect(torch.graduatedThisYear).toBe(
      graduated.filter((x) => x.exitedOn!.startsWith(String(YEAR)) && x.exitedOn! <= DAY).length,
    );
    expect(torch.graduatedTotal).toBe(graduated.filter((x) => x.exitedOn! <= DAY).length);
    // Certificates valid on the day.
    const certs: { tenantId: string; kind: string; issuedOn: string; expiresOn: string | null }[] =
      await q(
        `SELECT tenant_id AS "tenantId", kind, issued_on::text AS "issuedOn",
                expires_on::text AS "expiresOn" FROM certifications`,
      );
    const holding = (kind: string) =>
      firmsIn.filter((f) =>
        certs.some(
          (c) =>
            c.tenantId === f.id &&
            c.kind === kind &&
            c.issuedOn <= DAY &&
            (c.expiresOn === null || c.expiresOn >= DAY),
        ),
      ).length;
    expect(torch.highTechFirms).toBe(holding('HIGH_TECH'));
    expect(torch.techSmeFirms).toBe(holding('TECH_SME'));
  });

  it('takes the area in service and the area leased to incubated firms on the day', async () => {
    const units: { area: string; condition: string }[] = await q(
      `SELECT area::text AS area, condition FROM units`,
    );
    const leases: { tenantId: string; area: string; status: string; start: string; end: string }[] =
      await q(
        `SELECT l.tenant_id AS "tenantId", u.area::text AS area, l.status,
                l.start_date::text AS start, l.end_date::text AS end
           FROM leases l JOIN units u ON u.id = l.unit_id`,
      );
    const ids = new Set(incubated().map((f) => f.id));
    const totalArea = units
      .filter((u) => u.condition === 'IN_SERVICE')
      .reduce((s, u) => s.plus(u.area), new Decimal(0));
    const leased = leases
      .filter(
        (l) => ids.has(l.tenantId) && l.status !== 'TERMINATED' && l.start <= DAY && l.end >= DAY,
      )
      .reduce((s, l) => s.plus(l.area), new Decimal(0));
    expect(area(torch.totalArea)).toBe(totalArea.toFixed(2));
    expect(area(torch.incubatedFirmsArea)).toBe(leased.toFixed(2));
    const share = check('INCUBATED_AREA_SHARE_GE_75');
    expect(share.passed).toBe(leased.div(totalArea).gte('0.75'));
    expect(check('INCUBATED_AREA_LE_TOTAL').passed).toBe(true);
  });

  it("sums the incubated firms' accepted reports, in 千元 rounded once", () => {
    const ids = new Set(incubated().map((f) => f.id));
    const counted = accepted().filter((r) => ids.has(r.tenantId));
    const sum = (pick: (r: ReportRow) => string) =>
      counted.reduce((s, r) => s.plus(pick(r)), new Decimal(0));
    const count = (pick: (r: ReportRow) => number) => counted.reduce((s, r) => s + pick(r), 0);
    expect({
      revenue: whole(torch.incubatedRevenueThousand),
      rd: whole(torch.incubatedRdExpenseThousand),
      tax: whole(torch.incubatedTaxPaidThousand),
      venture: whole(torch.incubatedVentureFundingThousand),
    }).toEqual({
      revenue: thousand(sum((r) => r.totalRevenue)),
      rd: thousand(sum((r) => r.rdExpense)),
      tax: thousand(sum((r) => r.taxPaid)),
      venture: thousand(sum((r) => r.ventureFunding)),
    });
    expect(torch).toMatchObject({
      incubatedEmployees: count((r) => r.employees),
      incubatedEmployeesCollege: count((r) => r.employeesCollege),
      incubatedEmployeesFreshGraduates: count((r) => r.employeesFreshGraduates),
      fundedFirms: counted.filter((r) => new Decimal(r.ventureFunding).gt(0)).length,
      firmsWithInventionPatents: counted.filter((r) => r.inventionPatentsValid > 0).length,
      firmsWithValidIp: counted.filter((r) => r.ipValid > 0 || r.softwareCopyrights > 0).length,
    });
  });

  it("takes the incubator's income from the bills of 2025 and the benefits disbursed in 2025", async () => {
    const payments: { amount: string; paidOn: string; period: string; status: string }[] = await q(
      `SELECT p.amount::text AS amount, p.paid_on::text AS "paidOn", b.period, b.status
           FROM payments p JOIN bills b ON b.id = p.bill_id`,
    );
    const income = payments
      .filter((p) => p.status !== 'VOID' && p.period.startsWith(`${YEAR}-`) && p.paidOn <= DAY)
      .reduce((s, p) => s.plus(p.amount), new Decimal(0));
    const grants: { granted: string; disbursedOn: string }[] = await q(
      `SELECT granted_amount::text AS granted,
              to_char(disbursed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "disbursedOn"
         FROM benefit_applications WHERE status = 'DISBURSED'`,
    );
    const funding = grants
      .filter((g) => g.disbursedOn.startsWith(`${YEAR}-`))
      .reduce((s, g) => s.plus(g.granted), new Decimal(0));
    expect(whole(torch.incubatorIncomeThousand)).toBe(thousand(income));
    expect(whole(torch.fundingDisbursedThousand)).toBe(thousand(funding));
  });

  it('names the incubated firms without an accepted report, the returned demo firm among them', () => {
    const has = new Set(accepted().map((r) => r.tenantId));
    const missing = incubated()
      .filter((f) => !has.has(f.id))
      .map((f) => f.name)
      .sort();
    expect(missing).toHaveLength(4);
    expect(missing).toContain(DEMO_FIRM_NAME);
    expect(torch.missingAnnualReports.map((f) => f.name).sort()).toEqual(missing);
    const missingCheck = check('MISSING_ANNUAL_REPORTS');
    expect(missingCheck.passed).toBe(false);
    expect(missingCheck.tenants.map((f) => f.name).sort()).toEqual(missing);
  });

  it('fails EMPLOYEES_GE_INCUBATED_FIRMS naming the firm that reported 0 employees', () => {
    const zero = accepted()
      .filter((r) => r.employees === 0)
      .map((r) => nameOf(r.tenantId));
    expect(zero).toHaveLength(1);
    const employees = check('EMPLOYEES_GE_INCUBATED_FIRMS');
    expect(employees).toMatchObject({ passed: false, tenants: [{ name: zero[0] }] });
    expect(employees.message).toContain(zero[0]);
    // Every 其中 holds, for each firm and in total.
    for (const code of [
      'EMPLOYEES_DOCTORATE_LE_TOTAL',
      'EMPLOYEES_COLLEGE_LE_TOTAL',
      'EMPLOYEES_RETURNEES_LE_TOTAL',
      'EMPLOYEES_FRESH_GRADUATES_LE_TOTAL',
      'INVENTION_PATENTS_LE_VALID_IP',
    ]) {
      expect(check(code)).toMatchObject({ passed: true, tenants: [] });
    }
    for (const code of [
      'INCUBATED_FIRMS_GE_FIRMS_WITH_IP',
      'INCUBATED_FIRMS_GE_FUNDED_FIRMS',
      'INCUBATED_FIRMS_GE_HIGH_TECH_FIRMS',
    ]) {
      expect(check(code).passed).toBe(true);
    }
  });
});
