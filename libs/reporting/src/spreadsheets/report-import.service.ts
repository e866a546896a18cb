import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { type Actor, BadInputError, todayInShanghai } from '@jcv/shared';
import { revisionConflict } from '../reports/report-submission.service.js';
import type { ImportResult } from './import-result.type.js';
import { readReportFile } from './report-file-reader.js';
import {
  checkRowsInContext,
  type KnownTenant,
  parseReportRow,
  type ReportRow,
  type RowError,
} from './report-row.js';

export type ImportPhase = 'read' | 'check' | 'write';

export interface ImportOptions {
  /** Today in Asia/Shanghai: months after it have not begun. */
  today?: string;
  /** Called as the import moves on, for a progress bar. */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /** How many problems to return at most (all are counted). */
  maxErrors?: number;
}

/** Rows staged per statement: large enough to be set-based, small enough to show progress. */
const CHUNK = 10000;

/** Thrown inside the transaction to roll it back when a row is refused. */
class RowsRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super('rows refused');
  }
}

/**
 * Imports monthly reports from a spreadsheet, one row per firm and month keyed by credit code.
 * Every row is checked first; then all rows are written in one transaction, or none. A month
 * already reported gets a new revision, as a resubmission would.
 */
@Injectable()
export class ReportImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The API's form of the import: the file travels base64-encoded in the request. */
  importBase64(actor: Actor, fileName: string, contentBase64: string): Promise<ImportResult> {
    const compact = contentBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
      throw new BadInputError('contentBase64', 'is not base64');
    }
    return this.importFile(actor, fileName, Buffer.from(compact, 'base64'), { maxErrors: 1000 });
  }

  async importFile(
    actor: Actor | null,
    fileName: string,
    content: Buffer,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    const today = options.today ?? todayInShanghai();
    const progress = options.onProgress ?? (() => {});
    progress('read', 0, 1);
    const file = await readReportFile(fileName, content);
    progress('read', 1, 1);

    const total = file.rows.length;
    const rows: ReportRow[] = [];
    const errors: RowError[] = [];
    const codeProblems = new Map<string, string | null>();
    file.rows.forEach((raw, i) => {
      const parsed = parseReportRow(raw, codeProblems);
      if (parsed.value) rows.push(parsed.value);
      else errors.push(...parsed.errors);
      if (i % 10000 === 0) progress('check', i, total);
    });

    const refused = (all: RowError[]): ImportResult => {
      all.sort((a, b) => a.row - b.row);
      return {
        fileName,
        rowsRead: total,
        imported: 0,
        newRevisions: 0,
        errorCount: all.length,
        errors: all
          .slice(0, options.maxErrors ?? all.length)
          .map((e) => ({ ...e, header: file.headers[e.column] })),
      };
    };

    try {
      return await this.dataSource.transaction(async (em) => {
        // Writers of output_reports wait while a file is imported, and two imports take turns,
        // so revision numbers are computed on settled data; readers are not blocked.
        await em.query('LOCK TABLE output_reports IN SHARE ROW EXCLUSIVE MODE');
        const tenants = await this.tenantsByCreditCode(em, rows);
        errors.push(...checkRowsInContext(rows, tenants, today));
        progress('check', total, total);
        if (errors.length) throw new RowsRefused(errors);

        const newRevisions = await this.write(em, rows, tenants, actor, (done) =>
          progress('write', Math.round(done), rows.length),
        );
        const result: ImportResult = {
          fileName,
          rowsRead: total,
          imported: rows.length,
          newRevisions,
          errorCount: 0,
          errors: [],
        };
        await this.audit.record(em, {
          actor,
          operation: 'importOutputReports',
          entity: 'OutputReport',
          after: { fileName, imported: rows.length, newRevisions },
        });
        return result;
      });
    } catch (err) {
      if (err instanceof RowsRefused) return refused(err.errors);
      throw revisionConflict(err) ?? err;
    }
  }

  private async tenantsByCreditCode(
    em: EntityManager,
    rows: ReportRow[],
  ): Promise<Map<string, KnownTenant>> {
    const codes = [...new Set(rows.map((r) => r.creditCode))];
    const found: (KnownTenant & { creditCode: string })[] = await em.query(
      `SELECT id, credit_code AS "creditCode", entered_on::text AS "enteredOn",
              exited_on::text AS "exitedOn"
       FROM tenants WHERE credit_code = ANY($1::text[])`,
      [codes],
    );
    return new Map(found.map((t) => [t.creditCode, t]));
  }

  /**
   * Writes the rows set-based: staged in chunks into a temporary table (for progress), then one
   * statement retires the months' latest revisions, noting their numbers, and one inserts the
   * new revisions. The latest revision of a month is always its highest, so the next is one
   * more. Returns how many months got a new revision.
   */
  private async write(
    em: EntityManager,
    rows: ReportRow[],
    tenants: Map<string, KnownTenant>,
    actor: Actor | null,
    progress: (done: number) => void,
  ): Promise<number> {
    // Bulk statements run once: compiling them (JIT) costs more than it saves.
    await em.query('SET LOCAL jit = off');
    await em.query(
      `CREATE TEMP TABLE import_rows (tenant_id uuid, period char(7), output_value numeric,
         revenue numeric, rd_expense numeric, employees int, patents_filed int,
         patents_granted int, revision int NOT NULL DEFAULT 1) ON COMMIT DROP`,
    );
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await em.query(
        `INSERT INTO import_rows (tenant_id, period, output_value, revenue, rd_expense,
           employees, patents_filed, patents_granted)
         SELECT * FROM unnest($1::uuid[], $2::char(7)[], $3::numeric[], $4::numeric[],
           $5::numeric[], $6::int[], $7::int[], $8::int[])`,
        [
          chunk.map((r) => tenants.get(r.creditCode)!.id),
          chunk.map((r) => r.period),
          chunk.map((r) => r.outputValue),
          chunk.map((r) => r.revenue),
          chunk.map((r) => r.rdExpense),
          chunk.map((r) => r.employees),
          chunk.map((r) => r.patentsFiled),
          chunk.map((r) => r.patentsGranted),
        ],
      );
      progress(Math.min(start + CHUNK, rows.length) * 0.5);
    }
    // The planner then knows how many rows are staged and joins them in one pass.
    await em.query('ANALYZE import_rows');
    const [, revised] = await em.query(
      `WITH retired AS (
         UPDATE output_reports r SET latest = false FROM import_rows u
         WHERE r.tenant_id = u.tenant_id AND r.period = u.period AND r.latest
         RETURNING r.tenant_id, r.period, r.revision)
       UPDATE import_rows u SET revision = retired.revision + 1 FROM retired
       WHERE u.tenant_id = retired.tenant_id AND u.period = retired.period`,
    );
    progress(rows.length * 0.6);
    await em.query(
      `INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue,
         rd_expense, employees, patents_filed, patents_granted, status, submitted_by)
       SELECT tenant_id, period, revision, true, output_value, revenue, rd_expense, employees,
         patents_filed, patents_granted, 'SUBMITTED', $1::uuid
       FROM import_rows`,
      [actor?.userId ?? null],
    );
    await em.query('DROP TABLE import_rows');
    progress(rows.length);
    return revised as number;
  }
}
