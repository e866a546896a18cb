import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

// The committee's policies page as the policy officer: a grant the budget has no room for is
// refused with the API's sentence saying what is left, and a grant within it moves the bar.

const ME = `{ me { tenantId } }`;
const CREATE_POLICY = `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) {
  id code title budget granted remaining } }`;
const POLICIES = `{ policies { id code budget granted remaining } }`;
const APPLY = `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) {
  id requestedAmount } }`;
const DECIDE = `mutation($input: DecideBenefitInput!) { decideBenefit(input: $input) {
  id status grantedAmount } }`;
const APPLICATIONS = `{ benefitApplications { id status grantedAmount requestedAmount
  tenant { id name } policy { id } } }`;

interface Policy {
  id: string;
  code: string;
  title: string;
  budget: string;
  granted: string;
  remaining: string;
}

async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the policy officer is told what is left of a budget, then grants within it', async ({
  page,
  request,
}) => {
  const officer = api(request, ACCOUNTS.POLICY_OFFICER);
  const firm = api(request, ACCOUNTS.TENANT_ADMIN);
  const tenantId: string = (await firm.gql(ME)).me.tenantId;

  // A policy of 1 000 yuan, any resident firm; the firm asks for 700, 500 and 500.
  const stamp = Date.now();
  const policy: Policy = (
    await officer.gql(CREATE_POLICY, {
      input: {
        code: `BT_POL_${stamp}`,
        title: `浏览器测试专项补贴 ${stamp}`,
        kind: 'OTHER',
        basis: '浏览器测试依据',
        budget: '1000.00',
        validFrom: '2025-01-01',
        eligibility: {},
      },
    })
  ).createPolicy;
  const apply = async (amount: string, why: string) =>
    (
      await firm.gql(APPLY, {
        input: { policyId: policy.id, tenantId, requestedAmount: amount, justification: why },
      })
    ).applyForBenefit as { id: string; requestedAmount: string };
  const first = await apply('700.00', '首批设备购置');
  const second = await apply('500.00', '第二批设备购置');
  const third = await apply('500.00', '第三批设备购置');

  // 700 is granted through the API: 300 is left.
  await officer.gql(DECIDE, { input: { id: first.id, approve: true } });
  const before = ((await officer.gql(POLICIES)).policies as Policy[]).find(
    (p) => p.id === policy.id,
  )!;
  expect(before).toMatchObject({ granted: '700.00', remaining: '300.00' });

  // What the API says to a grant of 500 from those 300 (asked of the third application).
  const refused = await officer.raw(DECIDE, { input: { id: third.id, approve: true } });
  expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  const sentence = refused.errors![0].message;
  expect(sentence).toContain('300.00');

  await signIn(page, ACCOUNTS.POLICY_OFFICER);
  await page.getByRole('navigation').getByRole('link', { name: '政策兑现' }).click();
  await expect(page).toHaveURL(/\/benefits$/);
  await expect(page.getByRole('heading', { level: 1, name: '政策兑现' })).toBeVisible();

  // The policy with its budget bar as the API has it.
  const row = page.locator(`tr[data-policy="${policy.code}"]`);
  await expect(row).toContainText(policy.title);
  await expect(row.locator('[data-field=budget]')).toHaveAttribute('data-value', before.budget);
  await expect(row.locator('[data-field=granted]')).toHaveAttribute('data-value', before.granted);
  await expect(row.locator('[data-field=remaining]')).toHaveAttribute(
    'data-value',
    before.remaining,
  );
  await expect(row.locator('[data-field=remaining]')).toHaveText('300.00');
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '70');
  expect(await axeProblems(page)).toEqual([]);

  // The queue, filtered to the policy: submitted ones first, with the firm's facts.
  await page.getByRole('tab', { name: /申报审核/ }).click();
  await expect(page).toHaveURL(/tab=applications/);
  await page.getByLabel('政策', { exact: true }).selectOption(policy.id);
  const card = page.locator(`[data-application="${second.id}"]`);
  await expect(card.locator('[data-status]').first()).toHaveAttribute('data-status', 'SUBMITTED');
  await expect(card.locator('[data-field=requestedAmount]')).toHaveAttribute(
    'data-value',
    second.requestedAmount,
  );
  await expect(card).toContainText('第二批设备购置');
  await expect(card.locator('[data-eligibility] [data-fact=zone]')).toBeVisible();
  await expect(card.locator('[data-condition=resident]')).toHaveAttribute('data-met', 'true');
  expect(
    await page
      .locator('[data-application]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-status'))),
  ).toEqual(['SUBMITTED', 'SUBMITTED', 'APPROVED']);

  // Approving the requested 500 (the default) is more than is left: the API's sentence shows.
  await card.getByRole('button', { name: /^审核/ }).click();
  const dialog = page.getByRole('dialog');
  const amount = dialog.getByLabel('核定金额（元）');
  await expect(amount).toHaveAttribute('name', 'grantedAmount');
  await expect(amount).toHaveValue('500.00');
  await expect(dialog.getByRole('radio', { name: '批准', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: '提交审核结论' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(sentence);
  await expect(alert).toContainText('剩余预算 300.00 元');
  expect(await axeProblems(page)).toEqual([]);

  // More than requested is the form's own refusal.
  await amount.fill('500.01');
  await dialog.getByRole('button', { name: '提交审核结论' }).click();
  await expect(dialog.locator('#grantedAmount_help')).toContainText('不能超过申请金额');

  // What is left, granted: the decision is taken and the bar is full.
  await amount.fill('300.00');
  await dialog.getByLabel('审核意见').fill('按剩余预算核定');
  await dialog.getByRole('button', { name: '提交审核结论' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.locator('[data-status]').first()).toHaveAttribute('data-status', 'APPROVED');
  await expect(card.locator('[data-field=grantedAmount]')).toHaveAttribute('data-value', '300.00');

  const decided = (
    (await officer.gql(APPLICATIONS)).benefitApplications as {
      id: string;
      status: string;
      grantedAmount: string;
    }[]
  ).find((a) => a.id === second.id)!;
  expect(decided).toMatchObject({ status: 'APPROVED', grantedAmount: '300.00' });
  const after = ((await officer.gql(POLICIES)).policies as Policy[]).find(
    (p) => p.id === policy.id,
  )!;
  expect(after).toMatchObject({ granted: '1000.00', remaining: '0.00' });

  await page.getByRole('tab', { name: /政策管理/ }).click();
  await expect(row.locator('[data-field=granted]')).toHaveAttribute('data-value', after.granted);
  await expect(row.locator('[data-field=remaining]')).toHaveAttribute(
    'data-value',
    after.remaining,
  );
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

  // Another application opens a fresh form with its own requested amount; rejecting needs a note.
  await page.getByRole('tab', { name: /申报审核/ }).click();
  const next = page.locator(`[data-application="${third.id}"]`);
  await next.getByRole('button', { name: /^审核/ }).click();
  await expect(amount).toHaveValue('500.00');
  await expect(dialog.getByLabel('审核意见')).toHaveValue('');
  await dialog.getByRole('radio', { name: '不予批准' }).check();
  await expect(dialog.getByLabel('核定金额（元）')).toHaveCount(0);
  await dialog.getByRole('button', { name: '提交审核结论' }).click();
  await expect(dialog.locator('#note_help')).toContainText('须填写审核意见');
  await dialog.getByLabel('审核意见').fill('预算已用完');
  await dialog.getByRole('button', { name: '提交审核结论' }).click();
  await expect(dialog).toBeHidden();
  await expect(next.locator('[data-status]').first()).toHaveAttribute('data-status', 'REJECTED');
  await expect(next.locator('[data-field=note]')).toHaveText('预算已用完');

  // The approved one is marked disbursed from the queue.
  const approved = page.locator(`[data-application="${first.id}"]`);
  await approved.getByRole('button', { name: '登记拨付' }).click();
  await page.getByRole('button', { name: '确认已拨付' }).click();
  await expect(approved.locator('[data-status]').first()).toHaveAttribute(
    'data-status',
    'DISBURSED',
  );
  const disbursed = (
    (await officer.gql(APPLICATIONS)).benefitApplications as { id: string; status: string }[]
  ).find((a) => a.id === first.id)!;
  expect(disbursed.status).toBe('DISBURSED');
});

test('the budget may not fall below what is granted: the API says so by the field', async ({
  page,
  request,
}) => {
  const officer = api(request, ACCOUNTS.POLICY_OFFICER);
  const firm = api(request, ACCOUNTS.TENANT_ADMIN);
  const tenantId: string = (await firm.gql(ME)).me.tenantId;
  const stamp = Date.now();
  const policy: Policy = (
    await officer.gql(CREATE_POLICY, {
      input: {
        code: `BT_EDIT_${stamp}`,
        title: `浏览器测试修改政策 ${stamp}`,
        kind: 'RD_SUBSIDY',
        basis: '浏览器测试依据',
        budget: '800.00',
        maxAmountPerTenant: '600.00',
        validFrom: '2025-01-01',
        eligibility: {},
      },
    })
  ).createPolicy;
  const made = (
    await firm.gql(APPLY, {
      input: {
        policyId: policy.id,
        tenantId,
        requestedAmount: '400.00',
        justification: '研发投入',
      },
    })
  ).applyForBenefit;
  await officer.gql(DECIDE, { input: { id: made.id, approve: true } });

  await signIn(page, ACCOUNTS.POLICY_OFFICER);
  await page.goto('/benefits');
  const row = page.locator(`tr[data-policy="${policy.code}"]`);
  await row.getByRole('button', { name: /编辑/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('[name=code]')).toBeDisabled();
  await expect(dialog.getByLabel('预算总额（元）')).toHaveValue('800.00');

  // Below the 400 granted: the API's message by `budget`.
  const refused = await officer.raw(
    `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { id } }`,
    { input: { id: policy.id, budget: '300.00' } },
  );
  const problem = (
    refused.errors![0].extensions!.fields as { field: string; message: string }[]
  )[0];
  expect(problem.field).toContain('budget');
  await dialog.getByLabel('预算总额（元）').fill('300.00');
  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog.locator('#budget_help')).toHaveText(problem.message);

  // A cap below what the firm was granted: the API's message by `maxAmountPerTenant`.
  await dialog.getByLabel('预算总额（元）').fill('900.00');
  await dialog.getByLabel('单户上限（元）').fill('100.00');
  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog.locator('#maxAmountPerTenant_help')).toContainText('400.00');

  // Within both, with a rule: saved, and the list shows it.
  await dialog.getByLabel('单户上限（元）').fill('500.00');
  await dialog.getByRole('group', { name: '所在园区' }).getByLabel('起步区').check();
  await dialog.getByLabel('最少入驻月数').fill('3');
  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('[data-field=budget]')).toHaveAttribute('data-value', '900.00');
  await expect(row.locator('[data-field=maxAmountPerTenant]')).toHaveAttribute(
    'data-value',
    '500.00',
  );
  await expect(row).toContainText('园区：起步区');
  await expect(row).toContainText('入驻满 3 个月');
  const saved = (
    (
      await officer.gql(
        `{ policies { id budget maxAmountPerTenant eligibility { zoneKinds minMonthsResident } } }`,
      )
    ).policies as {
      id: string;
      budget: string;
      maxAmountPerTenant: string;
      eligibility: { zoneKinds: string[]; minMonthsResident: number };
    }[]
  ).find((p) => p.id === policy.id)!;
  expect(saved).toMatchObject({
    budget: '900.00',
    maxAmountPerTenant: '500.00',
    eligibility: { zoneKinds: ['STARTUP'], minMonthsResident: 3 },
  });
});

test('a rent subsidy relieves rent by steps: made through the form, read in words', async ({
  page,
  request,
}) => {
  const officer = api(request, ACCOUNTS.POLICY_OFFICER);
  const stamp = Date.now();
  const code = `BT_RENT_${stamp}`;
  const title = `浏览器测试房租减免 ${stamp}`;

  await signIn(page, ACCOUNTS.POLICY_OFFICER);
  await page.goto('/benefits');
  await page.getByRole('button', { name: '新建政策' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('政策编码').fill(code);
  await dialog.getByLabel('政策类别').selectOption('RENT_SUBSIDY');
  await dialog.getByLabel('政策名称').fill(title);
  await dialog.getByLabel('政策依据').fill('参照武昌区房租减免做法');
  await dialog.getByLabel('预算总额（元）').fill('500000');

  // The rule is asked for a RENT_SUBSIDY only, when ticked: one step from month 1 to start with.
  const relief = dialog.getByLabel('在房租账单中直接减免租金');
  await expect(relief).toHaveAttribute('name', 'rentRelief');
  await relief.check();
  const from1 = dialog.getByLabel('第1档 起始月');
  await expect(from1).toHaveAttribute('name', 'fromMonth');
  await expect(from1).toHaveValue('1');
  await dialog.getByLabel('第1档 截止月').fill('12');
  await expect(dialog.getByLabel('第1档 减免比例')).toHaveAttribute('name', 'share');
  await dialog.getByLabel('第1档 减免比例').fill('1');

  // A second step starts after the first; one that overlaps it is told so by its fromMonth.
  await dialog.getByRole('button', { name: '添加一档' }).click();
  const from2 = dialog.getByLabel('第2档 起始月');
  await expect(from2).toHaveValue('13');
  await from2.fill('12');
  await dialog.getByLabel('第2档 截止月').fill('36');
  await dialog.getByLabel('第2档 减免比例').fill('0.5');
  await expect(dialog.locator('#steps_1_fromMonth_help')).toHaveText(
    '与第1档（第1–12个月）重叠，各档月份不能重叠。',
  );
  await dialog.getByRole('button', { name: '创建政策' }).click();
  await expect(dialog).toBeVisible();
  expect(await axeProblems(page)).toEqual([]);

  // Moving the first step's end clears the second's error; a share above 1 is refused by its field.
  // (An error that went away may stay in the DOM while Ant Design lets it go: what counts is
  // whether it is shown.)
  const overlap = dialog.getByText('与第1档（第1–12个月）重叠，各档月份不能重叠。');
  await dialog.getByLabel('第1档 截止月').fill('11');
  await expect(overlap).toBeHidden();
  await dialog.getByLabel('第1档 截止月').fill('12');
  await expect(overlap).toBeVisible();
  await from2.fill('13');
  await expect(overlap).toBeHidden();
  await dialog.getByLabel('第2档 减免比例').fill('1.5');
  await expect(dialog.locator('#steps_1_share_help')).toContainText('不超过 1');
  await dialog.getByLabel('第2档 减免比例').fill('0.5');

  // A third step added and removed again leaves the two.
  await dialog.getByRole('button', { name: '添加一档' }).click();
  await expect(dialog.getByLabel('第3档 起始月')).toHaveValue('37');
  await dialog.getByRole('button', { name: '删除第3档' }).click();
  await expect(dialog.getByLabel('第3档 起始月')).toHaveCount(0);

  await expect(dialog.getByLabel('单价上限（元/m²/月）')).toHaveAttribute('name', 'maxRatePerSqm');
  await dialog.getByLabel('单价上限（元/m²/月）').fill('80');
  await expect(dialog.getByLabel('面积上限（m²）')).toHaveAttribute('name', 'maxArea');
  await dialog.getByLabel('面积上限（m²）').fill('1000');
  await dialog.getByRole('button', { name: '创建政策' }).click();
  await expect(dialog).toBeHidden();

  // The API has the rule as typed, and the list reads it in words.
  const made = (
    (
      await officer.gql(
        `{ policies { code kind rentRelief { steps { fromMonth toMonth share } maxRatePerSqm maxArea } } }`,
      )
    ).policies as { code: string; kind: string; rentRelief: unknown }[]
  ).find((p) => p.code === code)!;
  expect(made).toMatchObject({
    kind: 'RENT_SUBSIDY',
    rentRelief: {
      steps: [
        { fromMonth: 1, toMonth: 12, share: '1.00' },
        { fromMonth: 13, toMonth: 36, share: '0.50' },
      ],
      maxRatePerSqm: '80.00',
      maxArea: '1000.00',
    },
  });
  const row = page.locator(`tr[data-policy="${code}"]`);
  await expect(row.locator('[data-relief]')).toHaveText(
    '第1–12个月 全免；第13–36个月 减半；单价上限 80 元/m²；面积上限 1000 m²',
  );

  // An edit shows the rule as it stands: updatePolicy does not change it.
  await row.getByRole('button', { name: /编辑/ }).click();
  await expect(dialog.locator('[data-relief]')).toHaveText(
    '第1–12个月 全免；第13–36个月 减半；单价上限 80 元/m²；面积上限 1000 m²',
  );
  await expect(dialog.getByLabel('第1档 起始月')).toHaveCount(0);
});
