import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { constraintError } from '@jcv/database';
import { DomainError } from '@jcv/shared';
import { describeColumn } from '../spreadsheets/report-columns.js';
import { type ImportPhase, ReportImportService } from '../spreadsheets/report-import.service.js';
import { type CommandIo, println } from './cli-context.js';

const USAGE =
  'usage: npm run import:reports -- FILE   (.xlsx or .csv, one row per tenant and month)';
const PHASES: Record<ImportPhase, string> = {
  read: 'reading ',
  check: 'checking',
  write: 'writing ',
};

/**
 * `import:reports FILE`: checks every row, shows progress, writes all rows or none. The file is
 * read in pieces, never whole, with the same limits as the API. Exits 0 when imported, 1 when
 * the file or a row is refused (the first 1000 problems printed with their row and column), 2
 * on a usage error.
 */
export async function importReportsCommand(
  app: INestApplicationContext,
  args: string[],
  io: CommandIo,
  today?: string,
): Promise<number> {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file || args.includes('--help')) {
    println(file ? io.out : io.err, USAGE);
    return file ? 0 : 2;
  }
  try {
    if (!(await stat(file)).isFile()) {
      println(io.err, `cannot read ${file}: not a file`);
      return 2;
    }
  } catch (err) {
    println(io.err, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return 2;
  }
  const bar = new SingleBar({
    stream: io.err,
    noTTYOutput: true,
    notTTYSchedule: 1000,
    hideCursor: true,
    format: '{phase} [{bar}] {percentage}% | {value}/{total} rows',
  });
  let started = false;
  const onProgress = (phase: ImportPhase, done: number, total: number) => {
    if (phase === 'read') return;
    if (!started) {
      bar.start(total, done, { phase: PHASES[phase] });
      started = true;
    }
    bar.setTotal(total);
    bar.update(done, { phase: PHASES[phase] });
  };

  const name = basename(file);
  const startedAt = process.hrtime.bigint();
  try {
    const result = await app
      .get(ReportImportService)
      .importFile(null, name, { path: file }, { onProgress, today });
    if (started) bar.stop();
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    if (result.errorCount) {
      const listed =
        result.errors.length < result.errorCount ? ` (the first ${result.errors.length})` : '';
      println(
        io.err,
        `${name}: refused, nothing was written. ${result.errorCount} problem(s)${listed}:`,
      );
      for (const e of result.errors) {
        const column = e.header ? `"${e.header}" (${e.column})` : describeColumn(e.column as never);
        const sheet = e.sheet ? `sheet "${e.sheet}", ` : '';
        println(io.err, `  ${sheet}row ${e.row}, column ${column}: ${e.message}`);
      }
      return 1;
    }
    const rate = seconds > 0 ? Math.round(result.rowsRead / seconds) : result.rowsRead;
    println(
      io.out,
      `${name}: imported ${result.imported} rows (${result.newRevisions} as new revisions of months already reported), ${result.unchanged} unchanged, in ${seconds.toFixed(2)} s, ${rate} rows/s`,
    );
    return 0;
  } catch (err) {
    if (started) bar.stop();
    const known = err instanceof DomainError ? err : constraintError(err);
    if (known) {
      const detail = known.fields?.map((f) => f.message).join('; ') ?? known.message;
      println(io.err, `${name}: refused, nothing was written: the file ${detail}`);
      return 1;
    }
    throw err;
  }
}
