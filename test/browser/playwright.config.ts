import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the console: Debian's Chromium (no browser download), driven by Playwright,
 * against the real API on an embedded database with the demo park (test/browser/serve.mjs).
 * `npm run test:browser` builds first. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
const port = Number(process.env.BROWSER_TEST_PORT ?? 3210);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.browser-spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  reporter: [['list']],
  outputDir: '../../dist/browser-test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    // The console then draws no animations: a dialog or a message is checked as it stands, not
    // half faded in (axe would measure the contrast of a fading text).
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The flags that keep Chromium from reaching for Google's services on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node test/browser/serve.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
