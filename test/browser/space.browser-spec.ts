import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

// The committee's space pages as the space manager: the vacancy map (房态图) compared with what the
// API answers, a space application approved onto a unit that then shows as let, an overlapping
// allocation refused with the period already let, and the area of a let unit refused.

const ZONES = `{ zones { id kind } }`;
const STOCK = `query($z: ID!) { zone(id: $z) { buildings { code units {
  id code kind area condition status
  currentLease { endDate tenant { name } }
  leases { startDate endDate status } } } } }`;
const ME = `{ me { tenantId tenant { name } } }`;
const APPLY = `mutation($input: ApplyForSpaceInput!) { applyForSpace(input: $input) { id status } }`;
const UNIT = `query($id: ID!) { unit(id: $id) { status currentLease { startDate endDate tenant { id } } } }`;

interface Lease {
  startDate: string;
  endDate: string;
  status: string;
}
interface Unit {
  id: string;
  code: string;
  kind: string;
  area: string;
  condition: string;
  status: string;
  currentLease: { endDate: string; tenant: { name: string } } | null;
  leases: Lease[];
}

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const overlaps = (leases: Lease[], from: string, to: string) =>
  leases.some((l) => l.status !== 'TERMINATED' && l.startDate <= to && from <= l.endDate);

/** Serious or critical WCAG 2.1 A/AA violations axe-core finds on the page as it is. */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

test.describe('space', () => {
  test('the vacancy map, approving an application onto a unit, and an overlap refused', async ({
    page,
    request,
  }) => {
    const manager = api(request, ACCOUNTS.SPACE_MANAGER);
    const firm = api(request, ACCOUNTS.TENANT_ADMIN);
    const today = todayInShanghai();
    const { zones } = await manager.gql(ZONES);
    const startup = (zones as { id: string; kind: string }[]).find((z) => z.kind === 'STARTUP')!;
    const stock = await manager.gql(STOCK, { z: startup.id });
    const units: Unit[] = (stock.zone.buildings as { units: Unit[] }[]).flatMap((b) => b.units);

    // A unit in service and free for the next year: the firm applies for one like it from today.
    const toDate = addDays(today, 364);
    const target = units.find(
      (u) =>
        u.condition === 'IN_SERVICE' && !overlaps(u.leases, today, toDate) && u.kind === 'OFFICE',
    );
    expect(target, 'an office free for the next year').toBeTruthy();
    const { me } = await firm.gql(ME);
    const purpose = `浏览器测试用房申请 ${Date.now()}`;
    const { applyForSpace } = await firm.gql(APPLY, {
      input: {
        tenantId: me.tenantId,
        zoneId: startup.id,
        unitKind: target!.kind,
        area: target!.area,
        fromDate: today,
        toDate,
        purpose,
      },
    });
    expect(applyForSpace.status).toBe('SUBMITTED');

    await signIn(page, ACCOUNTS.SPACE_MANAGER);
    await page.getByRole('navigation').getByRole('link', { name: '空间房态' }).click();
    await expect(page).toHaveURL(/\/space$/);
    await expect(page.getByRole('heading', { level: 1, name: '空间房态' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '房态图', selected: true })).toBeVisible();
    await expect(page.getByRole('list', { name: '图例' })).toContainText('即将到期');

    // Every unit of the zone is a tile; a free one is free for the API too, and says so in words.
    await expect(page.locator('button[data-unit-id]')).toHaveCount(units.length);
    const freeTile = page.locator('button[data-unit-id][data-status="FREE"]').first();
    const freeId = await freeTile.getAttribute('data-unit-id');
    const free = units.find((u) => u.id === freeId)!;
    expect(free.status).toBe('AVAILABLE');
    await expect(freeTile).toHaveAccessibleName(`${free.code} 空置`);
    await freeTile.hover();
    await expect(page.getByRole('tooltip').filter({ hasText: free.code })).toContainText('空置');

    // A let tile tells its tenant and lease end on focus (keyboard), not only on hover.
    const let1 = units.find(
      (u) =>
        u.status === 'LEASED' &&
        u.leases.filter((l) => l.status !== 'TERMINATED').length === 1 &&
        u.currentLease!.endDate > addDays(today, 90),
    )!;
    const letTile = page.locator(`button[data-unit-id="${let1.id}"]`);
    await expect(letTile).toHaveAttribute('data-status', 'LET');
    await page.mouse.move(0, 0);
    await letTile.focus();
    const tip = page.getByRole('tooltip').filter({ hasText: let1.code });
    await expect(tip).toContainText(`承租企业：${let1.currentLease!.tenant.name}`);
    await expect(tip).toContainText(`租期至：${let1.currentLease!.endDate}`);
    await expect(letTile).toHaveAccessibleDescription(new RegExp(let1.currentLease!.tenant.name));

    const targetTile = page.locator(`button[data-unit-id="${target!.id}"]`);
    await expect(targetTile).toHaveAttribute('data-status', 'FREE');

    // The queue: the new application, SUBMITTED; approve it onto the unit, offered as fitting.
    await page.getByRole('navigation').getByRole('link', { name: '入驻申请' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '入驻申请' })).toBeVisible();
    const row = page.locator(`tr[data-application="${applyForSpace.id}"]`);
    await expect(row).toContainText(me.tenant.name);
    await expect(row).toContainText(purpose);
    await expect(row).toContainText(`${today} – ${toDate}`);
    await expect(row.locator('[data-status]')).toHaveText('待审批');
    await row.getByRole('button', { name: `批准 ${me.tenant.name} 的申请` }).click();
    const dialog = page.getByRole('dialog');
    const unitPicker = dialog.getByLabel('分配单元');
    await expect(unitPicker).toHaveAttribute('name', 'unitId');
    const fitting = unitPicker.locator('optgroup[label="符合申请的空置单元"]');
    await expect(fitting.locator(`option[value="${target!.id}"]`)).toHaveCount(1);
    await unitPicker.selectOption(target!.id);
    await dialog.getByLabel('审批意见（选填）').fill('浏览器测试批准');
    await dialog.getByRole('button', { name: '批准并出租' }).click();
    await expect(dialog).toBeHidden();
    await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'APPROVED');
    await expect(row.locator('[data-field=decision]')).toContainText(`已分配 ${target!.code}`);

    const { unit } = await manager.gql(UNIT, { id: target!.id });
    expect(unit.status).toBe('LEASED');
    expect(unit.currentLease).toMatchObject({ startDate: today, endDate: toDate });

    // Back on the map the unit is let.
    await page.getByRole('navigation').getByRole('link', { name: '空间房态' }).click();
    await expect(targetTile).toHaveAttribute('data-status', 'LET');
    await expect(targetTile).toHaveAccessibleName(`${target!.code} 已出租`);

    // Letting it again for a period inside that lease: the database refuses, the API names it.
    await targetTile.click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toContainText(`单元 ${target!.code}`);
    await expect(drawer.locator(`[data-unit-id="${target!.id}"]`)).toHaveAttribute(
      'data-status',
      'LET',
    );
    await expect(drawer.locator('tr[data-lease-id]')).toContainText([me.tenant.name]);
    await drawer.getByRole('tab', { name: '分配单元' }).click();
    await drawer.getByLabel('按名称查找企业').fill(me.tenant.name);
    const tenantPicker = drawer.getByLabel('承租企业');
    await expect(tenantPicker).toHaveAttribute('name', 'tenantId');
    await expect(tenantPicker.locator(`option[value="${me.tenantId}"]`)).toHaveCount(1);
    await tenantPicker.selectOption(me.tenantId);
    await drawer.getByLabel('起租日').fill(addDays(today, 30));
    await drawer.getByLabel('到期日').fill(addDays(today, 60));
    await drawer.getByRole('button', { name: /分配单元/ }).click();
    await expect(drawer.getByRole('alert')).toHaveText(
      `Unit ${target!.code} is already let from ${today} to ${toDate}`,
    );
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // Its area cannot change while it is let: said next to the area field.
    await page.getByRole('tab', { name: '楼宇与单元' }).click();
    await page.getByRole('button', { name: `编辑单元 ${target!.code}` }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('面积（m²）').fill('999.99');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await expect(edit.locator('#area_help')).toHaveText(
      `cannot change while the unit is let (until ${toDate})`,
    );
  });

  test('the analyst may not open the space pages', async ({ page }) => {
    await signIn(page, ACCOUNTS.ANALYST);
    await expect(page.getByRole('navigation').getByRole('link', { name: '空间房态' })).toHaveCount(
      0,
    );
    await page.goto('/space');
    await expect(page.getByText('403')).toBeVisible();
    await expect(page.locator('button[data-unit-id]')).toHaveCount(0);
  });

  test('the space pages, the unit drawer and the approval form have no serious accessibility violation', async ({
    page,
  }) => {
    test.slow(); // axe-core reads a hundred tiles six times
    await signIn(page, ACCOUNTS.SPACE_MANAGER);
    await page.goto('/space');
    await expect(page.locator('button[data-unit-id]').first()).toBeVisible();
    expect({ at: 'map', v: await seriousViolations(page) }).toEqual({ at: 'map', v: [] });

    await page.locator('button[data-unit-id][data-status="LET"]').first().click();
    await expect(page.locator('tr[data-lease-id]').first()).toBeVisible();
    expect({ at: 'drawer', v: await seriousViolations(page) }).toEqual({ at: 'drawer', v: [] });
    await page.getByRole('dialog').getByRole('tab', { name: '分配单元' }).click();
    await expect(page.locator('#tenantId option').nth(1)).toBeAttached();
    expect({ at: 'allocate', v: await seriousViolations(page) }).toEqual({ at: 'allocate', v: [] });
    await page.keyboard.press('Escape');

    await page.goto('/space?zone=EXPANSION&view=buildings');
    await expect(page.locator('tr[data-unit-row]').first()).toBeVisible();
    expect({ at: 'buildings', v: await seriousViolations(page) }).toEqual({
      at: 'buildings',
      v: [],
    });

    await page.goto('/space/applications');
    await expect(page.locator('tr[data-application]').first()).toBeVisible();
    expect({ at: 'queue', v: await seriousViolations(page) }).toEqual({ at: 'queue', v: [] });
    await page
      .getByRole('button', { name: /^批准 / })
      .first()
      .click();
    await expect(page.locator('#unitId option').nth(1)).toBeAttached();
    expect({ at: 'approve', v: await seriousViolations(page) }).toEqual({ at: 'approve', v: [] });
  });
});
