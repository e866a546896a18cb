/**
 * The columns of other libs' tables that one raw SQL statement reads. Such statements stay where
 * one statement per figure is what keeps a figure fast; they declare their reads beside the SQL,
 * and the owning lib's checks (test/e2e/cross-lib-columns.e2e-spec.ts) fail when a column
 * they rely on is renamed or dropped.
 */
export class ForeignReads {
  constructor(
    /** The module holding the statement: its `import.meta.url`. */
    readonly module: string,
    /** The statement, by the function or method that runs it. */
    readonly statement: string,
    /** Table → the columns the statement reads from it. */
    readonly reads: Readonly<Record<string, readonly string[]>>,
  ) {}
}
