import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './support';

/**
 * The main pages, checked by axe-core against WCAG 2.1 A and AA: no serious or critical
 * violation (labels, contrast, names of buttons and links, landmarks), in both languages.
 */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
}

/** Waits for the page's content (not its loading state) before checking it. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
}

const PAGES: [string, string[]][] = [
  [
    ACCOUNTS.ADMIN,
    [
      '/users',
      '/audit',
      '/targets',
      '/tenants',
      '/space',
      '/benefits',
      '/service-desk',
      '/reports',
      '/webhooks',
      '/notifications',
    ],
  ],
  [ACCOUNTS.ANALYST, ['/cockpit']],
  [ACCOUNTS.TENANT_ADMIN, ['/firm', '/benefits', '/service-desk', '/notifications']],
  [ACCOUNTS.TENANT_REPORTER, ['/reports', '/reports/new']],
  [ACCOUNTS.SERVICE_PROVIDER, ['/service-desk']],
];

test('the sign-in page has no serious accessibility violation', async ({ page }) => {
  await page.goto('/login');
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);
});

for (const [email, paths] of PAGES) {
  test(`${email}'s pages have no serious accessibility violation`, async ({ page }) => {
    await signIn(page, email);
    for (const path of paths) {
      await page.goto(path);
      await settled(page);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
  });
}
