import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { ParkService } from '@jcv/park';
import { constraintError } from '@jcv/database';
import { DomainError } from '@jcv/shared';
import { ReportExportService } from '../spreadsheets/report-export.service.js';
import { type CommandIo, println } from './cli-context.js';

const USAGE =
  'usage: node dist/libs/reporting/src/cli/export-reports.js --zone CODE|ID --year YYYY [--format xlsx|csv] [--out FILE]';

/** `export-reports`: a zone's reports for a year as .xlsx (or .csv) with bilingual headers. */
export async function exportReportsCommand(
  app: INestApplicationContext,
  args: string[],
  io: CommandIo,
): Promise<number> {
  let values: { zone?: string; year?: string; format?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        zone: { type: 'string' },
        year: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    println(io.err, `${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const year = Number(values.year);
  const format = (values.format ?? 'xlsx').toLowerCase();
  if (values.help || !values.zone || !Number.isInteger(year) || !['xlsx', 'csv'].includes(format)) {
    println(values.help ? io.out : io.err, USAGE);
    return values.help ? 0 : 2;
  }
  const zones = await app.get(ParkService).zones();
  const zone = zones.find((z) => z.id === values.zone || z.code === values.zone!.toUpperCase());
  if (!zone) {
    println(io.err, `no zone ${values.zone}; zones: ${zones.map((z) => z.code).join(', ')}`);
    return 2;
  }
  try {
    const file = await app
      .get(ReportExportService)
      .exportZoneYear(zone.id, year, format as 'xlsx' | 'csv');
    const out = values.out ?? file.fileName;
    await writeFile(out, file.content);
    println(io.out, `wrote ${file.rows} report rows of ${zone.code} ${year} to ${out}`);
    return 0;
  } catch (err) {
    const known = err instanceof DomainError ? err : constraintError(err);
    if (known) {
      println(io.err, known.message);
      return 1;
    }
    throw err;
  }
}
