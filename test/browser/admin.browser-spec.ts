import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { ACCOUNTS, api, expect, passwordOf, signIn, test } from './support';

/**
 * The committee's administration (users, targets, audit trail) and every user's own account
 * page, against the real API.
 */

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';

/** A new email for each run: the demo park's database may outlive one test. */
const freshEmail = (what: string) =>
  `${what}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@jcv.example`;

/** Signs in through the API with any password (the support helper knows only the demo ones). */
async function apiSignIn(request: APIRequestContext, email: string, password: string) {
  const res = await request.post('/graphql', {
    headers: { 'content-type': 'application/json' },
    data: { query: LOGIN, variables: { input: { email, password } } },
  });
  return (await res.json()) as {
    data?: { login: { accessToken: string } } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

async function userByEmail(request: APIRequestContext, email: string) {
  const data = await api(request, ACCOUNTS.ADMIN).gql<{
    users: { edges: { node: { id: string; active: boolean; role: string } }[] };
  }>(
    'query($f: UserFilter) { users(first: 5, filter: $f) { edges { node { id active role } } } }',
    {
      f: { emailContains: email },
    },
  );
  expect(data.users.edges).toHaveLength(1);
  return data.users.edges[0].node;
}

/** A second browser, its own session: another person, or the same person elsewhere. */
async function otherBrowser(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  return { context, page };
}

async function expectSentToLoginExpired(page: Page) {
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('status').filter({ hasText: '登录已过期' })).toBeVisible();
}

test.describe('users (ADMIN)', () => {
  test('an ADMIN creates a user, who signs in; deactivated, its session ends at once and it cannot sign in; the audit trail shows it', async ({
    page,
    browser,
    request,
    baseURL,
  }) => {
    const email = freshEmail('analyst');
    const password = passwordOf(email); // what api(request, email) signs in with
    await signIn(page, ACCOUNTS.ADMIN);
    await page.goto('/users');
    await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();

    // Create: the browser checks the confirmation before anything is sent.
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('邮箱').fill(email);
    await dialog.getByLabel('姓名').fill('测试分析员');
    await dialog.getByLabel('角色').selectOption('ANALYST');
    await expect(dialog.getByLabel('所属企业')).toHaveCount(0);
    await dialog.locator('[name=password]').fill(password);
    await dialog.locator('[name=confirmPassword]').fill(`${password}x`);
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    await expect(dialog.getByText('两次输入的密码不一致')).toBeVisible();
    await dialog.locator('[name=confirmPassword]').fill(password);
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`已创建用户 测试分析员（${email}）`)).toBeVisible();

    const created = await userByEmail(request, email);
    expect(created).toMatchObject({ active: true, role: 'ANALYST' });
    const row = page.locator(`tr[data-user-id="${created.id}"]`);
    await expect(row).toContainText(email);
    await expect(row).toContainText('数据分析');
    await expect(row.locator('[data-active]')).toHaveAttribute('data-active', 'true');

    // The same email again is refused next to the email field, in words.
    await page.getByRole('button', { name: '新建用户' }).click();
    await dialog.getByLabel('邮箱').fill(email);
    await dialog.getByLabel('姓名').fill('重复的账号');
    await dialog.getByLabel('角色').selectOption('ANALYST');
    await dialog.locator('[name=password]').fill(password);
    await dialog.locator('[name=confirmPassword]').fill(password);
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    await expect(dialog.locator('#email_help')).toContainText(`邮箱 ${email} 已被其他用户使用`);
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    await expect(dialog).toBeHidden();

    // The new user signs in elsewhere and sees the cockpit.
    const other = await otherBrowser(browser, baseURL);
    try {
      await signIn(other.page, email, password);
      await expect(other.page).toHaveURL(/\/cockpit/);
      await expect(other.page.getByRole('navigation')).toContainText('驾驶舱');

      // Deactivated by the ADMIN, with a confirmation.
      await row.getByRole('button', { name: '停用 测试分析员' }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: '停用 测试分析员 的账号？' });
      await expect(confirm).toContainText(email);
      await confirm.getByRole('button', { name: /^停\s*用$/ }).click();
      await expect(page.getByText('已停用 测试分析员，其所有登录已失效。')).toBeVisible();
      await expect(row.locator('[data-active]')).toHaveAttribute('data-active', 'false');
      await expect(row).toContainText('已停用');
      expect((await userByEmail(request, email)).active).toBe(false);

      // Its next request is refused: the console sends it to /login, saying the session ended.
      // That request may be one of the page's own (the bell asks for its count now and then), which
      // sends it there before the click: then the link is gone, and the page is where it should be.
      await other.page
        .getByRole('link', { name: '我的账号' })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      await expectSentToLoginExpired(other.page);
      // And it cannot sign in again, through the form …
      await other.page.locator('[name=email]').fill(email);
      await other.page.locator('[name=password]').fill(password);
      await other.page.getByRole('button', { name: /登\s*录/ }).click();
      await expect(other.page.getByRole('alert')).toContainText('邮箱或密码不正确');
      await expect(other.page).toHaveURL(/\/login/);
    } finally {
      await other.context.close();
    }

    // … nor through the API.
    await expect(api(request, email).raw('{ me { id } }')).rejects.toThrow(/sign-in of .* failed/);
    const refused = await apiSignIn(request, email, password);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The status filter finds it among the deactivated.
    await page.locator('#filterActive').selectOption('false');
    await page.locator('#emailContains').fill(email);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await expect(page.locator('tbody tr[data-user-id]')).toHaveCount(1);
    await expect(page.locator(`tr[data-user-id="${created.id}"]`)).toBeVisible();

    // The audit trail lists the deactivation, newest first, with what changed.
    await page.goto('/audit');
    await page.getByLabel('记录类型').selectOption('User');
    await page.getByLabel('记录编号').fill(created.id);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await expect(page).toHaveURL(new RegExp(`entityId=${created.id}`));
    const deactivation = page.locator('tr[data-operation="setUserActive"]').first();
    await expect(deactivation).toContainText('停用用户');
    await expect(deactivation).toContainText('管委会管理员');
    await expect(deactivation.locator('[data-field="active"]')).toHaveText('启用：是 → 否');
    await expect(deactivation).toContainText('用户 · 测试分析员');
    await expect(deactivation).toContainText(email);
    const events = await api(request, ACCOUNTS.ADMIN).gql<{
      auditEvents: { totalCount: number; edges: { node: { operation: string } }[] };
    }>(
      'query($id: String) { auditEvents(first: 50, entity: "User", entityId: $id) { totalCount edges { node { operation } } } }',
      { id: created.id },
    );
    // Newest first: the page lists the events in the API's order.
    await expect(page.locator('tbody tr[data-operation]')).toHaveCount(
      events.auditEvents.totalCount,
    );
    const shown = await page
      .locator('tbody tr[data-operation]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-operation')));
    expect(shown).toEqual(events.auditEvents.edges.map((e) => e.node.operation));
    expect(shown[0]).toBe('setUserActive');
    expect(shown).toContain('createUser');
    // The raw record is there as a secondary detail, never the main view.
    await expect(deactivation.locator('details pre').first()).toBeHidden();
    // The routine sign-in events can be hidden; the changes stay.
    expect(shown).toContain('login');
    await page.getByLabel('隐藏登录、续期和退出登录记录').check();
    await expect(page.locator('tbody tr[data-operation="login"]')).toHaveCount(0);
    await expect(page.locator('tbody tr[data-operation="setUserActive"]')).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: '已隐藏' })).toBeVisible();

    // Reactivated, the user signs in again.
    await page.goto('/users');
    const again = page.locator(`tr[data-user-id="${created.id}"]`);
    await again.getByRole('button', { name: '启用 测试分析员' }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: '重新启用 测试分析员 的账号？' })
      .getByRole('button', { name: /^启\s*用$/ })
      .click();
    await expect(again.locator('[data-active]')).toHaveAttribute('data-active', 'true');
    expect((await apiSignIn(request, email, password)).data?.login.accessToken).toBeTruthy();
  });

  test('an ADMIN sets a new password for a user: the old one stops working', async ({
    page,
    request,
  }) => {
    const email = freshEmail('reset');
    const oldPassword = 'first-password-2025';
    const newPassword = 'second-password-2025';
    const { createUser } = await api(request, ACCOUNTS.ADMIN).gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, displayName: '重置测试', role: 'SPACE_MANAGER', password: oldPassword } },
    );
    await signIn(page, ACCOUNTS.ADMIN);
    await page.goto('/users');
    await page.locator('#emailContains').fill(email);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    const row = page.locator(`tr[data-user-id="${createUser.id}"]`);
    await row.getByRole('button', { name: '为 重置测试 设置新密码' }).click();
    const dialog = page.getByRole('dialog', { name: '为 重置测试 设置新密码' });
    await dialog.getByLabel('新密码', { exact: true }).fill('too-short');
    await dialog.getByLabel('确认新密码').fill('too-short');
    await dialog.getByRole('button', { name: /^设\s*置$/ }).click();
    await expect(dialog.getByText('密码至少需要 12 个字符。')).toBeVisible();
    await dialog.getByLabel('新密码', { exact: true }).fill(newPassword);
    await dialog.getByLabel('确认新密码').fill(newPassword);
    await dialog.getByRole('button', { name: /^设\s*置$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已为 重置测试 设置新密码，其所有登录已失效。')).toBeVisible();
    expect((await apiSignIn(request, email, oldPassword)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await apiSignIn(request, email, newPassword)).data?.login.accessToken).toBeTruthy();
    // The ADMIN's own row offers neither.
    const own = page.locator('tr[data-email="admin@jcv.example"]');
    await page.getByRole('button', { name: /^重\s*置$/ }).click();
    await expect(own.getByRole('button')).toHaveCount(0);
  });
});

test.describe('users of a firm and of a provider (ADMIN)', () => {
  test('a firm user is created with its firm, found by name; a provider user with its provider', async ({
    page,
    request,
  }) => {
    const admin = api(request, ACCOUNTS.ADMIN);
    const { tenants, serviceProviders } = await admin.gql<{
      tenants: { edges: { node: { id: string; name: string } }[] };
      serviceProviders: { id: string; name: string }[];
    }>('{ tenants(first: 1) { edges { node { id name } } } serviceProviders { id name } }');
    const firm = tenants.edges[0].node;
    const provider = serviceProviders[0];
    await signIn(page, ACCOUNTS.ADMIN);
    await page.goto('/users');
    const dialog = page.getByRole('dialog', { name: '新建用户' });

    const firmEmail = freshEmail('clerk');
    await page.getByRole('button', { name: '新建用户' }).click();
    await dialog.getByLabel('邮箱').fill(firmEmail);
    await dialog.getByLabel('姓名').fill('王会计');
    await dialog.getByLabel('角色').selectOption('TENANT_REPORTER');
    await dialog.locator('[name=password]').fill('clerk-password-2025');
    await dialog.locator('[name=confirmPassword]').fill('clerk-password-2025');
    // A firm's user needs its firm: the browser asks before sending.
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    await expect(dialog.locator('#tenantId_help')).toHaveText('请填写此项。');
    await dialog.getByLabel('所属企业').fill(firm.name.slice(0, 4));
    await page.locator('.ant-select-item-option', { hasText: firm.name }).click();
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    await expect(dialog).toBeHidden();
    const clerk = await admin.gql<{
      users: { edges: { node: { role: string; tenantId: string | null } }[] };
    }>('query($f: UserFilter) { users(filter: $f) { edges { node { role tenantId } } } }', {
      f: { emailContains: firmEmail },
    });
    expect(clerk.users.edges[0].node).toEqual({ role: 'TENANT_REPORTER', tenantId: firm.id });
    await expect(page.locator(`tr[data-email="${firmEmail}"]`)).toContainText(firm.name);

    const providerEmail = freshEmail('agent');
    await page.getByRole('button', { name: '新建用户' }).click();
    await dialog.getByLabel('邮箱').fill(providerEmail);
    await dialog.getByLabel('姓名').fill('赵顾问');
    await dialog.getByLabel('角色').selectOption('SERVICE_PROVIDER');
    await expect(dialog.getByLabel('所属企业')).toHaveCount(0);
    await dialog.getByLabel('所属服务机构').selectOption(provider.id);
    await dialog.locator('[name=password]').fill('agent-password-2025');
    await dialog.locator('[name=confirmPassword]').fill('agent-password-2025');
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator(`tr[data-email="${providerEmail}"]`)).toContainText(provider.name);
  });
});

test.describe('my account', () => {
  test('a user changes its own password: its other sign-ins end, and only the new one works', async ({
    page,
    browser,
    request,
    baseURL,
  }) => {
    const email = freshEmail('reporter');
    const oldPassword = 'old-password-2025';
    const newPassword = 'new-password-2025';
    const firms = await api(request, ACCOUNTS.ADMIN).gql<{
      tenants: { edges: { node: { id: string; name: string } }[] };
    }>('{ tenants(first: 1) { edges { node { id name } } } }');
    const firm = firms.tenants.edges[0].node;
    await api(request, ACCOUNTS.ADMIN).gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email,
          displayName: '李填报',
          role: 'TENANT_REPORTER',
          tenantId: firm.id,
          password: oldPassword,
        },
      },
    );

    // The same person is signed in in another browser too.
    const other = await otherBrowser(browser, baseURL);
    try {
      await signIn(other.page, email, oldPassword);
      await expect(other.page).toHaveURL(/\/reports/);

      await signIn(page, email, oldPassword);
      await page.getByRole('link', { name: '我的账号' }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByRole('heading', { level: 1, name: '我的账号' })).toBeVisible();
      await expect(page.locator('[data-field=email]')).toHaveText(email);
      await expect(page.locator('[data-field=role]')).toHaveText('企业填报员');
      await expect(page.locator('#main').getByText(firm.name)).toBeVisible();
      await expect(page.locator('[data-field=locale]')).toHaveAttribute('data-value', 'ZH_CN');

      // The browser checks the confirmation; the server checks the current password.
      await page.getByLabel('当前密码').fill('not-my-password');
      await page.getByLabel('新密码', { exact: true }).fill(newPassword);
      await page.getByLabel('确认新密码').fill('something-else-2025');
      await page.getByRole('button', { name: '修改密码' }).click();
      await expect(page.getByText('两次输入的密码不一致。')).toBeVisible();
      await page.getByLabel('确认新密码').fill(newPassword);
      await page.getByRole('button', { name: '修改密码' }).click();
      await expect(page.locator('#currentPassword_help')).toHaveText('不正确');

      await page.getByLabel('当前密码').fill(oldPassword);
      await page.getByRole('button', { name: '修改密码' }).click();
      await expect(page.getByRole('status').filter({ hasText: '密码已修改' })).toContainText(
        '其他浏览器和设备上的登录已全部退出',
      );
      // This sign-in stays: the page still works.
      await page.getByRole('navigation').getByRole('link', { name: '月度报表' }).click();
      await expect(page).toHaveURL(/\/reports$/);
      await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();

      // The other browser's next request is refused, and it is sent to sign in again.
      await other.page.getByRole('link', { name: '我的账号' }).click();
      await expectSentToLoginExpired(other.page);
    } finally {
      await other.context.close();
    }

    // Only the new password signs in.
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.locator('[name=email]').fill(email);
    await page.locator('[name=password]').fill(oldPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByRole('alert')).toContainText('邮箱或密码不正确');
    expect((await apiSignIn(request, email, oldPassword)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    await signIn(page, email, newPassword);
    await expect(page).toHaveURL(/\/reports$/);
  });

  test('the language is chosen on the account page and kept with the user', async ({
    page,
    request,
  }) => {
    const email = freshEmail('lang');
    await api(request, ACCOUNTS.ADMIN).gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, displayName: '语言测试', role: 'ANALYST', password: passwordOf(email) } },
    );
    await signIn(page, email);
    await page.goto('/account');
    // The choice is the user's (setLocale): the radio follows once the language has changed.
    await page.getByRole('radio', { name: 'English' }).click();
    await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
    await expect(page.locator('[data-field=locale]')).toHaveAttribute('data-value', 'EN');
    await expect
      .poll(
        async () =>
          (await api(request, email).gql<{ me: { locale: string } }>('{ me { locale } }')).me
            .locale,
      )
      .toBe('EN');
    await page.getByRole('radio', { name: '简体中文' }).click();
    await expect(page.getByRole('radio', { name: '简体中文' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '我的账号' })).toBeVisible();
  });
});

test.describe('targets (ADMIN)', () => {
  test('the plan targets are listed exactly, and one is edited with its checks', async ({
    page,
    request,
  }) => {
    const { milestoneTargets } = await api(request, ACCOUNTS.ADMIN).gql<{
      milestoneTargets: {
        id: string;
        year: number;
        metric: string;
        target: string;
        source: string;
        zone: { code: string } | null;
      }[];
    }>('{ milestoneTargets { id year metric target source zone { code } } }');
    expect(milestoneTargets.length).toBeGreaterThanOrEqual(14);

    await signIn(page, ACCOUNTS.ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: '年度目标' }).click();
    await expect(page).toHaveURL(/\/targets$/);
    await expect(page.locator('tbody tr[data-target-id]')).toHaveCount(milestoneTargets.length);
    for (const t of milestoneTargets) {
      const row = page.locator(`tr[data-target-id="${t.id}"]`);
      await expect(row.locator('[data-metric]')).toHaveAttribute('data-metric', t.metric);
      await expect(row.locator('[data-metric]')).toHaveAttribute(
        'data-zone',
        t.zone?.code ?? 'PARK',
      );
      await expect(row.locator('[data-metric]')).toHaveAttribute('data-value', t.target);
      await expect(row).toContainText(t.source);
    }
    const output2025 = milestoneTargets.find(
      (t) => t.year === 2025 && t.metric === 'ANNUAL_OUTPUT_VALUE' && !t.zone,
    )!;
    await expect(page.locator(`tr[data-target-id="${output2025.id}"]`)).toContainText(
      '140,000,000.00 元',
    );

    const srdi = milestoneTargets.find(
      (t) => t.year === 2027 && t.metric === 'NEW_SRDI_FIRMS' && t.zone?.code === 'STARTUP',
    )!;
    const row = page.locator(`tr[data-target-id="${srdi.id}"]`);
    await expect(row).toContainText('2 家');

    // The year filter keeps the address.
    await page.getByLabel('年度', { exact: true }).selectOption('2027');
    await expect(page).toHaveURL(/year=2027/);
    await expect(page.locator('tbody tr[data-target-id]')).toHaveCount(
      milestoneTargets.filter((t) => t.year === 2027).length,
    );

    await row.getByRole('button', { name: /修改 2027 年起步区/ }).click();
    const dialog = page.getByRole('dialog', { name: '修改年度目标' });
    await expect(dialog).toContainText('其中：专精特新企业');
    await expect(dialog.getByLabel('目标值')).toHaveValue('2');
    await dialog.getByLabel('目标值').fill('2.5');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(dialog.getByText('请填写整数')).toBeVisible();
    await dialog.getByLabel('目标值').fill('3');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(row.locator('[data-metric]')).toHaveAttribute('data-value', '3.00');
    await expect(row).toContainText('3 家');
    const after = await api(request, ACCOUNTS.ADMIN).gql<{
      milestoneTargets: { id: string; target: string }[];
    }>('{ milestoneTargets(year: 2027) { id target } }');
    expect(after.milestoneTargets.find((t) => t.id === srdi.id)?.target).toBe('3.00');

    // The audit trail shows the change as old → new.
    await page.goto(`/audit?entity=MilestoneTarget&entityId=${srdi.id}`);
    const event = page.locator('tr[data-operation="setMilestoneTarget"]').first();
    await expect(event).toContainText('设置年度目标');
    await expect(event.locator('[data-field="target"]')).toHaveText('目标值：2.00 → 3.00');

    // Put the plan's value back for the other tests.
    await api(request, ACCOUNTS.ADMIN).gql(
      'mutation($input: MilestoneTargetInput!) { setMilestoneTarget(input: $input) { id } }',
      {
        input: {
          year: 2027,
          metric: 'NEW_SRDI_FIRMS',
          zoneId: (
            await api(request, ACCOUNTS.ADMIN).gql<{ zones: { id: string; code: string }[] }>(
              '{ zones { id code } }',
            )
          ).zones.find((z) => z.code === 'STARTUP')!.id,
          target: srdi.target,
          source: srdi.source,
        },
      },
    );
  });
});

test.describe('accessibility', () => {
  /**
   * axe-core, WCAG 2.1 A and AA: no serious or critical violation of the page's own content.
   */
  async function seriousViolations(page: Page) {
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }

  async function settled(page: Page) {
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  }

  test('the admin pages and the account page have no serious violation', async ({ page }) => {
    test.setTimeout(180_000); // axe reads every row of the long tables
    await signIn(page, ACCOUNTS.ADMIN);
    for (const path of ['/targets', '/users', '/audit', '/account']) {
      await page.goto(path);
      await settled(page);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    // The forms in their dialogs too.
    await page.goto('/users');
    await settled(page);
    await page.getByRole('button', { name: '新建用户' }).click();
    await expect(page.getByRole('dialog', { name: '新建用户' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/targets');
    await settled(page);
    await page.getByRole('button', { name: '新增目标' }).click();
    await expect(page.getByRole('dialog', { name: '新增年度目标' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a firm's user's account page has no serious violation", async ({ page }) => {
    await signIn(page, ACCOUNTS.TENANT_ADMIN);
    await page.goto('/account');
    await settled(page);
    await expect(page.locator('[data-field=role]')).toHaveText('企业管理员');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
