import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

/**
 * The committee's report pages (`/reports` for ADMIN and ANALYST): the review queue (return with
 * a note, which the firm then sees; accept), the import that refuses a file with a bad row and
 * writes nothing, the overdue count and the export, each compared with what the API answers.
 */

interface QueueReport {
  id: string;
  period: string;
  revision: number;
  status: 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
  outputValue: string;
  reviewNote: string | null;
  tenant: {
    id: string;
    name: string;
    creditCode: string | null;
    zone: { id: string; code: string };
  };
}

const REPORT_FIELDS = `id period revision status outputValue reviewNote
  tenant { id name creditCode zone { id code } }`;

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Signs out (the refresh token lives in sessionStorage) and in again as another account. */
async function switchAccount(page: Page, email: string) {
  await page.evaluate(() => sessionStorage.clear());
  await signIn(page, email);
}

/**
 * A SUBMITTED report of the demo firm (reporter@'s): its newest if it has one; else its newest
 * RETURNED month, resubmitted through the API; else last month, submitted.
 */
async function firmSubmittedReport(request: APIRequestContext): Promise<QueueReport> {
  const reporter = api(request, ACCOUNTS.TENANT_REPORTER);
  const { me } = await reporter.gql<{
    me: { tenant: { id: string; outputReports: QueueReport[] } };
  }>(`{ me { tenant { id outputReports { ${REPORT_FIELDS} } } } }`);
  const reports = [...me.tenant.outputReports].reverse();
  const submitted = reports.find((r) => r.status === 'SUBMITTED');
  if (submitted) return submitted;
  const period =
    reports.find((r) => r.status === 'RETURNED')?.period ?? previousMonth(today().slice(0, 7));
  const { submitOutputReport } = await reporter.gql<{ submitOutputReport: QueueReport }>(
    `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { ${REPORT_FIELDS} } }`,
    {
      input: {
        tenantId: me.tenant.id,
        period,
        outputValue: '98765.43',
        revenue: '90000.00',
        rdExpense: '4321.00',
        employees: 21,
        patentsFiled: 1,
        patentsGranted: 0,
      },
    },
  );
  expect(submitOutputReport.status).toBe('SUBMITTED');
  return submitOutputReport;
}

/** The queue narrowed to one month, and the row of one report in it. */
async function queueRow(page: Page, report: QueueReport) {
  await page.goto('/reports?tab=queue');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('月度报表审核');
  await page.locator('select[name=zoneId]').selectOption(report.tenant.zone.id);
  const month = page.getByLabel('报表月份');
  await expect(month).toHaveAttribute('name', 'period');
  await month.fill(report.period);
  await month.press('Enter');
  const row = page.locator(`tr[data-report-id="${report.id}"]`);
  const more = page.getByRole('button', { name: /加载更多|加\s*载\s*更\s*多/ });
  // Fifty rows a page: the row is on a later page when the month has more to review.
  for (let i = 0; i < 10 && !(await row.isVisible()); i++) {
    await expect(row.or(more).first()).toBeVisible();
    if (await row.isVisible()) break;
    await more.click();
  }
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-period', report.period);
  await expect(row.locator('[data-metric=outputValue]')).toHaveAttribute(
    'data-value',
    report.outputValue,
  );
  return row;
}

test.describe('the committee reviews monthly reports', () => {
  test('a report returned with a note shows RETURNED with the note to the firm', async ({
    page,
    request,
  }) => {
    const report = await firmSubmittedReport(request);
    await signIn(page, ACCOUNTS.ADMIN);
    const row = await queueRow(page, report);
    await row
      .getByRole('button', { name: `退回 ${report.tenant.name} ${report.period} 报表` })
      .click();

    const dialog = page.getByRole('dialog', { name: '退回报表' });
    await expect(dialog).toBeVisible();
    // The note is required: nothing is sent without one.
    await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
    await expect(dialog.getByText('请填写退回意见，说明需要企业修改的内容。')).toBeVisible();
    const note = dialog.getByLabel('退回意见');
    await expect(note).toHaveAttribute('name', 'note');
    const text = `研发费用与上月差异较大，请核对后重新报送（${report.period}）`;
    await note.fill(text);
    await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-decision=RETURN]')).toContainText(
      `已退回 ${report.tenant.name} ${report.period} 月度报表（第 ${report.revision} 版）`,
    );
    await expect(row).toHaveCount(0);

    // The API as the firm's reporter: the month's latest revision is RETURNED with the note.
    const { me } = await api(request, ACCOUNTS.TENANT_REPORTER).gql<{
      me: { tenant: { outputReports: QueueReport[] } };
    }>(`{ me { tenant { outputReports { ${REPORT_FIELDS} } } } }`);
    const latest = me.tenant.outputReports.find((r) => r.period === report.period);
    expect(latest).toMatchObject({
      id: report.id,
      revision: report.revision,
      status: 'RETURNED',
      reviewNote: text,
    });

    // The firm's own list says so in words, with the note.
    await switchAccount(page, ACCOUNTS.TENANT_REPORTER);
    await page.goto('/reports');
    const month = page.locator(`tr[data-row-key="${report.period}"]`);
    await expect(month).toHaveAttribute('data-state', 'RETURNED');
    await expect(month.locator('[data-status]').first()).toHaveText('已退回');
    await expect(month).toContainText(text);
  });

  test('another report is accepted and leaves the queue', async ({ page, request }) => {
    const admin = api(request, ACCOUNTS.ADMIN);
    const { outputReports } = await admin.gql<{
      outputReports: { edges: { node: QueueReport }[] };
    }>(
      `{ outputReports(filter: { status: SUBMITTED }, first: 5) { edges { node { ${REPORT_FIELDS} } } } }`,
    );
    const report = outputReports.edges[0]?.node;
    expect(report, 'a SUBMITTED report in the demo park').toBeTruthy();

    await signIn(page, ACCOUNTS.ADMIN);
    const row = await queueRow(page, report);
    await row
      .getByRole('button', { name: `受理 ${report.tenant.name} ${report.period} 报表` })
      .click();
    await page.getByRole('button', { name: '确认受理' }).click();
    await expect(page.locator('[data-decision=ACCEPT]')).toContainText(
      `已受理 ${report.tenant.name} ${report.period} 月度报表（第 ${report.revision} 版）`,
    );
    await expect(row).toHaveCount(0);

    const after = await admin.gql<{ outputReports: { edges: { node: QueueReport }[] } }>(
      `query($filter: OutputReportFilter) { outputReports(filter: $filter, first: 1) { edges { node { ${REPORT_FIELDS} } } } }`,
      { filter: { tenantId: report.tenant.id, period: report.period } },
    );
    expect(after.outputReports.edges[0].node).toMatchObject({
      id: report.id,
      status: 'ACCEPTED',
    });
  });

  test('an import with one bad row lists that row and column and writes nothing', async ({
    page,
    request,
  }) => {
    const admin = api(request, ACCOUNTS.ADMIN);
    const { outputReports } = await admin.gql<{
      outputReports: { edges: { node: QueueReport }[] };
    }>(
      `{ outputReports(filter: { status: ACCEPTED, year: 2025 }, first: 40) { edges { node { ${REPORT_FIELDS} } } } }`,
    );
    const firms = outputReports.edges.map((e) => e.node).filter((r) => r.tenant.creditCode);
    const [a, b, c] = firms;
    expect(c, 'three accepted months of firms with a credit code').toBeTruthy();
    const csv = [
      '统一社会信用代码,月份,产值,营业收入,研发投入,从业人员,专利申请,专利授权',
      `${a.tenant.creditCode},${a.period},1.00,1.00,0.00,1,0,0`,
      `${b.tenant.creditCode},${b.period},2.00,2.00,0.00,1,0,0`,
      `${c.tenant.creditCode},${c.period},不是金额,3.00,0.00,1,0,0`,
    ].join('\r\n');

    await signIn(page, ACCOUNTS.ADMIN);
    await page.goto('/reports?tab=import');
    await expect(page.getByRole('heading', { level: 2, name: '导入月度报表' })).toBeVisible();
    const file = page.getByLabel(/报表文件/);
    await expect(file).toHaveAttribute('type', 'file');
    // A file of another kind is refused in the browser, before anything is sent.
    await file.setInputFiles({
      name: 'reports.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('x'),
    });
    await expect(page.getByText('只能导入 .xlsx 或 .csv 文件。')).toBeVisible();
    await expect(page.getByRole('button', { name: '上传并导入' })).toBeDisabled();
    // A file the API cannot read at all is refused next to the field, in words.
    await file.setInputFiles({
      name: 'no-figures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('统一社会信用代码,月份\r\n91141100MA0AHU829B,2025-01\r\n', 'utf8'),
    });
    await page.getByRole('button', { name: '上传并导入' }).click();
    await expect(
      page.locator('.ant-form-item', { has: file }).locator('.ant-form-item-explain-error'),
    ).toContainText('文件无法导入：has no column for outputValue');

    await file.setInputFiles({
      name: 'reports-one-bad-row.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'),
    });
    const answered = page.waitForResponse(
      (r) =>
        r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ReviewImport'),
    );
    await page.getByRole('button', { name: '上传并导入' }).click();
    await answered;
    const refusal = page.locator('[data-outcome=REFUSED]');
    await expect(refusal).toContainText('reports-one-bad-row.csv 未导入');
    await expect(refusal).toContainText('所有行均未写入');
    await expect(refusal).toHaveAttribute('data-error-count', '1');
    const problems = page
      .getByRole('table', { name: '导入问题清单' })
      .locator('tbody tr[data-row]');
    await expect(problems).toHaveCount(1);
    await expect(problems.first()).toHaveAttribute('data-row', '4');
    await expect(problems.first()).toHaveAttribute('data-column', 'outputValue');
    await expect(problems.first()).toContainText('产值');
    await expect(problems.first()).toContainText('不是金额');

    // Nothing was written: the good rows' months still hold their latest revision as before.
    for (const r of [a, b]) {
      const now = await admin.gql<{ outputReports: { edges: { node: QueueReport }[] } }>(
        `query($filter: OutputReportFilter) { outputReports(filter: $filter, first: 1) { edges { node { ${REPORT_FIELDS} } } } }`,
        { filter: { tenantId: r.tenant.id, period: r.period } },
      );
      expect(now.outputReports.edges[0].node).toMatchObject({
        id: r.id,
        revision: r.revision,
        status: 'ACCEPTED',
        outputValue: r.outputValue,
      });
    }
  });

  test('the overdue count is the API’s and an export downloads the file the API makes', async ({
    page,
    request,
  }) => {
    const admin = api(request, ACCOUNTS.ADMIN);
    const { zones } = await admin.gql<{ zones: { id: string; code: string; name: string }[] }>(
      '{ zones { id code name } }',
    );
    const zone = zones.find((z) => z.code === 'STARTUP') ?? zones[0];
    const asOf = today();
    const { overdueReports } = await admin.gql<{ overdueReports: number }>(
      'query($zoneId: ID!, $asOf: Date) { overdueReports(zoneId: $zoneId, asOf: $asOf) }',
      { zoneId: zone.id, asOf },
    );

    await signIn(page, ACCOUNTS.ANALYST);
    await page.goto('/reports?tab=overdue');
    await page.locator('select[name=zoneId]').selectOption(zone.id);
    const total = page.locator(`[data-metric=overdueReports][data-zone=${zone.code}]`);
    await expect(total).toHaveAttribute('data-value', String(overdueReports));
    await expect(total).toContainText(`截至 ${asOf}，${zone.name}共有 ${overdueReports} 份`);
    const counts = await page
      .getByRole('table', { name: '逾期报表按月统计' })
      .locator('tbody tr[data-count]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-count'))));
    expect(counts.reduce((n, c) => n + c, 0)).toBe(overdueReports);

    // An ANALYST reads: no import tab, no review buttons.
    await expect(page.getByRole('tab', { name: '导入' })).toHaveCount(0);
    await page.getByRole('tab', { name: '待审核' }).click();
    await expect(page.locator('tr[data-report-id]').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^受理 / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^退回 / })).toHaveCount(0);

    await page.getByRole('tab', { name: '导出' }).click();
    const year = Number(asOf.slice(0, 4));
    await page.locator('select[name=year]').selectOption(String(year));
    await page.locator('select[name=zoneId]').selectOption(zone.id);
    await page.getByRole('radio', { name: /CSV/ }).check();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^导\s*出$/ }).click();
    const saved = await download;
    const { exportOutputReports } = await admin.gql<{
      exportOutputReports: { fileName: string; rows: number; contentBase64: string };
    }>(
      'query($zoneId: ID!, $year: Int!) { exportOutputReports(zoneId: $zoneId, year: $year, format: CSV) { fileName rows contentBase64 } }',
      { zoneId: zone.id, year },
    );
    expect(saved.suggestedFilename()).toBe(exportOutputReports.fileName);
    const message = page.locator(`[data-file-name="${exportOutputReports.fileName}"]`);
    await expect(message).toHaveAttribute('data-rows', String(exportOutputReports.rows));
    await expect(message).toContainText(`已导出${zone.name} ${year} 年月度报表`);
    const path = await saved.path();
    expect(readFileSync(path).toString('base64')).toBe(exportOutputReports.contentBase64);
  });

  test('every tab, the return dialog and an import refusal have no serious accessibility violation', async ({
    page,
  }) => {
    // The page's own content (the menu of the shell is the layout's, checked by a11y tests).
    const serious = async (where: string, within = ['.review-page']) => {
      await expect(page.locator('.ant-skeleton')).toHaveCount(0);
      let axe = new AxeBuilder({ page });
      for (const selector of within) axe = axe.include(selector);
      const result = await axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      expect({ where, violations }).toEqual({ where, violations: [] });
    };
    await signIn(page, ACCOUNTS.ADMIN);
    await page.goto('/reports?tab=queue');
    await expect(page.locator('tr[data-report-id]').first()).toBeVisible();
    await serious('queue');
    await page
      .getByRole('button', { name: /^退回 / })
      .first()
      .click();
    await expect(page.getByRole('dialog', { name: '退回报表' })).toBeVisible();
    await serious('return dialog', ['.review-page', '.ant-modal-wrap']);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await expect(page.getByRole('dialog')).toBeHidden();

    await page.getByRole('tab', { name: '逾期' }).click();
    await expect(page.locator('[data-metric=overdueReports]')).toBeVisible();
    await serious('overdue');

    await page.getByRole('tab', { name: '导入' }).click();
    await page.getByLabel(/报表文件/).setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '统一社会信用代码,月份,产值,营业收入,研发投入,从业人员,专利申请,专利授权\r\nX,2025-13,abc,1,1,1,0,0\r\n',
        'utf8',
      ),
    });
    await page.getByRole('button', { name: '上传并导入' }).click();
    await expect(page.locator('[data-outcome=REFUSED]')).toBeVisible();
    await serious('import refusal');

    await page.getByRole('tab', { name: '导出' }).click();
    await expect(page.locator('select[name=year]')).toBeVisible();
    await serious('export');
  });
});
