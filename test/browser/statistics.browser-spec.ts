import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

/**
 * The Torch statistics (火炬统计) and the firms' annual reports in the console: the committee
 * sees the year's figures as the API computes them, its failing checks first with the firms that
 * break them, the firms still missing a report, and downloads the workbook; a firm without a
 * report for the year submits it from the form the platform prefills, and the committee accepts
 * it. Each page is checked by axe-core.
 */

const YEAR = 2025;

const FIGURES = [
  'totalArea',
  'incubatedFirmsArea',
  'incubatedFirms',
  'newIncubatedFirms',
  'graduatedThisYear',
  'graduatedTotal',
  'incubatedRevenueThousand',
  'incubatedRdExpenseThousand',
  'incubatedTaxPaidThousand',
  'incubatedVentureFundingThousand',
  'incubatedEmployees',
  'incubatedEmployeesCollege',
  'incubatedEmployeesFreshGraduates',
  'highTechFirms',
  'techSmeFirms',
  'fundedFirms',
  'firmsWithInventionPatents',
  'firmsWithValidIp',
  'incubatorIncomeThousand',
  'fundingDisbursedThousand',
] as const;

interface Firm {
  id: string;
  name: string;
}

interface Torch extends Record<(typeof FIGURES)[number], string | number> {
  missingAnnualReports: Firm[];
  checks: { code: string; passed: boolean; message: string; tenants: Firm[] }[];
}

const TORCH = `query($year: Int!) { torchStatistics(year: $year) { ${FIGURES.join(' ')}
  missingAnnualReports { id name } checks { code passed message tenants { id name } } } }`;

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits for the page's content (not its loading state). */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expect(page.locator('.ant-skeleton')).toHaveCount(0);
}

/** The form item (label, control and messages) of a field. */
const itemOf = (page: Page, name: string) =>
  page.locator('.ant-form-item', { has: page.locator(`[name=${name}]`) });

test('the committee sees the Torch statistics of 2025, failing checks first', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const admin = api(request, ACCOUNTS.ADMIN);
  const { torchStatistics: stats } = await admin.gql<{ torchStatistics: Torch }>(TORCH, {
    year: YEAR,
  });

  await signIn(page, ACCOUNTS.ADMIN);
  await page.getByRole('navigation').getByRole('link', { name: '火炬统计', exact: true }).click();
  await expect(page).toHaveURL(/\/statistics\/torch/);
  await expect(page.getByRole('heading', { level: 1, name: '火炬统计' })).toBeVisible();
  const year = page.getByLabel('统计年度');
  await expect(year).toHaveAttribute('name', 'year');
  await year.selectOption(String(YEAR));
  await expect(page).toHaveURL(new RegExp(`year=${YEAR}`));

  // Every figure as the API gave it, with its Chinese name and unit.
  for (const metric of FIGURES) {
    await expect(page.locator(`[data-metric=${metric}][data-zone=PARK]`)).toHaveAttribute(
      'data-value',
      String(stats[metric]),
    );
  }
  const row = (field: string) => page.locator(`tr[data-figure=${field}]`);
  await expect(row('totalArea')).toContainText('场地总面积');
  await expect(row('totalArea')).toContainText('m²');
  await expect(row('incubatedFirms')).toContainText('在孵企业数');
  await expect(row('incubatedFirms')).toContainText('家');
  await expect(row('incubatedEmployees')).toContainText('人');
  await expect(row('incubatedRevenueThousand')).toContainText('千元');

  // The checks, failing ones first; the firm with 0 employees named in its check.
  const checks = page.getByRole('list', { name: '审核关系列表' }).locator('li[data-check]');
  await expect(checks).toHaveCount(stats.checks.length);
  const failing = stats.checks.filter((c) => !c.passed);
  expect(failing.length).toBeGreaterThan(0);
  for (let i = 0; i < failing.length; i++)
    await expect(checks.nth(i)).toHaveAttribute('data-passed', 'false');
  const employees = stats.checks.find((c) => c.code === 'EMPLOYEES_GE_INCUBATED_FIRMS');
  expect(employees?.passed).toBe(false);
  expect(employees!.tenants.length).toBeGreaterThan(0);
  const employeesItem = page.locator('li[data-check=EMPLOYEES_GE_INCUBATED_FIRMS]');
  await expect(employeesItem).toHaveAttribute('data-passed', 'false');
  await expect(employeesItem).toContainText('未通过');
  for (const firm of employees!.tenants) {
    const link = employeesItem.getByRole('link', { name: firm.name, exact: true });
    await expect(link).toHaveAttribute('href', `/tenants/${firm.id}`);
  }

  // The firms still missing an accepted report.
  expect(stats.missingAnnualReports.length).toBeGreaterThan(0);
  const missing = page.getByRole('list', { name: '未报送年报企业列表' });
  await expect(missing.locator('li[data-tenant-id]')).toHaveCount(
    stats.missingAnnualReports.length,
  );
  const first = stats.missingAnnualReports[0];
  await expect(
    missing.locator(`li[data-tenant-id="${first.id}"]`).getByRole('link', { name: first.name }),
  ).toHaveAttribute('href', `/tenants/${first.id}`);

  // The workbook.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `下载 ${YEAR} 年统计表（.xlsx）` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const done = page.locator('[data-file-name][data-rows]');
  await expect(done).toBeVisible();
  expect(Number(await done.getAttribute('data-rows'))).toBeGreaterThan(0);

  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);

  // The firm named in the check opens on its page, with its incubation.
  await employeesItem.getByRole('link', { name: employees!.tenants[0].name, exact: true }).click();
  await expect(page).toHaveURL(`/tenants/${employees!.tenants[0].id}`);
  await expect(page.locator('[data-field=endsOn]')).toHaveAttribute(
    'data-value',
    /^\d{4}-\d{2}-\d{2}$/,
  );
});

test('a firm submits its annual report from the prefilled form, and the committee accepts it', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const admin = api(request, ACCOUNTS.ADMIN);
  // A firm of the demo with no report at all for the year: the form starts from the draft.
  const { torchStatistics: stats, annualReports } = await admin.gql<{
    torchStatistics: { missingAnnualReports: Firm[] };
    annualReports: { tenant: { id: string } }[];
  }>(
    `query($year: Int!) { torchStatistics(year: $year) { missingAnnualReports { id name } }
      annualReports(year: $year) { tenant { id } } }`,
    { year: YEAR },
  );
  const reported = new Set(annualReports.map((r) => r.tenant.id));
  const firm = stats.missingAnnualReports.find((f) => !reported.has(f.id));
  expect(firm, 'a demo firm without a 2025 annual report').toBeDefined();

  // Its reporter, made by the committee for the test.
  const email = `annual-${Date.now()}@jcv.example`;
  await admin.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
    input: {
      email,
      displayName: `年报填报员 ${firm!.name}`,
      role: 'TENANT_REPORTER',
      tenantId: firm!.id,
      password: 'demo-password-2025',
    },
  });
  const reporter = api(request, email);
  const { annualReportDraft: draft } = await reporter.gql<{
    annualReportDraft: {
      totalRevenue: string;
      rdExpense: string;
      employees: number;
      ipApplied: number;
      ipGranted: number;
      occupiedArea: string;
    };
  }>(
    `query($tenantId: ID!, $year: Int!) { annualReportDraft(tenantId: $tenantId, year: $year) {
      totalRevenue rdExpense employees ipApplied ipGranted occupiedArea } }`,
    { tenantId: firm!.id, year: YEAR },
  );

  await signIn(page, email);
  await page.getByRole('navigation').getByRole('link', { name: '年度报表', exact: true }).click();
  await expect(page).toHaveURL(/\/annual-reports$/);
  const list = page.getByRole('table', { name: '年报列表' });
  const yearRow = list.locator(`tr[data-year="${YEAR}"]`);
  await expect(yearRow).toHaveAttribute('data-state', 'NOT_REPORTED');
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);
  await yearRow.getByRole('button', { name: `填报 ${YEAR} 年年报` }).click();
  await expect(page).toHaveURL(new RegExp(`/annual-reports/new\\?year=${YEAR}`));
  await expect(page.getByLabel('年度', { exact: true })).toHaveValue(String(YEAR));

  // Prefilled from what the platform knows; the area is shown, not entered.
  await expect(page.getByTestId('draft')).toBeVisible();
  await expect(page.getByLabel('总收入')).toHaveValue(draft.totalRevenue);
  await expect(page.getByLabel('R&D经费支出')).toHaveValue(draft.rdExpense);
  await expect(page.getByLabel('从业人员', { exact: true })).toHaveValue(String(draft.employees));
  await expect(page.getByLabel('知识产权申请数')).toHaveValue(String(draft.ipApplied));
  await expect(page.getByLabel('授权数')).toHaveValue(String(draft.ipGranted));
  const area = page.getByLabel('占用场地面积');
  await expect(area).toHaveAttribute('readonly', '');
  await expect(area).toHaveAttribute('data-value', draft.occupiedArea);
  for (const [label, name] of [
    ['注册资本', 'registeredCapital'],
    ['其中博士', 'employeesDoctorate'],
    ['其中大专以上', 'employeesCollege'],
    ['其中留学人员', 'employeesReturnees'],
    ['其中应届毕业生', 'employeesFreshGraduates'],
    ['净利润', 'netProfit'],
    ['实际上缴税费', 'taxPaid'],
    ['当年获得的风险投资额', 'ventureFunding'],
    ['有效数', 'ipValid'],
    ['其中有效发明专利', 'inventionPatentsValid'],
    ['软件著作权', 'softwareCopyrights'],
    ['技术合同数', 'techContracts'],
    ['技术合同金额', 'techContractValue'],
    ['国家级科技项目', 'nationalProjects'],
  ] as const) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('name', name);
    await expect(page.getByLabel(label, { exact: true })).toHaveValue('');
  }

  // A firm has at least one employee; 其中 above its total is refused next to the 其中 field.
  const employees = Math.max(draft.employees, 3);
  await page.getByLabel('从业人员', { exact: true }).fill(String(employees));
  await page.getByLabel('其中博士').fill(String(employees + 1));
  await page.getByLabel('其中博士').blur();
  await expect(itemOf(page, 'employeesDoctorate')).toContainText('不能超过从业人员');
  await page.getByLabel('其中博士').fill('1');

  await page.getByLabel('注册资本').fill('3000000');
  await page.getByLabel('其中大专以上').fill(String(employees));
  await page.getByLabel('其中留学人员').fill('0');
  await page.getByLabel('其中应届毕业生').fill('1');
  await page.getByLabel('净利润').fill('-12000.5');
  await page.getByLabel('实际上缴税费').fill('8600');
  await page.getByLabel('当年获得的风险投资额').fill('0');
  await page.getByLabel('有效数', { exact: true }).fill('4');
  await page.getByLabel('其中有效发明专利').fill('1');
  await page.getByLabel('软件著作权').fill('2');
  await page.getByLabel('技术合同数').fill('1');
  await page.getByLabel('技术合同金额').fill('150000');
  await page.getByLabel('国家级科技项目').fill('0');
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '提交年报' }).click();
  await expect(page).toHaveURL(/\/annual-reports$/);
  await expect(yearRow).toHaveAttribute('data-state', 'SUBMITTED');

  const { me } = await reporter.gql<{
    me: {
      tenant: {
        annualReports: {
          id: string;
          year: number;
          revision: number;
          status: string;
          totalRevenue: string;
          netProfit: string;
          employees: number;
          occupiedArea: string;
        }[];
      };
    };
  }>(
    `{ me { tenant { annualReports { id year revision status totalRevenue netProfit employees
      occupiedArea } } } }`,
  );
  const saved = me.tenant.annualReports.find((r) => r.year === YEAR);
  expect(saved).toMatchObject({
    revision: 1,
    status: 'SUBMITTED',
    totalRevenue: draft.totalRevenue,
    netProfit: '-12000.50',
    employees,
    occupiedArea: draft.occupiedArea,
  });

  // The committee accepts it on the review page's annual tab.
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, ACCOUNTS.ADMIN);
  await page.goto('/reports?tab=annual');
  const queue = page.getByRole('table', { name: '待审核年报列表' });
  const queued = queue.locator(`tr[data-report-id="${saved!.id}"]`);
  await expect(queued).toHaveAttribute('data-status', 'SUBMITTED');
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);
  await queued.getByRole('button', { name: `受理 ${firm!.name} ${YEAR} 年年报` }).click();
  await page.getByRole('button', { name: '确认受理' }).click();
  await expect(page.locator('[data-decision=ACCEPT]')).toBeVisible();
  await expect(queued).toHaveCount(0);
  const after = await reporter.gql<{
    me: { tenant: { annualReports: { year: number; status: string }[] } };
  }>(`{ me { tenant { annualReports { year status } } } }`);
  expect(after.me.tenant.annualReports.find((r) => r.year === YEAR)?.status).toBe('ACCEPTED');
});

test('a returned year reopens with the committee’s note', async ({ page, request }) => {
  const firm = api(request, ACCOUNTS.TENANT_ADMIN);
  const { me } = await firm.gql<{
    me: {
      tenant: {
        annualReports: {
          year: number;
          revision: number;
          status: string;
          reviewNote: string | null;
          totalRevenue: string;
          employees: number;
        }[];
      };
    };
  }>(
    `{ me { tenant { annualReports { year revision status reviewNote totalRevenue employees } } } }`,
  );
  const returned = me.tenant.annualReports.find((r) => r.status === 'RETURNED');
  expect(returned, "the demo firm's returned annual report").toBeDefined();

  await signIn(page, ACCOUNTS.TENANT_ADMIN);
  await page.goto('/annual-reports');
  const yearRow = page
    .getByRole('table', { name: '年报列表' })
    .locator(`tr[data-year="${returned!.year}"]`);
  await expect(yearRow).toHaveAttribute('data-state', 'RETURNED');
  await yearRow.getByRole('button', { name: `修改后重报 ${returned!.year} 年年报` }).click();
  await expect(page).toHaveURL(new RegExp(`year=${returned!.year}`));
  await expect(page.getByTestId('review-note')).toContainText(returned!.reviewNote ?? '');
  await expect(page.getByLabel('总收入')).toHaveValue(returned!.totalRevenue);
  await expect(page.getByLabel('从业人员', { exact: true })).toHaveValue(
    String(returned!.employees),
  );
});

test('the cockpit counts the firms due to graduate and overstaying; the list shows each stage', async ({
  page,
  request,
}) => {
  const admin = api(request, ACCOUNTS.ADMIN);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const year = Number(today.slice(0, 4));
  const { zones } = await admin.gql<{ zones: { id: string; code: string }[] }>(
    '{ zones { id code } }',
  );

  await signIn(page, ACCOUNTS.ADMIN);
  await page.goto(`/cockpit?year=${year}&asOf=${today}`);
  for (const z of zones) {
    const { zoneDashboard: d } = await admin.gql<{
      zoneDashboard: { dueToGraduate: number; overstaying: number };
    }>(
      `query($z: ID!, $y: Int!, $d: Date) { zoneDashboard(zoneId: $z, year: $y, asOf: $d) {
        dueToGraduate overstaying } }`,
      { z: z.id, y: year, d: today },
    );
    for (const metric of ['dueToGraduate', 'overstaying'] as const) {
      await expect(page.locator(`[data-metric=${metric}][data-zone="${z.code}"]`)).toHaveAttribute(
        'data-value',
        String(d[metric]),
      );
    }
  }

  const { tenants } = await admin.gql<{
    tenants: { edges: { node: { id: string; incubation: { stage: string } } }[] };
  }>('{ tenants(first: 50) { edges { node { id incubation { stage } } } } }');
  const words: Record<string, string> = {
    INCUBATING: '孵化中',
    DUE_TO_GRADUATE: '即将毕业',
    OVERSTAYING: '超期',
    GRADUATED: '已毕业',
    EXITED: '已退出',
  };
  await page.goto('/tenants');
  const list = page.getByRole('table', { name: '入驻企业列表' });
  for (const { node } of tenants.edges.slice(0, 5)) {
    const stage = list.locator(`tr[data-row-key="${node.id}"] [data-stage]`);
    await expect(stage).toHaveAttribute('data-stage', node.incubation.stage);
    await expect(stage).toHaveText(words[node.incubation.stage]);
  }
});
