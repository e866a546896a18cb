import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

/**
 * Rent bills in the console (`/bills`, `/bills/:id`): the committee bills a month and sees its
 * totals as the API sums them, a second run making nothing new; a firm sees its bill with the
 * rent relief line (房租减免) and opens the printable bill with its total in words (大写金额).
 * Each page is checked by axe-core.
 */

interface Sums {
  count: number;
  billed: string;
  relieved: string;
  total: string;
  paid: string;
  outstanding: string;
}

interface FirmBill {
  id: string;
  number: string;
  period: string;
  total: string;
  paid: string;
  outstanding: string;
  status: string;
  lines: { kind: string; amount: string }[];
}

const SUMS = `query($filter: BillFilter!) { bills(filter: $filter, first: 1) {
  totalCount sums { count billed relieved total paid outstanding } } }`;

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

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
}

test('the committee bills a month and sees its totals', async ({ page, request }) => {
  test.setTimeout(180_000);
  const admin = api(request, ACCOUNTS.ADMIN);
  // This month: the demo park is billed up to last month, so the run issues the month's bills.
  const period = today().slice(0, 7);

  await signIn(page, ACCOUNTS.ADMIN);
  await page.getByRole('navigation').getByRole('link', { name: '账单', exact: true }).click();
  await expect(page).toHaveURL(/\/bills/);
  await expect(page.getByRole('heading', { level: 1, name: '房租账单' })).toBeVisible();
  const month = page.getByLabel('账期');
  await expect(month).toHaveAttribute('name', 'period');
  await month.selectOption(period);
  await expect(page).toHaveURL(new RegExp(`period=${period}`));

  await page.getByRole('button', { name: `为 ${period} 出账` }).click();
  const done = page.locator('[data-run=done]');
  await expect(done).toBeVisible({ timeout: 120_000 });
  await expect(done).toHaveAttribute('data-period', period);
  const issued = Number(await done.getAttribute('data-issued'));
  const existing = Number(await done.getAttribute('data-existing'));
  expect(issued + existing).toBeGreaterThan(0);
  await expect(done).toContainText(`${period} `);

  // The figures are the API's sums of the month, exactly.
  const answer = await admin.gql<{ bills: { totalCount: number; sums: Sums } }>(SUMS, {
    filter: { period },
  });
  const sums = answer.bills.sums;
  expect(sums.count).toBeGreaterThan(0);
  for (const metric of ['billed', 'relieved', 'total', 'paid', 'outstanding'] as const) {
    await expect(page.locator(`[data-metric=${metric}][data-zone=PARK]`)).toHaveAttribute(
      'data-value',
      sums[metric],
    );
  }
  await expect(page.locator('[data-metric=count][data-zone=PARK]')).toHaveAttribute(
    'data-value',
    String(sums.count),
  );
  // The month's list: as many as the API counts, each row a bill of the month.
  const list = page.getByRole('table', { name: '本月账单列表' });
  await expect(page.locator('[data-list=month]')).toHaveAttribute(
    'data-total',
    String(answer.bills.totalCount),
  );
  await expect(list.locator('tr[data-bill-id]').first()).toHaveAttribute('data-period', period);

  // A second run of the month makes nothing new.
  await page.getByRole('button', { name: `为 ${period} 出账` }).click();
  await expect(done).toHaveAttribute('data-issued', '0', { timeout: 120_000 });
  await expect(done).toHaveAttribute('data-existing', String(issued + existing));

  // The overdue list: bills of any month past due and not fully paid, as the API counts them.
  const overdue = await admin.gql<{ bills: { totalCount: number } }>(SUMS, {
    filter: { status: 'OVERDUE' },
  });
  await expect(page.locator('[data-metric=overdueBills][data-zone=PARK]')).toHaveAttribute(
    'data-value',
    String(overdue.bills.totalCount),
  );
  if (overdue.bills.totalCount > 0) {
    await expect(
      page
        .getByRole('table', { name: '逾期账单列表' })
        .locator('tr[data-bill-id][data-status=OVERDUE]')
        .first(),
    ).toBeVisible();
  }

  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the committee records a payment on a bill', async ({ page, request }) => {
  const admin = api(request, ACCOUNTS.ADMIN);
  const { bills } = await admin.gql<{
    bills: { edges: { node: { id: string; number: string; outstanding: string } }[] };
  }>(
    `query($filter: BillFilter!) { bills(filter: $filter, first: 1) {
      edges { node { id number outstanding } } } }`,
    { filter: { status: 'OVERDUE' } },
  );
  // The demo park always leaves some bills unpaid past their due date (billing-demo.e2e-spec.ts).
  expect(bills.edges.length, 'an overdue bill in the demo park').toBe(1);
  const bill = bills.edges[0].node;

  await signIn(page, ACCOUNTS.ADMIN);
  await page.goto('/bills');
  const row = page
    .getByRole('table', { name: '逾期账单列表' })
    .locator(`tr[data-bill-id="${bill.id}"]`);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `登记收款 ${bill.number}` }).click();
  const dialog = page.getByRole('dialog', { name: '登记收款' });
  await expect(dialog).toBeVisible();
  const amount = dialog.getByLabel('收款金额（元）');
  await expect(amount).toHaveAttribute('name', 'amount');
  await expect(dialog.getByLabel('收款日期')).toHaveAttribute('name', 'paidOn');
  const reference = dialog.getByLabel('收款凭证号');
  await expect(reference).toHaveAttribute('name', 'reference');

  // More than is owed is refused next to the amount, and nothing is sent.
  await amount.fill('99999999.99');
  await reference.fill('浏览器测试 BT-0001');
  await dialog.getByRole('button', { name: '登记收款' }).click();
  await expect(dialog.getByText('收款金额不能超过未付金额')).toBeVisible();

  await amount.fill('0.01');
  await dialog.getByRole('button', { name: '登记收款' }).click();
  await expect(dialog).toBeHidden();
  const { bill: after } = await admin.gql<{
    bill: { paid: string; outstanding: string; payments: { amount: string }[] };
  }>(`query($id: ID!) { bill(id: $id) { paid outstanding payments { amount } } }`, {
    id: bill.id,
  });
  expect(after.payments.map((p) => p.amount)).toContain('0.01');
  // The row shows the bill as the API now has it: 0.01 less outstanding.
  await expect(row.locator('[data-field=paid]')).toHaveAttribute('data-value', after.paid);
  await expect(row.locator('[data-field=outstanding]')).toHaveAttribute(
    'data-value',
    after.outstanding,
  );
  // Exactly one fen less (the API's money strings have two decimals).
  const fen = (money: string) => BigInt(money.replace('.', ''));
  expect(fen(after.outstanding)).toBe(fen(bill.outstanding) - 1n);
});

test('a firm sees its bill with the rent relief and prints it', async ({ page, request }) => {
  const firm = api(request, ACCOUNTS.TENANT_ADMIN);
  const year = Number(today().slice(0, 4));
  const FIELDS = `id number period total paid outstanding status lines { kind amount }`;
  const { me } = await firm.gql<{
    me: {
      tenant: {
        name: string;
        creditCode: string | null;
        zone: { park: { name: string } };
        thisYear: FirmBill[];
        lastYear: FirmBill[];
      };
    };
  }>(
    `query($year: Int!, $last: Int!) { me { tenant { name creditCode zone { park { name } }
      thisYear: bills(year: $year) { ${FIELDS} } lastYear: bills(year: $last) { ${FIELDS} } } } }`,
    { year, last: year - 1 },
  );
  const relieved = (list: FirmBill[]) =>
    [...list]
      .sort((a, b) => b.period.localeCompare(a.period))
      .find((b) => b.lines.some((l) => l.kind === 'RENT_RELIEF'));
  const inThisYear = relieved(me.tenant.thisYear);
  const bill = inThisYear ?? relieved(me.tenant.lastYear);
  expect(bill, 'a bill of the demo firm with rent relief').toBeDefined();
  const billYear = inThisYear ? year : year - 1;
  const relief = bill!.lines.find((l) => l.kind === 'RENT_RELIEF')!;

  await signIn(page, ACCOUNTS.TENANT_ADMIN);
  await page.getByRole('navigation').getByRole('link', { name: '账单', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的房租账单' })).toBeVisible();
  await page.locator('select[name=year]').selectOption(String(billYear));
  const card = page.locator(`article[data-bill-id="${bill!.id}"]`);
  await expect(card).toHaveAttribute('data-status', bill!.status);
  const line = card.locator('tr[data-kind=RENT_RELIEF]').first();
  await expect(line).toContainText('房租减免');
  await expect(line.locator('[data-field=amount]')).toHaveAttribute('data-value', relief.amount);
  await expect(card.locator('tr[data-kind=RENT]').first()).toContainText('租金');
  await expect(card.locator('[data-field=outstanding]')).toHaveAttribute(
    'data-value',
    bill!.outstanding,
  );
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);

  // The printable bill.
  await card.getByRole('link', { name: `查看并打印账单 ${bill!.number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/bills/${bill!.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: '房租账单' })).toBeVisible();
  await expect(page.locator('[data-field=park]')).toHaveText(me.tenant.zone.park.name);
  await expect(page.locator('[data-field=tenant]')).toHaveText(me.tenant.name);
  if (me.tenant.creditCode)
    await expect(page.locator('[data-field=creditCode]')).toHaveText(me.tenant.creditCode);
  await expect(page.locator('[data-field=period]')).toHaveText(bill!.period);
  await expect(page.locator('.bill-sheet tr[data-kind=RENT_RELIEF]').first()).toContainText(
    '房租减免',
  );
  const words = page.locator('[data-field=amountInWords]');
  await expect(words).toHaveAttribute('data-value', bill!.total);
  await expect(words).toHaveText(
    /^人民币 [零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*元?[零壹贰叁肆伍陆柒捌玖角分]*整?$/,
  );
  await expect(page.getByRole('button', { name: /打\s*印/ })).toBeVisible();
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);

  // On paper: the bill alone, without the console's navigation and buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: /打\s*印/ })).toBeHidden();
  await expect(words).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});
