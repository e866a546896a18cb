import { expect } from '@jest/globals';
import type { Queryable } from '@jcv/shared';

/** Table → column names. */
export type ColumnsByTable = Readonly<Record<string, readonly string[]>>;

/**
 * The columns of `wanted` that the database's current schema does not have, as `table.column`,
 * from information_schema: what a migration renamed or dropped.
 */
export async function missingColumns(db: Queryable, wanted: ColumnsByTable): Promise<string[]> {
  const rows: { table_name: string; column_name: string }[] = await db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1::text[])`,
    [Object.keys(wanted)],
  );
  const present = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  return Object.entries(wanted)
    .flatMap(([table, columns]) => columns.map((column) => `${table}.${column}`))
    .filter((column) => !present.has(column));
}

/** Fails naming every column of `wanted` that the database lacks. */
export async function expectColumns(db: Queryable, wanted: ColumnsByTable): Promise<void> {
  expect(await missingColumns(db, wanted)).toEqual([]);
}
