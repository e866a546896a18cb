import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

/**
 * `/webhooks`, ADMIN only: an endpoint is registered (a loopback http address, which the test
 * server allows with WEBHOOK_ALLOW_INSECURE=true; a private address is refused next to the
 * field), its secret is shown once, an event it subscribes to appears among its deliveries,
 * and it is deactivated, each compared with what the API answers.
 */

const SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/webhooks.png', import.meta.url));

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  consecutiveFailures: number;
  createdAt: string;
}

const ENDPOINT_FIELDS = 'id url events active consecutiveFailures createdAt';

async function seriousViolations(page: Page, include?: string) {
  let axe = new AxeBuilder({ page });
  if (include) axe = axe.include(include);
  const result = await axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** Waits for the page's content (not its loading state). */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
}

/** The message shown under a form field. */
const errorOf = (scope: Locator, name: string) =>
  scope
    .locator('.ant-form-item', { has: scope.page().locator(`[name=${name}]`) })
    .locator('.ant-form-item-explain-error');

function ensureDir(file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

test('ADMIN adds an endpoint, sees its secret once, and deactivates it', async ({
  page,
  request,
  context,
}) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const admin = api(request, ACCOUNTS.ADMIN);
  const hookUrl = `http://127.0.0.1:9/jcv-hooks/${Date.now()}`;

  await signIn(page, ACCOUNTS.ADMIN);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Webhook 推送', exact: true })
    .click();
  await page.waitForURL((url) => url.pathname === '/webhooks');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhook 推送');
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '登记端点' }).click();
  const dialog = page.getByRole('dialog', { name: '登记接收端点' });
  await expect(dialog).toBeVisible();
  const url = dialog.getByLabel('接收地址（URL）');
  await expect(url).toHaveAttribute('name', 'url');
  await expect(dialog.locator('input[name=events]')).toHaveCount(12);
  const submit = dialog.getByRole('button', { name: /^登\s*记$/ });

  // Nothing typed: said next to the field, nothing sent.
  await submit.click();
  await expect(errorOf(dialog, 'url')).toHaveText('请填写接收地址。');

  // A private address: the API refuses it, and the console says so next to the field.
  await url.fill('https://10.0.0.1/hooks');
  const refused = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('CreateWebhook'),
  );
  await submit.click();
  const answer = (await (await refused).json()) as {
    errors?: { extensions: { code: string; fields?: { field: string; message: string }[] } }[];
  };
  expect(answer.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(answer.errors?.[0].extensions.fields?.map((f) => fieldName(f.field))).toContain('url');
  await expect(errorOf(dialog, 'url')).toHaveText(
    '10.0.0.1 不是公网地址：不能向内部或私有网络推送',
  );
  await expect(dialog).toBeVisible();

  // A loopback address (allowed on this server), for one event type.
  await url.fill(hookUrl);
  await dialog.getByLabel('月度报表已审核（report.reviewed）').check();
  await expect(dialog.locator('input[name=events]:checked')).toHaveCount(1);
  expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
  await submit.click();

  // The secret, once: with its warning and a copy button.
  const secretDialog = page.getByRole('dialog', { name: '端点已登记：请保存签名密钥' });
  await expect(secretDialog).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(secretDialog).toContainText('密钥只显示这一次');
  const secretField = secretDialog.getByLabel('签名密钥');
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  await secretDialog.getByRole('button', { name: '复制密钥' }).click();
  await expect(secretDialog.getByRole('status')).toHaveText('密钥已复制到剪贴板。');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
  // Neither Escape nor a click beside it closes the window: only its button does.
  await page.keyboard.press('Escape');
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByRole('button', { name: '我已保存密钥' }).click();
  await expect(secretDialog).toBeHidden();
  await expect(page.getByText(secret)).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  const { webhookEndpoints } = await admin.gql<{ webhookEndpoints: Endpoint[] }>(
    `{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`,
  );
  const endpoint = webhookEndpoints.find((e) => e.url === hookUrl);
  expect(endpoint).toMatchObject({
    events: ['report.reviewed'],
    active: true,
    consecutiveFailures: 0,
  });
  const row = page.locator(`tr[data-endpoint-id="${endpoint!.id}"]`);
  await expect(row).toHaveAttribute('data-active', 'true');
  await expect(row).toContainText(hookUrl);
  await expect(row).toContainText('月度报表已审核');
  await expect(row.locator('[data-value]').last()).toHaveAttribute('data-value', '0');
  await expect(row.locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

  // An event it subscribes to: the committee accepts a report. With no worker running on this
  // server, its delivery waits, PENDING, with no attempt yet.
  const { outputReports } = await admin.gql<{
    outputReports: { edges: { node: { id: string } }[] };
  }>('{ outputReports(filter: { status: SUBMITTED }, first: 1) { edges { node { id } } } }');
  const report = outputReports.edges[0]?.node;
  expect(report, 'a SUBMITTED report in the demo park').toBeTruthy();
  await admin.gql(
    'mutation($id: ID!) { reviewOutputReport(id: $id, decision: ACCEPT) { id status } }',
    { id: report.id },
  );
  const { webhookDeliveries } = await admin.gql<{
    webhookDeliveries: {
      totalCount: number;
      edges: { node: { id: string; eventId: string; eventType: string; status: string } }[];
    };
  }>(
    `query($endpointId: ID) { webhookDeliveries(endpointId: $endpointId, first: 5) {
      totalCount edges { node { id eventId eventType status } } } }`,
    { endpointId: endpoint!.id },
  );
  expect(webhookDeliveries.totalCount).toBe(1);
  const delivery = webhookDeliveries.edges[0].node;
  expect(delivery).toMatchObject({ eventType: 'report.reviewed', status: 'PENDING' });

  await row.getByRole('button', { name: `查看 ${hookUrl} 的推送记录` }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]endpointId=${endpoint!.id}`));
  await expect(page.locator('select[name=endpointId]')).toHaveValue(endpoint!.id);
  const deliveryRow = page.locator(`tr[data-delivery-id="${delivery.id}"]`);
  await expect(deliveryRow).toHaveAttribute('data-event-id', delivery.eventId);
  await expect(deliveryRow.locator('[data-status]')).toHaveAttribute('data-status', 'PENDING');
  await expect(deliveryRow.locator('[data-status]')).toHaveText('待推送');
  await expect(deliveryRow).toContainText('月度报表已审核');
  await expect(deliveryRow).toContainText(delivery.eventId);
  // Only a FAILED delivery may be sent again.
  await expect(deliveryRow.getByRole('button', { name: /重新推送/ })).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: '推送记录' }).locator('tbody tr[data-delivery-id]'),
  ).toHaveCount(1);
  await page.locator('select[name=status]').selectOption('FAILED');
  await expect(page).toHaveURL(/[?&]status=FAILED/);
  await expect(deliveryRow).toHaveCount(0);
  await page.locator('select[name=status]').selectOption('PENDING');
  await expect(deliveryRow).toBeVisible();
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: ensureDir(SCREENSHOT), animations: 'disabled' });

  // Deactivated through its switch, by keyboard.
  const active = row.getByRole('switch', { name: `启用 ${hookUrl}` });
  await expect(active).toHaveAttribute('aria-checked', 'true');
  await active.focus();
  await page.keyboard.press('Space');
  await expect(active).toHaveAttribute('aria-checked', 'false');
  await expect(row).toHaveAttribute('data-active', 'false');
  await expect(page.getByText(`已停用 ${hookUrl}，不再向其推送事件。`)).toBeVisible();
  const after = await admin.gql<{ webhookEndpoints: Endpoint[] }>(
    `{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`,
  );
  expect(after.webhookEndpoints.find((e) => e.id === endpoint!.id)?.active).toBe(false);
  // Still not shown anywhere after a reload: the API does not give the secret again.
  await page.reload();
  await expect(row).toHaveAttribute('data-active', 'false');
  expect(await page.content()).not.toContain(secret);
});

test('the webhook pages are the ADMIN’s only', async ({ page }) => {
  await signIn(page, ACCOUNTS.ANALYST);
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Webhook 推送' }),
  ).toHaveCount(0);
  await page.goto('/webhooks');
  await expect(page.getByText('您的角色不能访问此页面。')).toBeVisible();
});

/** The last segment of a field path (`input.url` → `url`). */
function fieldName(path: string): string {
  return path.split('.').pop() ?? path;
}
