import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { constraintError } from '@jcv/database';
import { OutboxService } from '@jcv/notifications';
import { type Actor, BadInputError, ForeignReads, todayInShanghai } from '@jcv/shared';
import type { ImportResult } from './import-result.type.js';
import { FirstErrors } from './first-errors.js';
import { type FileSource, readReportFile } from './report-file-reader.js';
import {
  checkRowsInContext,
  type KnownTenant,
  type KnownTenants,
  parseReportRow,
  type ReportRow,
} from './report-row.js';
import { FILE_ARGUMENT } from './spreadsheets.args.js';

export type ImportPhase = 'read' | 'check' | 'write';

export interface ImportOptions {
  /** Today in Asia/Shanghai: months after it have not begun. */
  today?: string;
  /** Called as the import moves on, for a progress bar. */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /** How many problems to return at most (all are counted); at most MAX_ERRORS. */
  maxErrors?: number;
}

/** Problems listed in a result at most; errorCount counts them all. */
export const MAX_ERRORS = 1000;

/** Rows staged per statement: large enough to be set-based, small enough to show progress. */
const CHUNK = 10000;

/** Thrown inside the transaction to roll it back when a row is refused. */
class RowsRefused extends Error {
  constructor() {
    super('rows refused');
  }
}

/**
 * One import at a time in this process: a file being read holds its rows and shared text in
 * memory, so a second import waits for the first to finish instead of doubling that.
 */
let importQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = importQueue.then(work, work);
  importQueue = turn.catch(() => undefined);
  return turn;
}

/** What knownTenants reads of other libs' tables: lib tenants' tenants. */
export const KNOWN_TENANTS_READS = new ForeignReads(import.meta.url, 'knownTenants', {
  tenants: ['id', 'name', 'credit_code', 'entered_on', 'exited_on'],
});

/** What an import asks of lib notifications' webhook endpoints before it writes its events. */
export const IMPORT_EVENTS_READS = new ForeignReads(import.meta.url, 'eventsWanted', {
  webhook_endpoints: ['active', 'events'],
});

/** A tenant the rows name, with the firm's name for the events of its new revisions. */
type NamedTenant = KnownTenant & { name: string };

/** A revision the import wrote, as its INSERT returns it. */
interface InsertedRevision {
  id: string;
  tenant_id: string;
  period: string;
  status: string;
}

/**
 * Imports monthly reports from a spreadsheet, one row per tenant and month, keyed by the firm's
 * credit code or the tenant's platform id. Every row is checked first; then all rows are
 * written in one transaction, or none. A row equal to its month's latest revision is left as
 * it is (its status too); a month already reported with other figures gets a new revision, as
 * a resubmission would.
 */
@Injectable()
export class ReportImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** The API's form of the import: the file travels base64-encoded in the request. */
  importBase64(actor: Actor, fileName: string, contentBase64: string): Promise<ImportResult> {
    const compact = contentBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
      throw new BadInputError(FILE_ARGUMENT, 'is not base64');
    }
    return this.importFile(actor, fileName, Buffer.from(compact, 'base64'));
  }

  /** Imports a file's bytes, or the file at a path (read in pieces, never whole). */
  importFile(
    actor: Actor | null,
    fileName: string,
    source: FileSource,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    return oneAtATime(() => this.importNow(actor, fileName, source, options));
  }

  private async importNow(
    actor: Actor | null,
    fileName: string,
    source: FileSource,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const today = options.today ?? todayInShanghai();
    const progress = options.onProgress ?? (() => {});
    const limit = Math.min(options.maxErrors ?? MAX_ERRORS, MAX_ERRORS);
    // Rows are checked as they are read, so a file's cells are never all in memory at once.
    const rows: ReportRow[] = [];
    const rowErrors = new FirstErrors(limit);
    const codeProblems = new Map<string, string | null>();
    progress('read', 0, 1);
    const file = await readReportFile(fileName, source, (raw) => {
      const parsed = parseReportRow(raw, codeProblems);
      if (parsed.value) rows.push(parsed.value);
      else for (const e of parsed.errors) rowErrors.add(e);
    });
    progress('read', 1, 1);
    const total = file.rowsRead;
    const contextErrors = new FirstErrors(limit);
    const staleErrors = new FirstErrors(limit);

    const refused = (): ImportResult => {
      // Each list is in file order; so is their merge.
      const checked = new FirstErrors(limit);
      for (const e of FirstErrors.merge(contextErrors, staleErrors, limit)) checked.add(e);
      checked.count = contextErrors.count + staleErrors.count;
      return {
        fileName,
        rowsRead: total,
        imported: 0,
        newRevisions: 0,
        unchanged: 0,
        errorCount: rowErrors.count + checked.count,
        errors: FirstErrors.merge(rowErrors, checked, limit).map((e) => {
          const sheet = file.sheets[e.sheet];
          return { ...e, sheet: sheet?.name ?? null, header: sheet?.headers[e.column] };
        }),
      };
    };

    try {
      return await this.dataSource.transaction(async (em) => {
        // Writers of output_reports wait while a file is imported, and two imports take turns,
        // so revision numbers are computed on settled data; readers are not blocked.
        await em.query('LOCK TABLE output_reports IN SHARE ROW EXCLUSIVE MODE');
        progress('check', 0, total);
        const tenants = await this.knownTenants(em, rows);
        const tenantIds = checkRowsInContext(
          rows,
          tenants,
          today,
          (e) => contextErrors.add(e),
          (i) => file.sheets[i]?.name ?? null,
        );
        await this.stage(em, rows, tenantIds, (done) => progress('check', Math.round(done), total));
        // Under the lock taken above: no submission can come between this check and the write.
        await this.staleRevisions(em, limit, staleErrors);
        progress('check', total, total);
        if (rowErrors.count || contextErrors.count || staleErrors.count) throw new RowsRefused();

        // The new revisions come back for their events only when an endpoint wants them.
        const withEvents = await this.eventsWanted(em);
        const written = await this.write(em, rows.length, actor, withEvents, (done) =>
          progress('write', Math.round(done), rows.length),
        );
        const result: ImportResult = {
          fileName,
          rowsRead: total,
          imported: rows.length - written.unchanged,
          newRevisions: written.newRevisions,
          unchanged: written.unchanged,
          errorCount: 0,
          errors: [],
        };
        await this.audit.record(em, {
          actor,
          operation: 'importOutputReports',
          entity: 'OutputReport',
          after: {
            fileName,
            imported: result.imported,
            newRevisions: result.newRevisions,
            unchanged: result.unchanged,
          },
        });
        // One event per new revision, all in one statement, as a submission of each would make.
        await this.outbox.emitMany(
          em,
          'report.submitted',
          written.inserted.map((r) => ({
            reportId: r.id,
            tenantId: r.tenant_id,
            tenantName: (tenants.byId.get(r.tenant_id) as NamedTenant).name,
            period: r.period,
            status: r.status,
          })),
        );
        return result;
      });
    } catch (err) {
      if (err instanceof RowsRefused) return refused();
      throw constraintError(err) ?? err;
    }
  }

  /**
   * Whether an active endpoint subscribes to report.submitted, as the outbox would ask for a
   * batch this large (OutboxService.emitMany asks again). Reads IMPORT_EVENTS_READS.
   */
  private async eventsWanted(em: EntityManager): Promise<boolean> {
    const [{ wanted }] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM webhook_endpoints
         WHERE active AND (cardinality(events) = 0 OR $1 = ANY (events))) AS wanted`,
      ['report.submitted'],
    );
    return wanted;
  }

  /** The tenants the rows name, by id and by credit code. Reads tenants (KNOWN_TENANTS_READS). */
  private async knownTenants(em: EntityManager, rows: ReportRow[]): Promise<KnownTenants> {
    const codes = new Set<string>();
    const ids = new Set<string>();
    for (const r of rows) {
      if (r.tenantId) ids.add(r.tenantId);
      else if (r.creditCode) codes.add(r.creditCode);
    }
    const found: NamedTenant[] = await em.query(
      `SELECT id, name, credit_code AS "creditCode", entered_on::text AS "enteredOn",
              exited_on::text AS "exitedOn"
       FROM tenants WHERE credit_code = ANY($1::text[]) OR id = ANY($2::uuid[])`,
      [Array.from(codes), Array.from(ids)],
    );
    const byId = new Map<string, KnownTenant>();
    const byCode = new Map<string, KnownTenant>();
    for (const t of found) {
      byId.set(t.id, t);
      if (t.creditCode) byCode.set(t.creditCode, t);
    }
    return { byId, byCode };
  }

  /**
   * Stages the rows in chunks into a temporary table (for progress), each with where it is in
   * the file and the revision it was exported at; a row of an unknown tenant is staged without
   * one and matches nothing.
   */
  private async stage(
    em: EntityManager,
    rows: ReportRow[],
    tenantIds: string[],
    progress: (done: number) => void,
  ): Promise<void> {
    // Bulk statements run once: compiling them (JIT) costs more than it saves.
    await em.query('SET LOCAL jit = off');
    await em.query(
      `CREATE TEMP TABLE import_rows (sheet int, row_no int, tenant_id uuid, period char(7),
         output_value numeric, revenue numeric, rd_expense numeric, employees int,
         patents_filed int, patents_granted int, exported_revision int,
         revision int NOT NULL DEFAULT 1) ON COMMIT DROP`,
    );
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await em.query(
        `INSERT INTO import_rows (sheet, row_no, tenant_id, period, output_value, revenue,
           rd_expense, employees, patents_filed, patents_granted, exported_revision)
         SELECT * FROM unnest($1::int[], $2::int[], $3::uuid[], $4::char(7)[], $5::numeric[],
           $6::numeric[], $7::numeric[], $8::int[], $9::int[], $10::int[], $11::int[])`,
        [
          chunk.map((r) => r.sheet),
          chunk.map((r) => r.row),
          tenantIds.slice(start, start + CHUNK).map((id) => id || null),
          chunk.map((r) => r.period),
          chunk.map((r) => r.outputValue),
          chunk.map((r) => r.revenue),
          chunk.map((r) => r.rdExpense),
          chunk.map((r) => r.employees),
          chunk.map((r) => r.patentsFiled),
          chunk.map((r) => r.patentsGranted),
          chunk.map((r) => r.revision),
        ],
      );
      progress(Math.min(start + CHUNK, rows.length));
    }
    // The planner then knows how many rows are staged and joins them in one pass.
    await em.query('ANALYZE import_rows');
  }

  /**
   * Optimistic concurrency, in one statement: a staged row exported at a revision that is no
   * longer its month's latest was read before someone else's submission, and importing it would
   * silently overwrite that. Such rows are refused on their revision column, in file order (the
   * first `limit`, all counted). A row without a revision, or of a month not yet reported, is
   * not checked.
   */
  private async staleRevisions(
    em: EntityManager,
    limit: number,
    errors: FirstErrors,
  ): Promise<void> {
    const stale: {
      sheet: number;
      row: number;
      exported: number;
      latest: number;
      submittedAt: Date;
      total: string;
    }[] = await em.query(
      `SELECT u.sheet, u.row_no AS row, u.exported_revision AS exported, r.revision AS latest,
              r.submitted_at AS "submittedAt", count(*) OVER () AS total
       FROM import_rows u JOIN output_reports r
         ON r.tenant_id = u.tenant_id AND r.period = u.period AND r.latest
       WHERE u.exported_revision IS NOT NULL AND r.revision <> u.exported_revision
       ORDER BY u.sheet, u.row_no
       LIMIT $1`,
      // One row at least, for the count.
      [Math.max(limit, 1)],
    );
    for (const s of stale) {
      const submitted = todayInShanghai(new Date(s.submittedAt));
      errors.add({
        sheet: s.sheet,
        row: s.row,
        column: 'revision',
        message:
          s.latest > s.exported
            ? `revision ${s.exported} is out of date: the month has a newer revision ${s.latest} (submitted ${submitted}); export again`
            : `revision ${s.exported} is not the month's latest, which is revision ${s.latest} (submitted ${submitted}); export again`,
      });
    }
    // The rows past the first `limit` are counted, not listed.
    errors.count = stale.length ? Number(stale[0].total) : 0;
  }

  /**
   * Writes the staged rows set-based: one statement drops the rows equal to their month's
   * latest revision (left as they are, status and all), one retires the latest revisions of the
   * months that change, noting their numbers, and one inserts the new revisions. The latest
   * revision of a month is always its highest, so the next is one more.
   */
  private async write(
    em: EntityManager,
    staged: number,
    actor: Actor | null,
    withEvents: boolean,
    progress: (done: number) => void,
  ): Promise<{ newRevisions: number; unchanged: number; inserted: InsertedRevision[] }> {
    // numeric compares by value: 1000.1 in a file equals 1000.10 stored.
    const [, unchanged] = await em.query(
      `DELETE FROM import_rows u USING output_reports r
       WHERE r.tenant_id = u.tenant_id AND r.period = u.period AND r.latest
         AND r.output_value = u.output_value AND r.revenue = u.revenue
         AND r.rd_expense = u.rd_expense AND r.employees = u.employees
         AND r.patents_filed = u.patents_filed AND r.patents_granted = u.patents_granted`,
    );
    const [, revised] = await em.query(
      `WITH retired AS (
         UPDATE output_reports r SET latest = false FROM import_rows u
         WHERE r.tenant_id = u.tenant_id AND r.period = u.period AND r.latest
         RETURNING r.tenant_id, r.period, r.revision)
       UPDATE import_rows u SET revision = retired.revision + 1 FROM retired
       WHERE u.tenant_id = retired.tenant_id AND u.period = retired.period`,
    );
    progress(staged * 0.5);
    const inserted: InsertedRevision[] = await em.query(
      `INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue,
         rd_expense, employees, patents_filed, patents_granted, status, submitted_by)
       SELECT tenant_id, period, revision, true, output_value, revenue, rd_expense, employees,
         patents_filed, patents_granted, 'SUBMITTED', $1::uuid
       FROM import_rows
       ${withEvents ? 'RETURNING id, tenant_id, period, status' : ''}`,
      [actor?.userId ?? null],
    );
    await em.query('DROP TABLE import_rows');
    progress(staged);
    return { newRevisions: revised as number, unchanged: unchanged as number, inserted };
  }
}
