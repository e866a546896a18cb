import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

// `npm run build:prod`, the build of the Docker image, holds the product only: no demo park and
// no test code, and nothing in it reaches for them.

const ROOT = resolve(import.meta.dirname, '..', '..');
let out: string;
let files: string[];

function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isSymbolicLink()) return [];
    return e.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

/** The specifiers of every import, export … from and literal import() of a compiled file. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const p of patterns) for (const m of code.matchAll(p)) found.push(m[2]);
  return found;
}

const inDemoOrTest = (path: string) => /^(seeds\/demo|test)(\/|$)/.test(path);

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'jcv-prod-'));
  const r = spawnSync(
    process.execPath,
    ['scripts/build.mjs', '--project', 'tsconfig.prod.json', '--out', out],
    { cwd: ROOT, encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`build:prod failed:\n${r.stdout}${r.stderr}`);
  files = filesUnder(out);
}, 200_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the production build', () => {
  it('holds the API, the worker, the libs and the seed data', () => {
    for (const f of [
      'src/main.js',
      'src/app.module.js',
      'apps/worker/src/main.js',
      'libs/jobs/src/index.js',
      'libs/database/src/cli/migrations.js',
      'seeds/index.js',
      'seeds/park.json',
      'seeds/targets.json',
    ]) {
      expect(files).toContain(f);
    }
  });

  it('holds no file of the demo park or of the tests, nor any compiled from them', () => {
    expect(files.filter(inDemoOrTest)).toEqual([]);
    expect(files.filter((f) => /\.(e2e-)?spec\.js(\.map)?$/.test(f))).toEqual([]);
    const fromDemoOrTest = files
      .filter((f) => f.endsWith('.map'))
      .filter((f) =>
        (JSON.parse(readFileSync(join(out, f), 'utf8')).sources as string[]).some((s) =>
          inDemoOrTest(
            relative(ROOT, resolve(dirname(join(out, f)), s))
              .split(sep)
              .join('/'),
          ),
        ),
      );
    expect(fromDemoOrTest).toEqual([]);
  });

  it('imports nothing outside itself but packages', () => {
    const broken: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.js'))) {
      for (const s of specifiers(readFileSync(join(out, f), 'utf8'))) {
        // The libs' aliases are rewritten to relative paths, which must lead to built files.
        if (s.startsWith('@jcv/')) broken.push(`${f} → ${s}`);
        if (!s.startsWith('.')) continue;
        if (!existsSync(resolve(dirname(join(out, f)), s))) broken.push(`${f} → ${s}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('names the demo park only where SEED_DEMO would load it, and refuses SEED_DEMO then', () => {
    const naming = files
      .filter((f) => f.endsWith('.js'))
      .filter((f) => readFileSync(join(out, f), 'utf8').includes('seeds/demo'));
    expect(naming).toEqual(['src/seed/demo-park.js']);

    // As the image runs it, with its packages, but in development, where SEED_DEMO may be on.
    symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    const r = spawnSync(process.execPath, [join(out, 'src/main.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        SEED_DEMO: 'true',
        DATA_DIR: 'memory://',
        PORT: '0',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'SEED_DEMO is on, but this build holds no demo park (seeds/demo): set SEED_DEMO=false',
    );
  });
});
