import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Request } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

/**
 * A firm's own pages: its monthly reports (the list, the form, a returned month corrected) and its
 * profile, each compared with what the API answers for the same account.
 */

const SCREENSHOT = fileURLToPath(
  new URL('../../docs/screenshots/report-form.png', import.meta.url),
);

interface Report {
  period: string;
  revision: number;
  status: 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
  outputValue: string;
  reviewNote: string | null;
}

const MONTHS = `{ me { tenant { id name enteredOn exitedOn
  outputReports { period revision status outputValue revenue rdExpense employees patentsFiled patentsGranted reviewNote } } } }`;

async function firmReports(request: Parameters<typeof api>[0]) {
  const data = await api(request, ACCOUNTS.TENANT_REPORTER).gql<{
    me: {
      tenant: {
        id: string;
        enteredOn: string;
        outputReports: (Report & Record<string, unknown>)[];
      };
    };
  }>(MONTHS);
  return data.me.tenant;
}

/** The months the form's select offers. */
async function offeredMonths(page: Page): Promise<string[]> {
  const select = page.locator('select[name=period]');
  await expect(select.locator('option:not([disabled])').first()).toBeAttached();
  return select
    .locator('option:not([disabled])')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

/** The form item (label, control and messages) of a field. */
const itemOf = (page: Page, name: string) =>
  page.locator('.ant-form-item', { has: page.locator(`[name=${name}]`) });
const errorOf = (page: Page, name: string) =>
  itemOf(page, name).locator('.ant-form-item-explain-error');

const isSubmission = (r: Request) =>
  r.url().endsWith('/graphql') && (r.postData() ?? '').includes('FirmSubmitOutputReport');

async function fillFigures(
  page: Page,
  figures: Partial<
    Record<
      'outputValue' | 'revenue' | 'rdExpense' | 'employees' | 'patentsFiled' | 'patentsGranted',
      string
    >
  >,
) {
  const labels = {
    outputValue: '产值',
    revenue: '营业收入',
    rdExpense: '研发费用',
    employees: '从业人员数',
    patentsFiled: '专利申请数',
    patentsGranted: '专利授权数',
  };
  for (const [field, value] of Object.entries(figures)) {
    const input = page.getByLabel(labels[field as keyof typeof labels], { exact: true });
    await expect(input).toHaveAttribute('name', field);
    await input.fill(value);
  }
}

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

test.describe("a firm's monthly reports", () => {
  test('a month not yet reported is submitted once and listed as SUBMITTED with its figure', async ({
    page,
    request,
  }) => {
    await signIn(page, ACCOUNTS.TENANT_REPORTER);
    await page.goto('/reports/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('填报月度报表');
    const tenant = await firmReports(request);
    const offered = await offeredMonths(page);
    // Every month of residency that has begun, newest first: from this month back to the entry.
    expect(offered[0]).toBe(today().slice(0, 7));
    expect(offered[offered.length - 1]).toBe(tenant.enteredOn.slice(0, 7));
    const reported = new Set(tenant.outputReports.map((r) => r.period));
    const month = offered.find((p) => !reported.has(p));
    expect(month, 'a month the firm has not reported').toBeTruthy();

    await page.getByLabel('报表月份').selectOption(month!);
    await expect(page).toHaveURL(new RegExp(`period=${month}`));
    await expect(page.getByLabel('填报企业')).toHaveValue('吕梁晋创智能科技有限公司');
    await fillFigures(page, {
      outputValue: '1234567.8',
      revenue: '1100000',
      rdExpense: '88000.05',
      employees: '37',
      patentsFiled: '4',
      patentsGranted: '1',
    });
    const sent = page.waitForRequest(isSubmission);
    await page.getByRole('button', { name: '提交报表' }).click();
    const request1 = await sent;
    // One Idempotency-Key per attempt (api-contract.graphql), sent as a header.
    expect(request1.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(request1.postData()!).variables.input).toEqual({
      tenantId: tenant.id,
      period: month,
      outputValue: '1234567.80',
      revenue: '1100000.00',
      rdExpense: '88000.05',
      employees: 37,
      patentsFiled: 4,
      patentsGranted: 1,
    });

    await expect(page.getByText(`${month} 月度报表已提交（第 1 版）。`)).toBeVisible();
    await expect(page).toHaveURL(/\/reports$/);
    const row = page.locator(`tr[data-row-key="${month}"]`);
    await expect(row.locator('[data-status]').first()).toHaveAttribute('data-status', 'SUBMITTED');
    await expect(row.locator('[data-status]').first()).toHaveText('已提交');
    await expect(row.locator('[data-metric=outputValue]')).toHaveAttribute(
      'data-value',
      '1234567.80',
    );
    await expect(row.locator('[data-metric=outputValue]')).toHaveText('1,234,567.80');
    await expect(row.locator('[data-overdue]')).toHaveCount(0);

    // What the API now holds: one revision, SUBMITTED, the figure as typed.
    const after = (await firmReports(request)).outputReports.find((r) => r.period === month);
    expect(after).toMatchObject({ revision: 1, status: 'SUBMITTED', outputValue: '1234567.80' });
  });

  test('a negative figure is refused next to its field before anything is sent', async ({
    page,
    request,
  }) => {
    const submissions: Request[] = [];
    page.on('request', (r) => {
      if (isSubmission(r)) submissions.push(r);
    });
    await signIn(page, ACCOUNTS.TENANT_REPORTER);
    const month = today().slice(0, 7);
    await page.goto(`/reports/new?period=${month}`);
    await expect(page.getByLabel('报表月份')).toHaveValue(month);
    await fillFigures(page, {
      outputValue: '-5',
      revenue: '10',
      rdExpense: '0',
      employees: '3',
      patentsFiled: '0',
      patentsGranted: '0',
    });
    await page.getByRole('button', { name: '提交报表' }).click();
    await expect(errorOf(page, 'outputValue')).toHaveText(
      '请输入不小于 0 的金额，最多保留两位小数。',
    );
    await expect(page.locator('[name=outputValue]')).toHaveValue('-5');
    await expect(page).toHaveURL(/\/reports\/new/);
    expect(submissions).toHaveLength(0);
    // The API refuses the same value, naming the same field.
    const answer = await api(request, ACCOUNTS.TENANT_REPORTER).raw(
      `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { id } }`,
      {
        input: {
          tenantId: (await firmReports(request)).id,
          period: month,
          outputValue: '-5',
          revenue: '10',
          rdExpense: '0',
          employees: 3,
          patentsFiled: 0,
          patentsGranted: 0,
        },
      },
    );
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'outputValue' }),
    ]);
  });

  test("the server's refusal shows next to its field, and a RETURNED month opens with its last figures and note", async ({
    page,
    request,
  }) => {
    const before = await firmReports(request);
    const returned = before.outputReports.find((r) => r.status === 'RETURNED');
    expect(returned, 'the demo firm has a RETURNED month').toBeTruthy();
    await signIn(page, ACCOUNTS.TENANT_REPORTER);

    // On the list: returned, overdue (its due day has passed), offering a resubmission.
    await page.goto('/reports');
    const row = page.locator(`tr[data-row-key="${returned!.period}"]`);
    await expect(row.locator('[data-status]').first()).toHaveText('已退回');
    await expect(row.locator('[data-overdue]')).toHaveText('逾期');
    await expect(row).toContainText(returned!.reviewNote!);
    await row.getByRole('button', { name: /^重新提交/ }).click();

    await expect(page).toHaveURL(new RegExp(`/reports/new\\?period=${returned!.period}$`));
    await expect(page.getByLabel('报表月份')).toHaveValue(returned!.period);
    await expect(page.getByTestId('review-note')).toContainText(returned!.reviewNote!);
    await expect(page.locator('[name=outputValue]')).toHaveValue(returned!.outputValue);
    await expect(page.locator('[name=revenue]')).toHaveValue(String(returned!.revenue));
    await expect(page.locator('[name=employees]')).toHaveValue(String(returned!.employees));

    // Thirteen digits pass the browser's check (isMoneyText) but exceed what the API takes
    // (at most 999999999999.99): the API's own message shows next to the field.
    await page.locator('[name=outputValue]').fill('1000000000000');
    await page.locator('[name=revenue]').fill('2000.5');
    await expect(errorOf(page, 'outputValue')).toHaveCount(0);
    const answered = page.waitForResponse((r) => isSubmission(r.request()));
    await page.getByRole('button', { name: '提交报表' }).click();
    const answer = (await (await answered).json()) as {
      errors: { extensions: { code: string; fields: { field: string; message: string }[] } }[];
    };
    expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.errors[0].extensions.fields).toEqual([
      { field: 'outputValue', message: 'outputValue must be at most 999999999999.99' },
    ]);
    await expect(errorOf(page, 'outputValue')).toHaveText('不得超过 999999999999.99');
    // Nothing typed is lost, and nothing was written.
    await expect(page.locator('[name=outputValue]')).toHaveValue('1000000000000');
    await expect(page.locator('[name=revenue]')).toHaveValue('2000.5');
    await expect(page.getByLabel('报表月份')).toHaveValue(returned!.period);
    await page.screenshot({ path: ensureDir(SCREENSHOT), animations: 'disabled' });
    const still = (await firmReports(request)).outputReports.find(
      (r) => r.period === returned!.period,
    );
    expect(still).toMatchObject({ revision: returned!.revision, status: 'RETURNED' });

    // Corrected and sent again: a new revision, SUBMITTED; the revisions are kept and shown.
    await page.locator('[name=outputValue]').fill('765432.10');
    await expect(errorOf(page, 'outputValue')).toHaveCount(0);
    await page.getByRole('button', { name: '提交报表' }).click();
    await expect(page).toHaveURL(/\/reports$/);
    const next = returned!.revision + 1;
    const listed = page.locator(`tr[data-row-key="${returned!.period}"]`);
    await expect(listed.locator('[data-status]').first()).toHaveAttribute(
      'data-status',
      'SUBMITTED',
    );
    await expect(listed.locator('[data-revision]')).toHaveAttribute('data-revision', String(next));
    await expect(listed.locator('[data-metric=outputValue]')).toHaveAttribute(
      'data-value',
      '765432.10',
    );
    await expect(listed.locator('[data-overdue]')).toHaveCount(0);
    await listed.getByRole('button', { name: `查看 ${returned!.period} 的修订记录` }).click();
    const revisions = page.getByRole('table').filter({ hasText: `${returned!.period} 修订记录` });
    await expect(revisions.locator('tbody tr[data-revision]')).toHaveCount(next);
    await expect(revisions.locator(`tr[data-revision="${returned!.revision}"]`)).toContainText(
      '已退回',
    );
    await expect(revisions.locator(`tr[data-revision="${next}"]`)).toContainText('已提交');
    const after = (await firmReports(request)).outputReports.find(
      (r) => r.period === returned!.period,
    );
    expect(after).toMatchObject({ revision: next, status: 'SUBMITTED', outputValue: '765432.10' });
  });

  test('a month the firm may not report is not offered', async ({ page }) => {
    await signIn(page, ACCOUNTS.TENANT_REPORTER);
    await page.goto('/reports/new?period=2099-01');
    await expect(page.getByRole('alert')).toContainText('2099-01 不在可填报的月份内');
    expect(await offeredMonths(page)).not.toContain('2099-01');
    await expect(page.getByLabel('报表月份')).toHaveValue('');
  });
});

test.describe("a firm's profile", () => {
  const PROFILE = `{ me { tenant { name creditCode enteredOn
    certifications { kind certificateNo issuedOn expiresOn }
    leases { monthlyRent startDate endDate status unit { code area building { name } } } } } }`;

  test('the administrator sees certificates and leases as the API has them', async ({
    page,
    request,
  }) => {
    const { me } = await api(request, ACCOUNTS.TENANT_ADMIN).gql<{
      me: {
        tenant: {
          name: string;
          creditCode: string;
          enteredOn: string;
          certifications: { certificateNo: string }[];
          leases: { monthlyRent: string; unit: { code: string } }[];
        };
      };
    }>(PROFILE);
    await signIn(page, ACCOUNTS.TENANT_ADMIN);
    await page.goto('/firm');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('企业信息');
    const main = page.locator('#main');
    await expect(main).toContainText(me.tenant.name);
    await expect(main).toContainText(me.tenant.creditCode);
    await expect(main).toContainText(me.tenant.enteredOn);
    await expect(page.getByRole('heading', { name: '资质证书' })).toBeVisible();
    for (const c of me.tenant.certifications) await expect(main).toContainText(c.certificateNo);
    await expect(page.getByRole('heading', { name: '租赁房源' })).toBeVisible();
    const rents = await main
      .locator('[data-metric=monthlyRent]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    expect(rents.sort()).toEqual(me.tenant.leases.map((l) => l.monthlyRent).sort());
  });

  test('the reporter sees the firm without what only its administrator may read', async ({
    page,
  }) => {
    await signIn(page, ACCOUNTS.TENANT_REPORTER);
    await page.goto('/firm');
    await expect(page.locator('#main')).toContainText('吕梁晋创智能科技有限公司');
    await expect(page.getByText('资质证书与租赁信息仅企业管理员可见。')).toBeVisible();
    await expect(page.getByRole('heading', { name: '租赁房源' })).toHaveCount(0);
  });
});

function ensureDir(file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
