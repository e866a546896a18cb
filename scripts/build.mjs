// `npm run build`: compiles the project into a staging folder inside dist/, rewrites the @jcv/*
// imports, adds the seed data files, then moves the result into dist/ file by file and removes
// the outputs whose source is gone. dist/ is never emptied, so an API running from it keeps
// serving while a command (import, export, worker, migrations, bench) builds; a failed compile
// leaves dist/ as it was.
//
// `--project tsconfig.prod.json` (`npm run build:prod`) compiles the product only: no demo park
// (seeds/demo) and no test code. `--out DIR` builds into DIR instead of dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { syncInto } from './sync-dir.mjs';

const { values: args } = parseArgs({
  options: {
    project: { type: 'string', default: 'tsconfig.build.json' },
    out: { type: 'string', default: 'dist' },
  },
});
const OUT = args.out;
const PROJECT = args.project;
const STAGING = /^\.build-(\d+)$/;
const CONSOLE = /^(console|\.console-\d+)$/;
const require = createRequire(import.meta.url);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function run(bin, args) {
  const r = spawnSync(process.execPath, [require.resolve(bin), ...args], { stdio: 'inherit' });
  if (r.status !== 0) throw Object.assign(new Error(`${bin} failed`), { exitCode: r.status ?? 1 });
}

// Staging folders left by a build that was killed.
if (existsSync(OUT)) {
  for (const name of readdirSync(OUT)) {
    const m = STAGING.exec(name);
    if (m && !isAlive(Number(m[1]))) rmSync(join(OUT, name), { recursive: true, force: true });
  }
}

const staging = join(OUT, `.build-${process.pid}`);
try {
  run('typescript/bin/tsc', ['-p', PROJECT, '--outDir', staging]);
  run('tsc-alias/dist/bin/index.js', ['-p', PROJECT, '--outDir', staging]);
  // tsc compiles TypeScript only; the seed data files travel beside their loader.
  mkdirSync(join(staging, 'seeds'), { recursive: true });
  for (const f of readdirSync('seeds')) {
    if (f.endsWith('.json') || f.endsWith('.csv'))
      cpSync(join('seeds', f), join(staging, 'seeds', f));
  }
  // dist/console is the console's build (scripts/build-console.mjs), not the API's.
  syncInto(staging, OUT, (name) => STAGING.test(name) || CONSOLE.test(name));
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  if (!err.exitCode) console.error(err);
  process.exit(err.exitCode ?? 1);
}
