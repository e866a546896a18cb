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

/** Rows per INSERT: large enough to be set-based, small enough to report progress. */
const CHUNK = 5000;

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
    file.rows.forEach((raw, i) => {
      const parsed = parseReportRow(raw);
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

        let newRevisions = 0;
        for (let start = 0; start < rows.length; start += CHUNK) {
          const chunk = rows.slice(start, start + CHUNK);
          newRevisions += await this.writeChunk(em, chunk, tenants, actor);
          progress('write', Math.min(start + CHUNK, rows.length), rows.length);
        }
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

  /** One chunk in two statements: retire the months' latest rows, insert the new revisions. */
  private async writeChunk(
    em: EntityManager,
    rows: ReportRow[],
    tenants: Map<string, KnownTenant>,
    actor: Actor | null,
  ): Promise<number> {
    const tenantIds = rows.map((r) => tenants.get(r.creditCode)!.id);
    const periods = rows.map((r) => r.period);
    const [, revised] = await em.query(
      `UPDATE output_reports r SET latest = false
       FROM unnest($1::uuid[], $2::char(7)[]) AS u(tenant_id, period)
       WHERE r.tenant_id = u.tenant_id AND r.period = u.period AND r.latest`,
      [tenantIds, periods],
    );
    await em.query(
      `INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue,
         rd_expense, employees, patents_filed, patents_granted, status, submitted_by)
       SELECT u.tenant_id, u.period,
         coalesce((SELECT max(o.revision) FROM output_reports o
                   WHERE o.tenant_id = u.tenant_id AND o.period = u.period), 0) + 1,
         true, u.output_value, u.revenue, u.rd_expense, u.employees, u.patents_filed,
         u.patents_granted, 'SUBMITTED', $9::uuid
       FROM unnest($1::uuid[], $2::char(7)[], $3::numeric[], $4::numeric[], $5::numeric[],
                   $6::int[], $7::int[], $8::int[])
         AS u(tenant_id, period, output_value, revenue, rd_expense, employees, patents_filed,
              patents_granted)`,
      [
        tenantIds,
        periods,
        rows.map((r) => r.outputValue),
        rows.map((r) => r.revenue),
        rows.map((r) => r.rdExpense),
        rows.map((r) => r.employees),
        rows.map((r) => r.patentsFiled),
        rows.map((r) => r.patentsGranted),
        actor?.userId ?? null,
      ],
    );
    return revised as number;
  }
}
