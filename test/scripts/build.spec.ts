import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { syncInto } from '../../scripts/sync-dir.mjs';

// `npm run build` must not pull files from under an API running from dist/: it builds beside
// dist/ and moves the result in, file by file, then removes only what no source makes any more.

const BUILD = resolve('scripts/build.mjs');
const dirs: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'jcv-build-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('moving a build into dist/', () => {
  it('replaces live files whole, removes stale ones, and leaves other builds alone', () => {
    const root = tree({
      'dist/src/live.js': 'old live',
      'dist/src/stale.js': 'stale',
      'dist/src/stale.js.map': '{}',
      'dist/gone/only.js': 'stale',
      'dist/.build-1/src/live.js': 'new live',
      'dist/.build-1/src/live.js.map': JSON.stringify({
        version: 3,
        file: 'live.js',
        sources: ['../../../src/live.ts'],
      }),
      'dist/.build-1/seeds/park.json': '{"code":"P"}',
      'dist/.build-2/src/other.js': 'another build in progress',
    });
    const dist = join(root, 'dist');
    // A running server holds the old file open: it must keep reading the old file whole.
    const fd = openSync(join(dist, 'src/live.js'), 'r');
    try {
      syncInto(join(dist, '.build-1'), dist, (name) => /^\.build-\d+$/.test(name));
      const buf = Buffer.alloc(64);
      expect(buf.toString('utf8', 0, readSync(fd, buf, 0, 64, 0))).toBe('old live');
    } finally {
      closeSync(fd);
    }
    expect(read(dist, 'src/live.js')).toBe('new live');
    expect(JSON.parse(read(dist, 'src/live.js.map')).sources).toEqual(['../../src/live.ts']);
    expect(read(dist, 'seeds/park.json')).toBe('{"code":"P"}');
    expect(existsSync(join(dist, 'src/stale.js'))).toBe(false);
    expect(existsSync(join(dist, 'src/stale.js.map'))).toBe(false);
    expect(existsSync(join(dist, 'gone'))).toBe(false);
    expect(existsSync(join(dist, '.build-1'))).toBe(false);
    expect(read(dist, '.build-2/src/other.js')).toBe('another build in progress');
  });
});

describe('npm run build on a small project', () => {
  const project = (main: string) =>
    tree({
      'package.json': '{"type":"module"}',
      'tsconfig.build.json': JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          sourceMap: true,
          rootDir: '.',
          outDir: './dist',
          types: [],
          paths: { '@x/*': ['./libs/*/src/index.ts'] },
        },
        include: ['src', 'libs'],
        'tsc-alias': { resolveFullPaths: true },
      }),
      'src/main.ts': main,
      'libs/util/src/index.ts': 'export const twice = (n: number): number => 2 * n;\n',
      'seeds/park.json': '{"code":"P"}',
      'seeds/notes.txt': 'not data',
      'dist/src/main.js': 'the previous build',
      'dist/src/removed.js': 'its source is gone',
    });
  const build = (cwd: string) =>
    spawnSync(process.execPath, [BUILD], { cwd, encoding: 'utf8', timeout: 120_000 });

  it('compiles, rewrites the aliases, copies the seed data and removes outputs without a source', () => {
    const root = project("import { twice } from '@x/util';\nexport const four = twice(2);\n");
    const r = build(root);
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(read(root, 'dist/src/main.js')).toContain("from '../libs/util/src/index.js'");
    expect(JSON.parse(read(root, 'dist/src/main.js.map')).sources).toEqual(['../../src/main.ts']);
    expect(existsSync(join(root, 'dist/libs/util/src/index.js'))).toBe(true);
    expect(read(root, 'dist/seeds/park.json')).toBe('{"code":"P"}');
    expect(existsSync(join(root, 'dist/seeds/notes.txt'))).toBe(false);
    expect(existsSync(join(root, 'dist/src/removed.js'))).toBe(false);
  });

  it('leaves dist/ as it was when the compile fails', () => {
    const root = project("export const n: number = 'not a number';\n");
    const r = build(root);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/TS2322/);
    expect(read(root, 'dist/src/main.js')).toBe('the previous build');
    expect(read(root, 'dist/src/removed.js')).toBe('its source is gone');
    expect(existsSync(join(root, 'dist/libs'))).toBe(false);
  });
});
