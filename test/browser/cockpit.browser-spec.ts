import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { ACCOUNTS, api, expect, signIn, test } from './support';

// The zone cockpit (web-console.md, "The cockpit"): what it shows is what the API answers for the
// same year and day. Selectors follow the page's documented attributes (CockpitPage.tsx): a card
// is the element with data-status, its actual the one figure in it without data-field.

const SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/cockpit.png', import.meta.url));

interface Progress {
  actual: string;
  forecast: string;
  status: string;
  target: { id: string; metric: string; target: string; zone: { code: string } | null };
  contributors?: { id: string; name: string }[];
}

const PROGRESS = `query($year: Int!, $asOf: Date, $zoneId: ID) {
  milestoneProgress(year: $year, asOf: $asOf, zoneId: $zoneId) {
    actual forecast status target { id metric target zone { code } }
  }
}`;

interface Dashboard {
  residentTenants: number;
  newTenants: number;
  overdueReports: number;
  openServiceRequests: number;
  benefitsGranted: string;
  outputValueYtd: string;
  billed: string;
  rentRelieved: string;
  collected: string;
  overdueBills: number;
  occupancy: { rate: number; leasedArea: string; totalArea: string };
}

/** Money as the console writes it: thousands grouped, two decimals (the API's are exact). */
function yuan(value: string): string {
  const [int, frac = ''] = value.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0').slice(0, 2)}`;
}

const ENGLISH: Record<string, string> = {
  ACHIEVED: 'Achieved',
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  BEHIND: 'Behind',
  MISSED: 'Missed',
  NOT_STARTED: 'Not started',
};

/** The year and day the page shows, from its URL. */
function viewOf(page: Page): { year: number; asOf: string } {
  const url = new URL(page.url());
  return { year: Number(url.searchParams.get('year')), asOf: url.searchParams.get('asOf') ?? '' };
}

/** The header's language switch, by the language it offers (its text). */
function languageButton(page: Page, offers: string) {
  return page.getByRole('banner').getByRole('button').filter({ hasText: offers });
}

function cardOf(page: Page, metric: string, zone: string) {
  return page.locator(`[data-status][data-metric="${metric}"][data-zone="${zone}"]`);
}

/** Every card the API gives for each zone (and the park) is on the page, with its values. */
async function expectCardsMatch(
  page: Page,
  gql: ReturnType<typeof api>['gql'],
  zones: { id: string; code: string }[],
  view: { year: number; asOf: string },
) {
  const scopes: { scope: string; list: Progress[] }[] = [];
  for (const z of zones) {
    const d = await gql<{ milestoneProgress: Progress[] }>(PROGRESS, { ...view, zoneId: z.id });
    scopes.push({ scope: z.code, list: d.milestoneProgress });
  }
  const all = await gql<{ milestoneProgress: Progress[] }>(PROGRESS, view);
  scopes.push({ scope: 'PARK', list: all.milestoneProgress.filter((p) => p.target.zone === null) });
  expect(scopes.reduce((n, s) => n + s.list.length, 0)).toBeGreaterThan(0);
  for (const { scope, list } of scopes) {
    await expect(page.locator(`[data-status][data-zone="${scope}"]`)).toHaveCount(list.length);
    for (const p of list) {
      const card = cardOf(page, p.target.metric, scope);
      await expect(card).toBeVisible();
      await expect(card).toHaveAttribute('data-status', p.status);
      await expect(card.locator('[data-value]:not([data-field])')).toHaveAttribute(
        'data-value',
        p.actual,
      );
      await expect(card.locator('[data-field="target"]')).toHaveAttribute(
        'data-value',
        p.target.target,
      );
      await expect(card.locator('[data-field="forecast"]')).toHaveAttribute(
        'data-value',
        p.forecast,
      );
    }
  }
  return scopes;
}

test.describe('the zone cockpit', () => {
  test('shows what the API counts, follows the year, the language and a click', async ({
    page,
    request,
  }) => {
    const { gql } = api(request, ACCOUNTS.ANALYST);
    await signIn(page, ACCOUNTS.ANALYST);

    // The first view, opened as a link is: navigation timing and the first card drawn.
    await page.goto('/cockpit');
    const firstCardAt = await page.waitForFunction(
      () =>
        document.querySelector('[data-status][data-metric]')?.getBoundingClientRect().height
          ? performance.now()
          : 0,
      undefined,
      { polling: 'raf' },
    );
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        responseEnd: Math.round(nav.responseEnd),
        domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
        load: Math.round(nav.loadEventEnd),
      };
    });
    console.log(
      `cockpit first view: first milestone card visible at ${Math.round(await firstCardAt.jsonValue())} ms ` +
        `after navigation start (navigation timing: response ${timing.responseEnd} ms, ` +
        `DOMContentLoaded ${timing.domContentLoaded} ms, load ${timing.load} ms)`,
    );

    // The URL says what is shown: today's year (clamped into the plan) and today.
    await expect(page).toHaveURL(/\/cockpit\?year=\d{4}&asOf=\d{4}-\d{2}-\d{2}$/);
    const view = viewOf(page);
    expect([2025, 2026, 2027]).toContain(view.year);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('驾驶舱');
    await expect(page.getByLabel('截至日期')).toHaveValue(view.asOf);

    const { zones } = await gql<{ zones: { id: string; code: string; kind: string }[] }>(
      '{ zones { id code kind } }',
    );
    const startup = zones.find((z) => z.kind === 'STARTUP')!;
    const expansion = zones.find((z) => z.kind === 'EXPANSION')!;
    const shownZones = [startup, expansion];
    const scopes = await expectCardsMatch(page, gql, shownZones, view);

    // The zones' figures are their dashboards' values.
    let billedSomewhere = false;
    for (const z of shownZones) {
      const { zoneDashboard: d } = await gql<{ zoneDashboard: Dashboard }>(
        `query($z: ID!, $y: Int!, $d: Date) { zoneDashboard(zoneId: $z, year: $y, asOf: $d) {
          residentTenants newTenants overdueReports openServiceRequests benefitsGranted outputValueYtd
          billed rentRelieved collected overdueBills
          occupancy { rate leasedArea totalArea } } }`,
        { z: z.id, y: view.year, d: view.asOf },
      );
      const figure = (metric: string) =>
        page.locator(`[data-metric="${metric}"][data-zone="${z.code}"]`);
      for (const field of [
        'residentTenants',
        'newTenants',
        'overdueReports',
        'openServiceRequests',
        'benefitsGranted',
        'outputValueYtd',
        'billed',
        'rentRelieved',
        'collected',
        'overdueBills',
      ]) {
        await expect(figure(field)).toHaveAttribute(
          'data-value',
          String(d[field as keyof Dashboard]),
        );
      }
      await expect(figure('occupancy.rate')).toHaveAttribute(
        'data-value',
        String(d.occupancy.rate),
      );
      await expect(figure('occupancy.leasedArea')).toHaveAttribute(
        'data-value',
        d.occupancy.leasedArea,
      );
      // The rent bills' figures beside their exact values, in 元 as the other money figures.
      for (const field of ['billed', 'rentRelieved', 'collected'] as const) {
        await expect(figure(field)).toHaveText(yuan(d[field]));
      }
      await expect(figure('overdueBills')).toHaveText(String(d.overdueBills));
      billedSomewhere ||= Number(d.billed) > 0;
    }
    // The demo park bills its firms every month up to the last: some zone has rent billed this
    // year, unless the year's first month is not over yet.
    expect(billedSomewhere || view.asOf.slice(5, 7) === '01').toBe(true);

    // The charts are ECharts' SVG, each named for screen readers.
    await expect(page.locator('figure[data-chart="output"] [role="img"] svg')).toBeVisible();
    await expect(page.locator('figure[data-chart="history"] [role="img"] svg')).toBeVisible();
    await expect(page.getByRole('img', { name: /园区产值/ })).toBeVisible();

    // The three-year plan: every year's status of the park's output target.
    for (const year of [2025, 2026, 2027]) {
      const { milestoneProgress } = await gql<{ milestoneProgress: Progress[] }>(PROGRESS, {
        year,
        asOf: view.asOf,
      });
      const park = milestoneProgress.find(
        (p) => p.target.zone === null && p.target.metric === 'ANNUAL_OUTPUT_VALUE',
      )!;
      const cell = page.locator(
        `[data-year="${year}"][data-metric="ANNUAL_OUTPUT_VALUE"][data-zone="PARK"]`,
      );
      await expect(cell.and(page.locator('[data-field="status"]'))).toHaveAttribute(
        'data-value',
        park.status,
      );
      await expect(cell.and(page.locator('[data-field="actual"]'))).toHaveAttribute(
        'data-value',
        park.actual,
      );
    }

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // A card opened with the keyboard lists the firms the API counts, adding up to the actual.
    const withFirms = scopes
      .flatMap((s) => s.list)
      .find((p) => p.target.metric === 'INDUSTRIALIZATION_PROJECTS' && p.actual !== '0.00');
    if (withFirms) {
      const { milestoneProgress } = await gql<{ milestoneProgress: Progress[] }>(
        `query($year: Int!, $asOf: Date, $zoneId: ID) {
          milestoneProgress(year: $year, asOf: $asOf, zoneId: $zoneId) {
            target { id } contributors { id name } } }`,
        { ...view, zoneId: expansion.id },
      );
      const firms = milestoneProgress.find(
        (p) => p.target.id === withFirms.target.id,
      )!.contributors!;
      await cardOf(page, 'INDUSTRIALIZATION_PROJECTS', expansion.code).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText('计入企业');
      for (const firm of firms) await expect(dialog).toContainText(firm.name);
      await expect(dialog.locator('[data-tenant-id]')).toHaveCount(firms.length);
      await expect(dialog.locator('[data-field="actual"]')).toHaveAttribute(
        'data-value',
        withFirms.actual,
      );
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }

    // Another year through the picker: the URL and the cards follow, and a reload keeps it.
    await page.getByRole('radiogroup', { name: '年度' }).getByText('2025 年').click();
    await expect(page).toHaveURL(new RegExp(`year=2025&asOf=${view.asOf}`));
    await expectCardsMatch(page, gql, shownZones, { year: 2025, asOf: view.asOf });
    await page.reload();
    await expect(page.getByRole('radio', { name: '2025 年' })).toBeChecked();
    await expectCardsMatch(page, gql, shownZones, { year: 2025, asOf: view.asOf });

    // Another day through the date field.
    const day = '2025-06-30';
    await page.getByLabel('截至日期').fill(day);
    await page.getByLabel('截至日期').press('Enter');
    await expect(page).toHaveURL(new RegExp(`year=2025&asOf=${day}`));
    await expectCardsMatch(page, gql, shownZones, { year: 2025, asOf: day });

    // English, one click away: <html lang> and the status words follow.
    const [first] = (
      await gql<{ milestoneProgress: Progress[] }>(PROGRESS, { year: 2025, asOf: day })
    ).milestoneProgress;
    await languageButton(page, 'English').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cockpit');
    await expect(
      cardOf(page, first.target.metric, first.target.zone?.code ?? 'PARK'),
    ).toContainText(ENGLISH[first.status]);
    // Back to Chinese: the choice is kept with the user, and the other tests expect Chinese.
    await languageButton(page, '简体中文').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('a view is a link: an unreadable year is clamped and written back', async ({ page }) => {
    await signIn(page, ACCOUNTS.ANALYST);
    await page.goto('/cockpit?year=2031&asOf=2027-03-01');
    await expect(page).toHaveURL(/\/cockpit\?year=2027&asOf=2027-03-01$/);
    await expect(page.getByRole('radio', { name: '2027 年' })).toBeChecked();
    await expect(page.locator('[data-status]').first()).toBeVisible();
  });
});
