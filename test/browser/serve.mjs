// Starts the built platform for the browser tests, as a newcomer's `npm start` would run it
// (embedded database, demo park), on a fresh data folder and a copy of the console's build,
// both removed when it stops.
// Access tokens last 30 s here (the shortest the API allows), so every test also lives
// through the console's token refresh.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!existsSync('dist/src/main.js') || !existsSync('dist/console/index.html')) {
  console.error(
    'The browser tests need a build: run `npm run build` first (npm run test:browser does).',
  );
  process.exit(1);
}
const runDir = mkdtempSync(join(tmpdir(), 'jcv-browser-'));
const dataDir = join(runDir, 'data');
// The server serves its own copy of the console's build, so a rebuild while the tests run
// (`npm run build` in another terminal) cannot pull files from under a page being tested.
const consoleDir = join(runDir, 'console');
cpSync('dist/console', consoleDir, { recursive: true });
const child = spawn(process.execPath, ['dist/src/main.js'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'development',
    PORT: process.env.BROWSER_TEST_PORT ?? '3210',
    DATA_DIR: dataDir,
    CONSOLE_DIR: consoleDir,
    DATABASE_URL: '',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    ACCESS_TOKEN_TTL_SECONDS: '30',
    WORKER_IN_PROCESS: 'false',
    // The webhook pages' tests register a loopback http endpoint, which only this allows.
    WEBHOOK_ALLOW_INSECURE: 'true',
  },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  rmSync(runDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
