// `npm run build:console` (part of `npm run build`): types the console's GraphQL operations from
// schema.graphql (graphql-codegen), type-checks the console, builds it with Vite into a staging
// folder and moves it into dist/console without ever emptying it, so a running API keeps
// serving the old build until the new one is whole. Prints the size of the JavaScript a first
// visit loads (the entry and what index.html preloads), gzipped, against its budget.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { syncInto } from './sync-dir.mjs';

const TARGET = 'dist/console';
const STAGING = `dist/.console-${process.pid}`;
const BUDGET_KB = 500;

function run(bin, args, env = {}) {
  const r = spawnSync(process.execPath, [join('node_modules', bin), ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) {
    rmSync(STAGING, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
}

run('@graphql-codegen/cli/cjs/bin.js', ['--config', 'apps/console/codegen.yml', '--silent']);
run('typescript/bin/tsc', ['-p', 'apps/console/tsconfig.json']);
run(
  'vite/bin/vite.js',
  ['build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'],
  {
    CONSOLE_OUT_DIR: join(process.cwd(), STAGING),
  },
);

// What the first page load fetches: the scripts index.html names.
const html = readFileSync(join(STAGING, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gzip = 0;
for (const file of scripts) {
  const bytes = readFileSync(join(STAGING, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
syncInto(STAGING, TARGET);
const kb = (n) => (n / 1024).toFixed(1);
console.log(
  `console: initial JavaScript ${kb(gzip)} KB gzip (${kb(raw)} KB raw, ${scripts.length} files), budget ${BUDGET_KB} KB gzip${gzip / 1024 > BUDGET_KB ? ': OVER BUDGET' : ''}`,
);
if (!existsSync(join(TARGET, 'index.html'))) process.exit(1);
