// Moves a freshly built tree into the output folder without ever emptying it: each file is
// renamed over its old copy, so a process that opened or loaded the old file keeps it whole,
// and only then are the files that the new build no longer has removed.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Every file under dir, as paths relative to it; `skip` leaves out top-level entries. */
function filesUnder(dir, skip = () => false) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? join(rel, entry.name) : entry.name;
      if (!rel && skip(entry.name)) continue;
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  if (existsSync(dir)) walk('');
  return out;
}

/** Removes the folders under dir (not dir itself) that hold nothing any more. */
function removeEmptyDirs(dir, skip) {
  const prune = (rel) => {
    const abs = join(dir, rel);
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (!rel && skip(entry.name)) continue;
      if (entry.isDirectory()) prune(join(rel, entry.name));
    }
    if (rel && readdirSync(abs).length === 0) rmdirSync(abs);
  };
  if (existsSync(dir)) prune('');
}

/** A source map names its sources relative to itself: keep them right after the move. */
function relocateSourceMap(from, to) {
  const map = JSON.parse(readFileSync(from, 'utf8'));
  if (!Array.isArray(map.sources) || map.sourceRoot) return;
  map.sources = map.sources.map((s) =>
    relative(dirname(to), resolve(dirname(from), s))
      .split(sep)
      .join('/'),
  );
  writeFileSync(from, JSON.stringify(map));
}

/**
 * Puts the files of `staging` into `target` and removes from `target` every file the staging
 * tree does not have; top-level names for which `keep` is true (other builds' staging folders)
 * are left alone. `staging` is removed afterwards.
 */
export function syncInto(staging, target, keep = () => false) {
  const fresh = filesUnder(staging);
  const wanted = new Set(fresh);
  for (const rel of fresh) {
    const from = join(staging, rel);
    const to = join(target, rel);
    if (rel.endsWith('.map')) relocateSourceMap(from, to);
    mkdirSync(dirname(to), { recursive: true });
    if (existsSync(to) && statSync(to).isDirectory()) rmSync(to, { recursive: true });
    renameSync(from, to);
  }
  for (const rel of filesUnder(target, keep)) {
    if (!wanted.has(rel)) unlinkSync(join(target, rel));
  }
  removeEmptyDirs(target, keep);
  rmSync(staging, { recursive: true, force: true });
}
