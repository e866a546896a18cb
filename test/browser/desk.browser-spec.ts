import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

// The service desk's board as SERVICE_DESK: a new request is given to a provider that serves its
// category and moved along the board, each step compared with what the API answers.

const ME = `{ me { tenantId serviceProviderId } }`;
const OPEN = `mutation($input: OpenServiceRequestInput!) { openServiceRequest(input: $input) {
  id title status tenant { name } } }`;
const PROVIDERS = `{ serviceProviders { id name categories } }`;
const REQUESTS = `{ serviceRequests { id status assignee { id name }
  history { kind status note assignee { id } } } }`;

interface Provider {
  id: string;
  name: string;
  categories: string[];
}

async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the desk assigns a new request to a provider of its category and moves it on', async ({
  page,
  request,
}) => {
  const firm = api(request, ACCOUNTS.TENANT_ADMIN);
  const desk = api(request, ACCOUNTS.SERVICE_DESK);
  const tenantId: string = (await firm.gql(ME)).me.tenantId;
  const providerId: string = (await api(request, ACCOUNTS.SERVICE_PROVIDER).gql(ME)).me
    .serviceProviderId;
  const providers: Provider[] = (await desk.gql(PROVIDERS)).serviceProviders;
  const serving = providers.filter((p) => p.categories.includes('IP_PATENT'));
  expect(serving.map((p) => p.id)).toContain(providerId);
  expect(serving.length).toBeLessThan(providers.length);
  const provider = providers.find((p) => p.id === providerId)!;

  const title = `外观设计专利检索 ${Date.now()}`;
  const opened = (
    await firm.gql(OPEN, {
      input: { tenantId, category: 'IP_PATENT', title, description: '检索同类外观设计专利' },
    })
  ).openServiceRequest;
  expect(opened.status).toBe('OPEN');
  const find = async (id: string) =>
    (
      (await desk.gql(REQUESTS)).serviceRequests as {
        id: string;
        status: string;
        assignee: { id: string; name: string } | null;
        history: { kind: string; status: string; note: string | null }[];
      }[]
    ).find((r) => r.id === id)!;

  await signIn(page, ACCOUNTS.SERVICE_DESK);
  await page.getByRole('navigation').getByRole('link', { name: '服务台' }).click();
  await expect(page).toHaveURL(/\/service-desk$/);
  await expect(page.getByRole('heading', { level: 1, name: '服务台' })).toBeVisible();

  // The new request waits in the OPEN column, with its firm, category and due time.
  const inColumn = (status: string) =>
    page.locator(`[data-column="${status}"] [data-request="${opened.id}"]`);
  await expect(inColumn('OPEN')).toBeVisible();
  await expect(inColumn('OPEN')).toContainText(title);
  await expect(inColumn('OPEN')).toContainText(opened.tenant.name);
  await expect(inColumn('OPEN')).toContainText('知识产权与专利');
  await expect(inColumn('OPEN').locator('[data-field=dueAt]')).toContainText(
    /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
  );
  await expect(
    page.getByRole('region', { name: '待派单' }).locator(`[data-request="${opened.id}"]`),
  ).toBeVisible();
  expect(await axeProblems(page)).toEqual([]);

  // Assign: the picker offers exactly the providers that serve IP_PATENT.
  await inColumn('OPEN').getByRole('button', { name: /^派单/ }).click();
  const dialog = page.getByRole('dialog');
  const picker = dialog.getByLabel('服务机构');
  await expect(picker).toHaveAttribute('name', 'providerId');
  const offered = await picker
    .locator('option:not([value=""])')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered.sort()).toEqual(serving.map((p) => p.id).sort());
  await picker.selectOption(providerId);
  expect(await axeProblems(page)).toEqual([]);
  await dialog.getByRole('button', { name: '确认派单' }).click();
  await expect(dialog).toBeHidden();

  // The card is now in the ASSIGNED column, and the API says so.
  await expect(inColumn('ASSIGNED')).toBeVisible();
  await expect(inColumn('OPEN')).toHaveCount(0);
  await expect(inColumn('ASSIGNED').locator('[data-field=assignee]')).toHaveText(provider.name);
  const assigned = await find(opened.id);
  expect(assigned.status).toBe('ASSIGNED');
  expect(assigned.assignee?.id).toBe(providerId);
  expect(
    await inColumn('ASSIGNED')
      .locator('[data-move]')
      .evaluateAll((b) => b.map((e) => e.getAttribute('data-move'))),
  ).toEqual(['IN_PROGRESS', 'CANCELLED']);

  // The next column by the keyboard alone: focus the move, Enter, type a note, Enter on confirm.
  await inColumn('ASSIGNED')
    .getByRole('button', { name: /^开始办理/ })
    .focus();
  await page.keyboard.press('Enter');
  const move = page.getByRole('dialog');
  await expect(move).toContainText('办理中');
  await move.getByLabel('说明（选填）').fill('已转交代理人处理');
  await move.getByRole('button', { name: /确\s*定/ }).focus();
  await page.keyboard.press('Enter');
  await expect(move).toBeHidden();
  await expect(inColumn('IN_PROGRESS')).toBeVisible();
  await expect(inColumn('ASSIGNED')).toHaveCount(0);
  const started = await find(opened.id);
  expect(started.status).toBe('IN_PROGRESS');
  expect(started.history.at(-1)).toMatchObject({
    kind: 'STATUS_CHANGED',
    status: 'IN_PROGRESS',
    note: '已转交代理人处理',
  });

  // Its history in a drawer: every change the API keeps.
  await inColumn('IN_PROGRESS')
    .getByRole('button', { name: /^办理记录/ })
    .click();
  const drawer = page.getByRole('dialog');
  const events = drawer.locator('[data-history] li[data-kind]');
  await expect(events).toHaveCount(started.history.length);
  expect(
    await events.evaluateAll((items) => items.map((i) => i.getAttribute('data-kind'))),
  ).toEqual(started.history.map((e) => e.kind));
  await expect(events.last()).toContainText('已转交代理人处理');
  expect(await axeProblems(page)).toEqual([]);
});

test('the desk adds a provider, who is then offered for its categories', async ({
  page,
  request,
}) => {
  const desk = api(request, ACCOUNTS.SERVICE_DESK);
  const name = `吕梁测试人才服务中心 ${Date.now()}`;

  await signIn(page, ACCOUNTS.SERVICE_DESK);
  await page.goto('/service-desk?tab=providers');
  await expect(page.getByRole('heading', { level: 2, name: '服务机构' })).toBeVisible();
  await page.getByRole('button', { name: '新增服务机构' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.locator('#name_help')).toContainText('请填写机构名称');
  await expect(dialog.locator('#categories_help')).toContainText('请至少选择一个服务类别');
  await dialog.getByLabel('机构名称').fill(name);
  const categories = dialog.getByRole('group', { name: '承接的服务类别' });
  await categories.getByLabel('人力资源与人才').check();
  await categories.getByLabel('法律服务').check();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();

  const made = ((await desk.gql(PROVIDERS)).serviceProviders as Provider[]).find(
    (p) => p.name === name,
  )!;
  expect(made.categories.sort()).toEqual(['HR_TALENT', 'LEGAL']);
  const row = page.locator(`tr[data-provider="${made.id}"]`);
  await expect(row).toContainText(name);
  await expect(row.locator('[data-category]')).toHaveCount(2);
  await expect(row.locator('[data-field=inHand]')).toHaveText('0');

  // The same name again: the API refuses it (CONFLICT), and its sentence shows in the form.
  // The form opens empty again: nothing typed before stays.
  const again = await desk.raw(
    `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
    { input: { name, categories: ['OTHER'] } },
  );
  expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  await page.getByRole('button', { name: '新增服务机构' }).click();
  await expect(dialog.getByLabel('机构名称')).toHaveValue('');
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await dialog.getByLabel('机构名称').fill(name);
  await dialog.getByRole('group', { name: '承接的服务类别' }).getByLabel('其他').check();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByRole('alert')).toContainText(again.errors![0].message);
  await expect(dialog).toBeVisible();

  // The new provider is offered for a request of its category, and only then.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: '服务看板' }).click();
  const card = page.locator('[data-column="OPEN"] [data-request]').first();
  await expect(card).toBeVisible();
  const category = (await card.getAttribute('data-category'))!;
  await card.getByRole('button', { name: /^派单/ }).click();
  const assign = page.getByRole('dialog');
  const offered = await assign
    .locator('[name=providerId] option:not([value=""])')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered.includes(made.id)).toBe(['HR_TALENT', 'LEGAL'].includes(category));
});
