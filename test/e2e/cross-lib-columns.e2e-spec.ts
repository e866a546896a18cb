// The raw SQL of some libs reads tables that another lib owns (one statement per figure is what
// keeps the dashboards fast). Each such statement declares its reads beside its SQL as a
// ForeignReads exported from its lib; here, per owning lib, every column other libs rely on must
// exist in a migrated database, so that renaming one fails the owner's tests, not a dashboard.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ForeignReads } from '@jcv/shared';
import { expectColumns, missingColumns } from '../support/columns.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ROOT = join(import.meta.dirname, '..', '..');
const LIBS = readdirSync(join(ROOT, 'libs')).filter((lib) =>
  existsSync(join(ROOT, 'libs', lib, 'src', 'index.ts')),
);

/** A lib's product sources: no specs, no migrations. */
function sourcesOf(lib: string): string[] {
  const src = join(ROOT, 'libs', lib, 'src');
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(f) && !f.includes('migrations'))
    .map((f) => join(src, f));
}

const libOf = (file: string) => relative(join(ROOT, 'libs'), file).split(/[\\/]/)[0];

/** The tables a source's SQL names after FROM, JOIN, UPDATE or INTO. */
const tablesIn = (text: string) =>
  new Set([...text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"?([a-z_]+)/g)].map((m) => m[1]));

/** Table → the lib whose entity maps it. */
const OWNER = new Map<string, string>();
for (const lib of LIBS) {
  for (const file of sourcesOf(lib)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_]+)'\)/g))
      OWNER.set(m[1], lib);
  }
}

/** Every declaration, from each lib's public API. */
const DECLARED: { reader: string; file: string; reads: ForeignReads }[] = [];
for (const lib of LIBS) {
  const api: Record<string, unknown> = await import(`@jcv/${lib}`);
  for (const value of Object.values(api)) {
    if (value instanceof ForeignReads) {
      const file = fileURLToPath(value.module);
      DECLARED.push({ reader: `${libOf(file)} ${value.statement}`, file, reads: value });
    }
  }
}

/** Owning lib → table → column → the statements of other libs that read it. */
const RELIED_ON = new Map<string, Map<string, Map<string, string[]>>>();
for (const { reader, reads } of DECLARED) {
  for (const [table, columns] of Object.entries(reads.reads)) {
    const owner = OWNER.get(table) ?? `(no lib owns ${table})`;
    const tables = RELIED_ON.get(owner) ?? new Map<string, Map<string, string[]>>();
    RELIED_ON.set(owner, tables);
    const byColumn = tables.get(table) ?? new Map<string, string[]>();
    tables.set(table, byColumn);
    for (const column of columns) byColumn.set(column, [...(byColumn.get(column) ?? []), reader]);
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe.each([...RELIED_ON.keys()].sort())('columns of lib %s that other libs read', (owner) => {
  const columns = [...RELIED_ON.get(owner)!].flatMap(([table, byColumn]) =>
    [...byColumn].map(([column, readers]) => [`${table}.${column}`, readers.join(', ')]),
  );
  it.each(columns)('%s, read by %s', async (qualified) => {
    expect(OWNER.has(qualified.split('.')[0])).toBe(true);
    const [table, column] = qualified.split('.');
    await expectColumns(t.dataSource, { [table]: [column] });
  });
});

describe('the declarations', () => {
  it('cover the statements of the milestones dashboard and of eligibility', () => {
    const readers = DECLARED.map((d) => d.reader);
    expect(readers).toEqual(
      expect.arrayContaining([
        'milestones firmFacts',
        'milestones projectFacts',
        'milestones outputFacts',
        'milestones contributorSql',
        'milestones tenantCounts',
        'benefits loadEligibilityFacts',
        'benefits benefitsGranted',
        'service-desk openServiceRequestsCount',
        'reporting overdueCount',
      ]),
    );
  });

  it("exist for every lib source whose SQL names another lib's table", () => {
    const undeclared: string[] = [];
    for (const lib of LIBS) {
      for (const file of sourcesOf(lib)) {
        for (const table of tablesIn(readFileSync(file, 'utf8'))) {
          const owner = OWNER.get(table);
          if (!owner || owner === lib) continue;
          const declared = DECLARED.some((d) => d.file === file && table in d.reads.reads);
          if (!declared) undeclared.push(`${relative(ROOT, file)} reads ${table} (lib ${owner})`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it("name only tables and columns that their module's SQL mentions", () => {
    const stale: string[] = [];
    for (const { reader, file, reads } of DECLARED) {
      const text = readFileSync(file, 'utf8');
      const tables = tablesIn(text);
      for (const [table, columns] of Object.entries(reads.reads)) {
        if (!tables.has(table)) stale.push(`${reader}: ${table}`);
        for (const column of columns) {
          if (!new RegExp(`\\b${column}\\b`).test(text))
            stale.push(`${reader}: ${table}.${column}`);
        }
      }
    }
    expect(stale).toEqual([]);
  });
});

describe('expectColumns', () => {
  it('names a column that a migration renamed', async () => {
    const qr = t.dataSource.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      await qr.query(`ALTER TABLE tenants RENAME COLUMN entered_on TO entry_day`);
      expect(
        await missingColumns(qr.manager, {
          tenants: ['id', 'entered_on'],
          zones: ['kind', 'no_such_column'],
        }),
      ).toEqual(['tenants.entered_on', 'zones.no_such_column']);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
    expect(await missingColumns(t.dataSource, { tenants: ['entered_on'] })).toEqual([]);
  });
});
