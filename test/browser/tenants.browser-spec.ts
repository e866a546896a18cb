import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, Request } from '@playwright/test';
// Playwright reads test/browser/tsconfig.json, which has no @jcv paths: the rule is taken from
// its lib's index by path, the one file that lib exports.
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/credit-code';
import { ACCOUNTS, api, expect, signIn, test } from './support';

/**
 * The committee's tenants pages: ADMIN registers a firm (the credit code checked as it is typed,
 * and by the server when the page is made to send a wrong one), finds it, opens it, corrects its
 * name and sees the correction in its audit history; ANALYST reads the same pages with no way to
 * change anything, and its page never asks for what it may not read.
 */

const NAME = '晋创浏览器测试（吕梁）科技有限公司';
const NEW_NAME = '晋创浏览器测试（吕梁）智能科技有限公司';
// A firm (9 1) registered in 吕梁市 (141100), with its check character computed by the rule.
const CODE = withCheckChar('91141100MA0JC7T2K');
const WRONG_CHECK = CODE.slice(0, 17) + [...CREDIT_CODE_CHARSET].find((c) => c !== CODE[17]);

const isOperation = (r: Request, name: string) =>
  r.url().endsWith('/graphql') &&
  r.method() === 'POST' &&
  (r.postDataJSON() as { operationName?: string } | null)?.operationName === name;

/** The form item (label, control and messages) of a field, and its error messages. */
const itemOf = (scope: Locator, name: string) =>
  scope.locator('.ant-form-item', { has: scope.page().locator(`[name=${name}]`) });
const errorOf = (scope: Locator, name: string) =>
  itemOf(scope, name).locator('.ant-form-item-explain-error');

async function tenantByName(request: Parameters<typeof api>[0], name: string) {
  const data = await api(request, ACCOUNTS.ADMIN).gql<{
    tenants: {
      totalCount: number;
      edges: { node: { id: string; name: string; creditCode: string | null; kind: string } }[];
    };
  }>(
    `query($name: String!) { tenants(first: 10, filter: { nameContains: $name }) {
       totalCount edges { node { id name creditCode kind } } } }`,
    { name },
  );
  return data.tenants;
}

async function openRegisterForm(page: Page) {
  await page.getByRole('button', { name: '登记企业' }).click();
  const dialog = page.getByRole('dialog', { name: '登记入驻企业' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('the tenants pages', () => {
  test('ADMIN registers a firm, the credit code checked as typed and by the server, then corrects its name', async ({
    page,
    request,
  }) => {
    await signIn(page, ACCOUNTS.ADMIN);
    await page.goto('/tenants');
    await expect(page.getByRole('heading', { level: 1, name: '入驻企业' })).toBeVisible();
    const dialog = await openRegisterForm(page);

    // Every field of RegisterTenantInput, by its label and by its name.
    for (const [label, name] of [
      ['企业名称', 'name'],
      ['主体类型', 'kind'],
      ['统一社会信用代码', 'creditCode'],
      ['所在功能区', 'zoneId'],
      ['所属产业链', 'industryChain'],
      ['科技型企业', 'isTechFirm'],
      ['入驻日期', 'enteredOn'],
      ['成立日期', 'foundedOn'],
    ]) {
      await expect(dialog.getByLabel(label, { exact: true })).toHaveAttribute('name', name);
    }
    await dialog.getByLabel('企业名称', { exact: true }).fill(NAME);
    await expect(dialog.getByLabel('主体类型', { exact: true })).toHaveValue('FIRM');
    await dialog.getByLabel('所在功能区', { exact: true }).selectOption({ label: '起步区' });
    await dialog.getByLabel('所属产业链', { exact: true }).selectOption('AI_PLUS');
    await dialog.getByLabel('科技型企业', { exact: true }).check();
    await dialog.getByLabel('成立日期', { exact: true }).fill('2024-05-20');

    let registrations = 0;
    page.on('request', (r) => {
      if (isOperation(r, 'TenantsRegister')) registrations++;
    });

    // As it is typed: a 9 (工商) cannot be followed by a 4, said at once, in Chinese.
    const code = dialog.getByLabel('统一社会信用代码', { exact: true });
    await code.pressSequentially('94');
    await expect(errorOf(dialog, 'creditCode')).toHaveText(
      '第 2 位（机构类别代码）有误：登记管理部门为 9（工商）时，应为 1, 2, 3 之一。',
    );
    // Put right, the beginning is fine again.
    await code.press('Backspace');
    await code.pressSequentially('1');
    await expect(errorOf(dialog, 'creditCode')).toHaveCount(0);
    // All 18 with a wrong check character.
    await code.fill('');
    await code.pressSequentially(WRONG_CHECK);
    await expect(errorOf(dialog, 'creditCode')).toHaveText(
      '第 18 位校验码不正确，请核对代码是否录入有误。',
    );
    // The form does not send it.
    await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
    await expect(errorOf(dialog, 'creditCode')).toHaveText(
      '第 18 位校验码不正确，请核对代码是否录入有误。',
    );
    expect(registrations).toBe(0);

    // Forced past the page (the request rewritten on its way), the server refuses it too, and
    // its refusal shows next to the field.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        operationName?: string;
        variables: { input: { creditCode?: string } };
      };
      if (body?.operationName !== 'TenantsRegister') return route.continue();
      body.variables.input.creditCode = WRONG_CHECK;
      return route.continue({ postData: JSON.stringify(body) });
    });
    await code.fill(CODE);
    await expect(errorOf(dialog, 'creditCode')).toHaveCount(0);
    const refused = page.waitForResponse((r) => isOperation(r.request(), 'TenantsRegister'));
    await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
    const answer = (await (await refused).json()) as {
      errors: { extensions: { code: string; fields: { field: string; message: string }[] } }[];
    };
    expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.errors[0].extensions.fields).toEqual([
      { field: 'creditCode', message: 'creditCode has a wrong check character (GB 32100-2015)' },
    ]);
    await expect(errorOf(dialog, 'creditCode')).toHaveText(
      '经系统核验，第 18 位校验码不正确，请核对代码。',
    );
    expect((await tenantByName(request, NAME)).totalCount).toBe(0);
    await page.unroute('**/graphql');

    // With the right code as typed: registered.
    await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
    await expect(page.getByText(`已登记：${NAME}`)).toBeVisible();
    await expect(dialog).toBeHidden();
    const registered = await tenantByName(request, NAME);
    expect(registered.totalCount).toBe(1);
    const firm = registered.edges[0].node;
    expect(firm).toMatchObject({ name: NAME, creditCode: CODE, kind: 'FIRM' });

    // Found by name (the API's filter) and by part of its credit code (the page's own).
    await page.getByLabel('名称或统一社会信用代码').fill('浏览器测试');
    await page.getByLabel('名称或统一社会信用代码').press('Enter');
    await expect(page).toHaveURL(/\/tenants\?q=/);
    const row = page.locator(`tr[data-row-key="${firm.id}"]`);
    await expect(row).toContainText(NAME);
    await expect(row).toContainText(CODE);
    await expect(row).toContainText('起步区');
    await expect(page.locator('tbody tr.tn-row')).toHaveCount(1);
    await page.getByLabel('名称或统一社会信用代码').fill(CODE.slice(2, 14).toLowerCase());
    await page.getByLabel('名称或统一社会信用代码').press('Enter');
    await expect(page.locator('tbody tr.tn-row')).toHaveCount(1);
    await expect(row).toContainText(NAME);

    // Its page opens from its row.
    await row.locator('td').nth(1).click();
    await expect(page).toHaveURL(new RegExp(`/tenants/${firm.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
    await expect(page.locator(`[data-value="${CODE}"]`)).toHaveText(CODE);
    await expect(page.getByRole('heading', { level: 2, name: '操作记录' })).toBeVisible();
    await expect(page.getByText('共 1 条')).toBeVisible();

    // The name corrected: only the name is sent.
    await page.getByRole('button', { name: '修改信息' }).click();
    const edit = page.getByRole('dialog', { name: '修改企业信息' });
    await expect(edit.getByLabel('统一社会信用代码', { exact: true })).toHaveValue(CODE);
    await edit.getByLabel('企业名称', { exact: true }).fill(NEW_NAME);
    const sent = page.waitForRequest((r) => isOperation(r, 'TenantsUpdate'));
    await edit.getByRole('button', { name: '保存修改' }).click();
    expect(
      ((await sent).postDataJSON() as { variables: { input: unknown } }).variables.input,
    ).toEqual({ id: firm.id, name: NEW_NAME });
    await expect(edit).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEW_NAME);

    // And the audit history has it, as the API does.
    const audit = await api(request, ACCOUNTS.ADMIN).gql<{
      auditEvents: { totalCount: number; edges: { node: { operation: string } }[] };
    }>(
      `query($id: String!) { auditEvents(entity: "Tenant", entityId: $id, first: 10) {
         totalCount edges { node { operation } } } }`,
      { id: firm.id },
    );
    expect(audit.auditEvents.edges.map((e) => e.node.operation)).toEqual([
      'updateTenant',
      'registerTenant',
    ]);
    await expect(page.getByText('共 2 条')).toBeVisible();
    const corrected = page.locator('tr', { has: page.locator('[data-operation=updateTenant]') });
    await expect(corrected.locator('[data-operation]')).toHaveText('修改信息');
    await expect(corrected.locator('li[data-field=name]')).toHaveText(
      `企业名称：${NAME} → ${NEW_NAME}`,
    );
    await expect(corrected).toContainText('管委会管理员');
  });

  test('ANALYST reads the list and a tenant, with nothing to change and nothing it may not read', async ({
    page,
  }) => {
    const asked: string[] = [];
    const answers: Promise<unknown>[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) asked.push(r.postData() ?? '');
    });
    page.on('response', (r) => {
      if (r.url().endsWith('/graphql')) answers.push(r.json().catch(() => null));
    });
    await signIn(page, ACCOUNTS.ANALYST);
    await page.goto('/tenants');
    await expect(page.getByRole('heading', { level: 1, name: '入驻企业' })).toBeVisible();
    const rows = page.locator('tbody tr.tn-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByRole('button', { name: '登记企业' })).toHaveCount(0);

    // Filtered by kind (the page's own filter): teams only.
    await page.getByLabel('主体类型').selectOption('TEAM');
    await expect(page).toHaveURL(/kind=TEAM/);
    await expect(rows.first()).toContainText('团队');
    for (const kind of await rows.locator('td:nth-child(3)').allTextContents())
      expect(kind).toBe('团队');
    await page.getByRole('button', { name: '清除筛选' }).click();

    await rows.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/tenants\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 2, name: '基本信息' })).toBeVisible();
    for (const section of [
      '资质证书',
      '产业化项目',
      '租赁房源',
      '月度报表',
      '政策申报',
      '服务请求',
    ])
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    await expect(page.getByText('您的角色只能查看企业信息。')).toBeVisible();
    for (const action of ['修改信息', '办理离园', '添加证书', '登记项目'])
      await expect(page.getByRole('button', { name: action })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '操作记录' })).toHaveCount(0);

    // It never asked for the audit trail, and nothing it asked was refused.
    expect(asked.some((body) => body.includes('auditEvents'))).toBe(false);
    const codes = (await Promise.all(answers)).flatMap(
      (a) =>
        (a as { errors?: { extensions?: { code?: string } }[] } | null)?.errors?.map(
          (e) => e.extensions?.code,
        ) ?? [],
    );
    expect(codes.filter((c) => c !== 'UNAUTHENTICATED')).toEqual([]);
  });

  test('the list, a tenant and the forms have no serious accessibility violation', async ({
    page,
  }) => {
    const serious = async (where: string) => {
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const found = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      expect({ where, found }).toEqual({ where, found: [] });
    };
    await signIn(page, ACCOUNTS.ADMIN);
    await page.goto('/tenants');
    const first = page.locator('tbody tr.tn-row').first();
    await expect(first).toBeVisible();
    await serious('/tenants');
    await openRegisterForm(page);
    await serious('the register form');
    await page.keyboard.press('Escape');
    await first.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: '操作记录' })).toBeVisible();
    await expect(page.locator('[data-operation]').first()).toBeVisible();
    await serious('/tenants/:id');
    await page.getByRole('button', { name: '修改信息' }).click();
    await expect(page.getByRole('dialog', { name: '修改企业信息' })).toBeVisible();
    await serious('the edit form');
  });
});
