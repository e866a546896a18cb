import { ACCOUNTS, api, expect, signIn, test } from './support';

test.describe('sign-in', () => {
  test('a wrong password is told in words, and nothing else happens', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.locator('[name=email]').fill(ACCOUNTS.ANALYST);
    await page.locator('[name=password]').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByRole('alert')).toContainText('邮箱或密码不正确');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('each role lands on its own page, with its own menu', async ({ page }) => {
    const homes: [string, RegExp, string][] = [
      [ACCOUNTS.ANALYST, /\/cockpit/, '驾驶舱'],
      [ACCOUNTS.TENANT_ADMIN, /\/firm$/, '政策申报'],
      [ACCOUNTS.TENANT_REPORTER, /\/reports$/, '月度报表'],
      [ACCOUNTS.SERVICE_PROVIDER, /\/service-desk$/, '我的服务单'],
    ];
    for (const [email, home, menu] of homes) {
      await signIn(page, email);
      await expect(page).toHaveURL(home);
      await expect(page.getByRole('navigation')).toContainText(menu);
      await page.getByRole('button', { name: '退出登录' }).click();
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('status')).toContainText('您已退出登录');
    }
  });

  test('a page opened signed out asks to sign in, then opens', async ({ page }) => {
    await page.goto('/reports');
    await expect(page).toHaveURL(/\/login\?next=%2Freports/);
    await page.locator('[name=email]').fill(ACCOUNTS.TENANT_REPORTER);
    await page.locator('[name=password]').fill('demo-password-2025');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page).toHaveURL(/\/reports$/);
  });

  test('a role is refused a page that is not its own', async ({ page }) => {
    await signIn(page, ACCOUNTS.TENANT_REPORTER);
    await page.goto('/cockpit');
    await expect(page.getByText('您的角色不能访问此页面')).toBeVisible();
  });

  test('the access token is refreshed before it expires, and a reload keeps the session', async ({
    page,
  }) => {
    await signIn(page, ACCOUNTS.TENANT_REPORTER);
    const first = await page.evaluate(() => sessionStorage.getItem('jcv.refreshToken'));
    expect(first).toBeTruthy();
    // Tokens last 30 s on the test server: the console exchanges the refresh token ahead of that.
    await page.waitForRequest(
      (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('mutation Refresh'),
      { timeout: 45_000 },
    );
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('jcv.refreshToken')))
      .not.toBe(first);
    await page.reload();
    await expect(page).toHaveURL(/\/reports$/);
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  });

  test('a session revoked elsewhere returns to /login with a message', async ({
    page,
    request,
  }) => {
    await signIn(page, ACCOUNTS.TENANT_REPORTER);
    const refreshToken = await page.evaluate(() => sessionStorage.getItem('jcv.refreshToken'));
    // Signing out with the tab's refresh token (as another device of the user might) revokes the
    // whole sign-in: the tab's access token stops working and it cannot refresh.
    const answer = await api(request, ACCOUNTS.TENANT_REPORTER).raw(
      'mutation($t: String!) { logout(refreshToken: $t) }',
      { t: refreshToken },
    );
    expect(answer.errors).toBeUndefined();
    await page.goto('/firm');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('status')).toContainText('登录已过期');
    // A reload still says why, until the user signs in again.
    await page.reload();
    await expect(page.getByRole('status')).toContainText('登录已过期');
    await signIn(page, ACCOUNTS.TENANT_REPORTER);
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('status')).toContainText('您已退出登录');
  });

  test('the language switches to English and back, and <html lang> follows', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});
