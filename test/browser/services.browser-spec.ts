import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import Decimal from 'decimal.js';
import { ACCOUNTS, api, expect, signIn, test } from './support';

// Policy benefits and the service desk, as the firm's administrator and as a service provider:
// what each page shows is compared with what the API answers the same account.

const ME = `{ me { tenantId serviceProviderId } }`;
const ELIGIBLE = `query($t: ID!) { eligiblePolicies(tenantId: $t) {
  id code title remaining maxAmountPerTenant } }`;
const APPLICATIONS = `query($t: ID) { benefitApplications(tenantId: $t) {
  id status requestedAmount grantedAmount justification policy { id } } }`;
const APPLY = `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`;
const REQUESTS = `query($t: ID) { serviceRequests(tenantId: $t) {
  id title status rating assignee { id } history { kind status note rating } } }`;
const PROVIDERS = `{ serviceProviders { id name categories } }`;
const ASSIGN = `mutation($id: ID!, $p: ID!) { assignServiceRequest(id: $id, providerId: $p) { id status } }`;

/** The serious and critical findings of axe-core on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  // Not hovering a button (its hover colour is another matter), and not halfway through a fade (a dialog opening, a message appearing): contrast is measured on
  // what stays on the screen.
  await expect(
    page.locator('[class*="-appear"], [class*="-enter"], [class*="-leave"]'),
  ).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface Application {
  id: string;
  status: string;
  requestedAmount: string;
  grantedAmount: string | null;
  justification: string;
  policy: { id: string };
}

/** What the firm may still ask for under a policy's cap: the cap minus its grants. */
function capLeft(cap: string, policyId: string, applications: Application[]): Decimal {
  const granted = applications
    .filter((a) => a.policy.id === policyId && ['APPROVED', 'DISBURSED'].includes(a.status))
    .reduce((sum, a) => sum.plus(a.grantedAmount ?? '0'), new Decimal(0));
  return Decimal.max(0, new Decimal(cap).minus(granted));
}

test.describe('policy benefits', () => {
  test('the firm applies for an eligible policy, is refused more than its cap leaves, and withdraws', async ({
    page,
    request,
  }) => {
    const firm = api(request, ACCOUNTS.TENANT_ADMIN);
    const { me } = await firm.gql(ME);
    const tenantId: string = me.tenantId;
    const { eligiblePolicies } = await firm.gql(ELIGIBLE, { t: tenantId });
    const before: Application[] = (await firm.gql(APPLICATIONS, { t: tenantId }))
      .benefitApplications;
    // A policy with a cap per firm, budget left and room under the cap for 100 yuan.
    const policy = (
      eligiblePolicies as {
        id: string;
        code: string;
        title: string;
        remaining: string;
        maxAmountPerTenant: string | null;
      }[]
    ).find(
      (p) =>
        p.maxAmountPerTenant &&
        new Decimal(p.remaining).gt(0) &&
        capLeft(p.maxAmountPerTenant, p.id, before).gte(100),
    );
    expect(policy, 'an eligible policy with room under its cap').toBeTruthy();
    const left = capLeft(policy!.maxAmountPerTenant!, policy!.id, before);

    await signIn(page, ACCOUNTS.TENANT_ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: '政策申报' }).click();
    await expect(page).toHaveURL(/\/benefits$/);
    await expect(page.getByRole('heading', { level: 1, name: '政策申报' })).toBeVisible();

    // Every eligible policy is listed, with the budget left and the cap as the API has them.
    for (const p of eligiblePolicies) {
      const row = page.locator(`tr[data-policy="${p.code}"]`);
      await expect(row).toContainText(p.title);
      await expect(row.locator('[data-field=remaining]')).toHaveAttribute(
        'data-value',
        p.remaining,
      );
    }
    const row = page.locator(`tr[data-policy="${policy!.code}"]`);
    await expect(row.locator('[data-field=maxAmountPerTenant]')).toHaveAttribute(
      'data-value',
      policy!.maxAmountPerTenant!,
    );
    await expect(row.locator('[data-field=capLeft]')).toHaveAttribute(
      'data-value',
      left.toFixed(2),
    );

    // More than the cap leaves: the API refuses it on requestedAmount, and says so by the field.
    const tooMuch = left.plus(1).toFixed(2);
    const justification = `浏览器测试申报 ${Date.now()}`;
    const refused = await firm.raw(APPLY, {
      input: { policyId: policy!.id, tenantId, requestedAmount: tooMuch, justification },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problem = (
      refused.errors![0].extensions!.fields as { field: string; message: string }[]
    )[0];
    expect(problem.field).toBe('requestedAmount');

    await row.getByRole('button', { name: /申\s*报/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(policy!.title);
    const amount = dialog.getByLabel('申请金额（元）');
    await expect(amount).toHaveAttribute('name', 'requestedAmount');
    await expect(dialog.locator('[name=justification]')).toHaveAttribute('id', 'justification');

    // The console's own check first: not money.
    await amount.fill('12.345');
    await dialog.getByLabel('申请理由').fill(justification);
    await dialog.getByRole('button', { name: '提交申报' }).click();
    await expect(dialog.locator('#requestedAmount_help')).toContainText('最多两位小数');

    await amount.fill(tooMuch);
    await dialog.getByRole('button', { name: '提交申报' }).click();
    await expect(dialog.locator('#requestedAmount_help')).toHaveText(problem.message);
    await expect(amount).toHaveAttribute('aria-invalid', 'true');

    // An amount within the cap is taken.
    await amount.fill('100.00');
    await dialog.getByRole('button', { name: '提交申报' }).click();
    await expect(dialog).toBeHidden();

    const after: Application[] = (await firm.gql(APPLICATIONS, { t: tenantId }))
      .benefitApplications;
    const made = after.find((a) => a.justification === justification);
    expect(made).toMatchObject({ status: 'SUBMITTED', policy: { id: policy!.id } });
    expect(new Decimal(made!.requestedAmount).eq(100)).toBe(true);
    expect(after).toHaveLength(before.length + 1);

    const listed = page.locator(`tr[data-application="${made!.id}"]`);
    await expect(listed.locator('[data-status]')).toHaveAttribute('data-status', 'SUBMITTED');
    await expect(listed.locator('[data-status]')).toHaveText('已提交');
    await expect(listed.locator('[data-field=requestedAmount]')).toHaveAttribute(
      'data-value',
      made!.requestedAmount,
    );
    await expect(listed.locator('[data-field=requestedAmount]')).toHaveText('100.00');

    // Not yet decided, so the firm may take it back.
    await listed.getByRole('button', { name: /撤\s*回/ }).click();
    await page.getByRole('button', { name: '确定撤回' }).click();
    await expect(listed.locator('[data-status]')).toHaveText('已撤回');
    await expect(listed.getByRole('button', { name: /撤\s*回/ })).toHaveCount(0);
    const withdrawn: Application[] = (await firm.gql(APPLICATIONS, { t: tenantId }))
      .benefitApplications;
    expect(withdrawn.find((a) => a.id === made!.id)?.status).toBe('WITHDRAWN');
  });
});

test.describe('service requests', () => {
  test('the firm opens a request, the provider it is assigned to moves it, the firm rates it', async ({
    page,
    request,
  }) => {
    const firm = api(request, ACCOUNTS.TENANT_ADMIN);
    const desk = api(request, ACCOUNTS.SERVICE_DESK);
    const provider = api(request, ACCOUNTS.SERVICE_PROVIDER);
    const tenantId: string = (await firm.gql(ME)).me.tenantId;
    const providerId: string = (await provider.gql(ME)).me.serviceProviderId;
    const { serviceProviders } = await desk.gql(PROVIDERS);
    const agency = (serviceProviders as { id: string; categories: string[] }[]).find(
      (p) => p.id === providerId,
    );
    expect(agency?.categories).toContain('IP_PATENT');

    // The firm opens a request through the form.
    await signIn(page, ACCOUNTS.TENANT_ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: '服务请求' }).click();
    await expect(page).toHaveURL(/\/service-desk$/);
    await expect(page.getByRole('heading', { level: 1, name: '服务请求' })).toBeVisible();
    await page.getByRole('button', { name: '新建服务请求' }).click();
    const form = page.getByRole('dialog');
    const title = `实用新型专利检索 ${Date.now()}`;
    await form.getByLabel('服务类别').selectOption('IP_PATENT');
    await expect(form.locator('[name=category]')).toHaveValue('IP_PATENT');
    await form.getByLabel('事项标题').fill(title);
    await form.locator('[name=description]').fill('检索同类专利并评估新颖性');
    await form.getByRole('button', { name: '提交请求' }).click();
    await expect(form).toBeHidden();

    const opened = (await firm.gql(REQUESTS, { t: tenantId })).serviceRequests.find(
      (r: { title: string }) => r.title === title,
    );
    expect(opened).toMatchObject({ status: 'OPEN', assignee: null });
    const firmRow = page.locator(`tr[data-request="${opened.id}"]`);
    await expect(firmRow).toContainText(title);
    await expect(firmRow).toContainText('知识产权与专利');
    await expect(firmRow.locator('td [data-status]')).toHaveAttribute('data-status', 'OPEN');
    await expect(firmRow.locator('td [data-status]')).toHaveText('待派单');

    // The service desk gives it to the provider with an account.
    expect(
      (await desk.gql(ASSIGN, { id: opened.id, p: providerId })).assignServiceRequest.status,
    ).toBe('ASSIGNED');

    // The provider sees it with exactly the moves the state machine allows from ASSIGNED.
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, ACCOUNTS.SERVICE_PROVIDER);
    await expect(page).toHaveURL(/\/service-desk$/);
    await expect(page.getByRole('heading', { level: 1, name: '我的服务单' })).toBeVisible();
    const row = page.locator(`tr[data-request="${opened.id}"]`);
    await expect(row.locator('td [data-status]')).toHaveText('已派单');
    await expect(row.locator('[data-move]')).toHaveCount(2);
    expect(
      await row
        .locator('[data-move]')
        .evaluateAll((b) => b.map((e) => e.getAttribute('data-move'))),
    ).toEqual(['IN_PROGRESS', 'CANCELLED']);

    await row.getByRole('button', { name: '开始办理' }).click();
    const move = page.getByRole('dialog');
    await expect(move).toContainText('办理中');
    await move.getByLabel('办理说明（选填）').fill('已开始检索国家知识产权局数据库');
    await move.getByRole('button', { name: /确\s*定/ }).click();
    await expect(move).toBeHidden();
    await expect(row.locator('td [data-status]')).toHaveAttribute('data-status', 'IN_PROGRESS');
    await expect(row.locator('td [data-status]')).toHaveText('办理中');
    expect(
      await row
        .locator('[data-move]')
        .evaluateAll((b) => b.map((e) => e.getAttribute('data-move'))),
    ).toEqual(['RESOLVED', 'CANCELLED']);
    const moved = (await provider.gql(REQUESTS, {})).serviceRequests.find(
      (r: { id: string }) => r.id === opened.id,
    );
    expect(moved.status).toBe('IN_PROGRESS');
    expect(moved.history.at(-1)).toMatchObject({
      kind: 'STATUS_CHANGED',
      status: 'IN_PROGRESS',
      note: '已开始检索国家知识产权局数据库',
    });

    // Its history: every change with its time and note.
    await row.getByRole('button', { name: '办理记录' }).click();
    const drawer = page.getByRole('dialog');
    const events = drawer.getByRole('list', { name: '办理记录' }).getByRole('listitem');
    await expect(events).toHaveCount(moved.history.length);
    await expect(events.last()).toContainText('已开始检索国家知识产权局数据库');
    await expect(events.last()).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await drawer.getByRole('button', { name: /关\s*闭|Close/ }).click();
    await expect(drawer).toBeHidden();

    await row.getByRole('button', { name: '标记已解决' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect(row.locator('td [data-status]')).toHaveText('已解决');
    expect(
      await row
        .locator('[data-move]')
        .evaluateAll((b) => b.map((e) => e.getAttribute('data-move'))),
    ).toEqual(['CLOSED', 'IN_PROGRESS']);

    // The firm rates the resolution, choosing the stars with the keyboard.
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, ACCOUNTS.TENANT_ADMIN);
    await page.goto('/service-desk');
    const resolved = page.locator(`tr[data-request="${opened.id}"]`);
    await expect(resolved.locator('td [data-status]')).toHaveText('已解决');
    await resolved.getByRole('button', { name: /评\s*价/ }).click();
    const rate = page.getByRole('dialog');
    const stars = rate.getByLabel('评分');
    await expect(stars).toHaveAttribute('role', 'radiogroup');
    await rate.getByRole('radio', { name: '1 星' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(rate.getByRole('radio', { name: '4 星' })).toBeChecked();
    await rate.getByLabel('评价内容（选填）').fill('检索全面，反馈及时');
    await rate.getByRole('button', { name: '提交评价' }).click();
    await expect(rate).toBeHidden();
    await expect(resolved.locator('[data-rating]')).toHaveAttribute('data-rating', '4');
    await expect(resolved.getByRole('button', { name: /评\s*价/ })).toHaveCount(0);
    const rated = (await firm.gql(REQUESTS, { t: tenantId })).serviceRequests.find(
      (r: { id: string }) => r.id === opened.id,
    );
    expect(rated.rating).toBe(4);
    expect(rated.history.at(-1)).toMatchObject({ kind: 'RATED', rating: 4 });
  });
});

test.describe('accessibility of the services pages', () => {
  test('axe-core finds nothing serious on the pages, their forms and the history', async ({
    page,
  }) => {
    await signIn(page, ACCOUNTS.TENANT_ADMIN);
    await page.goto('/benefits');
    await expect(page.locator('tr[data-application]').first()).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);
    await page
      .locator('tr[data-policy]')
      .getByRole('button', { name: /申\s*报/ })
      .first()
      .click();
    const apply = page.getByRole('dialog');
    await apply.getByRole('button', { name: '提交申报' }).click();
    await expect(apply.locator('#requestedAmount_help')).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(apply).toBeHidden();

    await page.goto('/service-desk');
    await expect(page.locator('tr[data-request]').first()).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: '新建服务请求' }).click();
    const open = page.getByRole('dialog');
    await open.getByRole('button', { name: '提交请求' }).click();
    await expect(open.locator('#title_help')).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(open).toBeHidden();
    await page.locator('tr[data-request]').last().getByRole('button', { name: '办理记录' }).click();
    await expect(page.getByRole('list', { name: '办理记录' })).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, ACCOUNTS.SERVICE_PROVIDER);
    await expect(page.locator('tr[data-request]').first()).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);
  });
});
