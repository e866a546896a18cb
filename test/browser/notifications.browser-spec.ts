import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

/**
 * The bell and `/notifications` as a firm's TENANT_ADMIN sees them: a report the committee
 * returns (through the API, as ADMIN) raises the bell's unread count without a reload; reading
 * the notification through its link opens the month's report form and the count falls; one is
 * marked read where it stands, and then all at once. Each count is compared with the API's.
 */

const SCREENSHOT = fileURLToPath(
  new URL('../../docs/screenshots/notifications.png', import.meta.url),
);

interface Note {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const NOTE_FIELDS = 'id kind title body link createdAt readAt';

interface Report {
  id: string;
  period: string;
  revision: number;
  status: 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
}

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** A DateTime as the console writes it: YYYY-MM-DD HH:mm in Asia/Shanghai. */
function shownTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The firm admin's unread count and newest notifications, as the API answers them. */
async function firmAdminNotifications(request: APIRequestContext, first = 5) {
  const { notifications } = await api(request, ACCOUNTS.TENANT_ADMIN).gql<{
    notifications: { unreadCount: number; totalCount: number; edges: { node: Note }[] };
  }>(
    `query($first: Int) { notifications(first: $first) { unreadCount totalCount edges { node { ${NOTE_FIELDS} } } } }`,
    { first },
  );
  return { ...notifications, latest: notifications.edges.map((e) => e.node) };
}

/**
 * A SUBMITTED report of the demo firm: its newest if it has one; else its newest RETURNED month,
 * resubmitted by its reporter (a new revision); else last month, submitted.
 */
async function firmSubmittedReport(request: APIRequestContext): Promise<Report> {
  const reporter = api(request, ACCOUNTS.TENANT_REPORTER);
  const { me } = await reporter.gql<{ me: { tenant: { id: string; outputReports: Report[] } } }>(
    '{ me { tenant { id outputReports { id period revision status } } } }',
  );
  const reports = [...me.tenant.outputReports].reverse();
  const submitted = reports.find((r) => r.status === 'SUBMITTED');
  if (submitted) return submitted;
  const period =
    reports.find((r) => r.status === 'RETURNED')?.period ?? previousMonth(today().slice(0, 7));
  const { submitOutputReport } = await reporter.gql<{ submitOutputReport: Report }>(
    `mutation($input: SubmitOutputReportInput!) {
      submitOutputReport(input: $input) { id period revision status } }`,
    {
      input: {
        tenantId: me.tenant.id,
        period,
        outputValue: '87654.32',
        revenue: '80000.00',
        rdExpense: '3210.00',
        employees: 19,
        patentsFiled: 0,
        patentsGranted: 0,
      },
    },
  );
  expect(submitOutputReport.status).toBe('SUBMITTED');
  return submitOutputReport;
}

/** The committee returns one of the firm's reports with a note (the API, as ADMIN). */
async function returnFirmReport(request: APIRequestContext, note: string): Promise<Report> {
  const report = await firmSubmittedReport(request);
  const { reviewOutputReport } = await api(request, ACCOUNTS.ADMIN).gql<{
    reviewOutputReport: Report;
  }>(
    `mutation($id: ID!, $note: String) {
      reviewOutputReport(id: $id, decision: RETURN, note: $note) { id period revision status } }`,
    { id: report.id, note },
  );
  expect(reviewOutputReport.status).toBe('RETURNED');
  return reviewOutputReport;
}

const bellOf = (page: Page) => page.getByRole('button', { name: /^通知，\d+ 条未读$/ });

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

function ensureDir(file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

test.describe('a firm’s notifications', () => {
  test('the bell count rises when its report is returned, and falls once it is read', async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    await signIn(page, ACCOUNTS.TENANT_ADMIN);
    const before = await firmAdminNotifications(request);
    const bell = bellOf(page);
    await expect(bell).toHaveAttribute('data-value', String(before.unreadCount));
    await expect(bell).toHaveAccessibleName(`通知，${before.unreadCount} 条未读`);

    const note = `研发投入与上月差异较大，请核对后重新报送（${Date.now()}）`;
    const report = await returnFirmReport(request, note);
    const after = await firmAdminNotifications(request);
    expect(after.unreadCount).toBe(before.unreadCount + 1);
    const n = after.latest[0];
    expect(n).toMatchObject({
      kind: 'REPORT_RETURNED',
      readAt: null,
      link: `/reports/new?period=${report.period}`,
    });
    expect(n.body).toContain(note);

    // The bell asks again every 10 s: the count rises on the page as it stands.
    await expect(bell).toHaveAttribute('data-value', String(before.unreadCount + 1), {
      timeout: 25_000,
    });
    await expect(bell).toHaveAccessibleName(`通知，${before.unreadCount + 1} 条未读`);

    // By keyboard: the panel opens with Enter, lists the newest first and unread, and closes
    // with Escape, giving the focus back to the bell.
    await bell.focus();
    await page.keyboard.press('Enter');
    await expect(bell).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator('.bell-panel');
    await expect(panel).toBeVisible();
    const first = panel.locator('li[data-notification-id]').first();
    await expect(first).toHaveAttribute('data-notification-id', n.id);
    await expect(first).toHaveAttribute('data-read', 'false');
    await expect(first.getByRole('link', { name: n.title })).toBeVisible();
    await expect(first.locator('time')).toHaveText(shownTime(n.createdAt));
    expect(await seriousViolations(page, '.bell')).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(first.getByRole('link', { name: n.title })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(bell).toBeFocused();

    // The panel's way to the whole list.
    await bell.click();
    await panel.getByRole('link', { name: '查看全部通知' }).click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await expect(panel).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('通知');
    const items = page.getByRole('list', { name: '通知列表' }).locator('li[data-notification-id]');
    await expect(items.first()).toHaveAttribute('data-notification-id', n.id);
    const item = page.locator(`.ntf-list li[data-notification-id="${n.id}"]`);
    await expect(item).toHaveAttribute('data-read', 'false');
    await expect(item).toHaveAttribute('data-kind', 'REPORT_RETURNED');
    await expect(item).toContainText('未读');
    await expect(item).toContainText('报表退回');
    await expect(item).toContainText(n.body);
    await expect(item.locator('time')).toHaveText(shownTime(n.createdAt));
    await expect(item.locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect(page.locator('[data-metric=unreadCount]')).toHaveAttribute(
      'data-value',
      String(before.unreadCount + 1),
    );
    // Newest first, as the API lists them.
    const shownIds = await items.evaluateAll((lis) =>
      lis.slice(0, 5).map((li) => li.getAttribute('data-notification-id')),
    );
    expect(shownIds).toEqual(after.latest.map((x) => x.id).slice(0, shownIds.length));
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: ensureDir(SCREENSHOT), animations: 'disabled' });

    // Read through its link: the month's form opens, and the notification is read.
    await item.getByRole('link', { name: n.title }).click();
    await page.waitForURL(
      (url) => url.pathname === '/reports/new' && url.searchParams.get('period') === report.period,
    );
    await expect(bell).toHaveAttribute('data-value', String(before.unreadCount));
    await expect(bell).toHaveAccessibleName(`通知，${before.unreadCount} 条未读`);
    const read = await firmAdminNotifications(request);
    expect(read.unreadCount).toBe(before.unreadCount);
    expect(read.latest.find((x) => x.id === n.id)?.readAt).toEqual(expect.any(String));

    // Back on the list it shows read, and "unread only" leaves it out.
    await page.goto('/notifications');
    await expect(item).toHaveAttribute('data-read', 'true');
    await expect(item).toContainText('已读');
    await expect(item.getByRole('button', { name: /标为已读/ })).toHaveCount(0);
    await page.getByLabel('只看未读').check();
    await expect(page).toHaveURL(/[?&]unread=true/);
    await expect(item).toHaveCount(0);
    await expect(page.locator('.ntf-list li[data-notification-id][data-read=true]')).toHaveCount(0);
  });

  test('one is marked read where it stands, then all at once', async ({ page, request }) => {
    test.setTimeout(150_000);
    await signIn(page, ACCOUNTS.TENANT_ADMIN);
    const before = await firmAdminNotifications(request);
    await returnFirmReport(request, `请补充从业人员说明（${Date.now()}）`);
    await returnFirmReport(request, `请补充专利申请说明（${Date.now()}）`);
    const after = await firmAdminNotifications(request);
    expect(after.unreadCount).toBe(before.unreadCount + 2);
    const [newest, second] = after.latest;

    await page.goto('/notifications');
    const bell = bellOf(page);
    await expect(bell).toHaveAttribute('data-value', String(after.unreadCount));
    const item = page.locator(`.ntf-list li[data-notification-id="${second.id}"]`);
    await expect(item).toHaveAttribute('data-read', 'false');
    await item.getByRole('button', { name: `将“${second.title}”标为已读` }).click();
    await expect(item).toHaveAttribute('data-read', 'true');
    await expect(bell).toHaveAttribute('data-value', String(after.unreadCount - 1));
    await expect(page.locator('[data-metric=unreadCount]')).toHaveAttribute(
      'data-value',
      String(after.unreadCount - 1),
    );
    await expect(page.locator(`.ntf-list li[data-notification-id="${newest.id}"]`)).toHaveAttribute(
      'data-read',
      'false',
    );
    expect((await firmAdminNotifications(request)).unreadCount).toBe(after.unreadCount - 1);

    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByText(`已将 ${after.unreadCount - 1} 条通知标为已读。`)).toBeVisible();
    await expect(bell).toHaveAttribute('data-value', '0');
    await expect(bell).toHaveAccessibleName('通知，0 条未读');
    await expect(page.locator('.ntf-list li[data-notification-id][data-read=false]')).toHaveCount(
      0,
    );
    await expect(page.getByRole('button', { name: '全部标为已读' })).toBeDisabled();
    expect((await firmAdminNotifications(request)).unreadCount).toBe(0);
  });
});
