import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { DomainError, todayInShanghai } from '@jcv/shared';
import { TorchExportService } from '../torch/torch-export.service.js';

/** Where a command writes: standard output for results, standard error for problems. */
export interface CommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

const println = (stream: NodeJS.WritableStream, line = '') => stream.write(`${line}\n`);

const USAGE =
  'usage: npm run statistics:torch -- --year YYYY [--park ID] [--out FILE]   (default file torch-statistics-YYYY.xlsx)';

/**
 * `statistics:torch --year YYYY [--park ID] [--out FILE]`: writes the park's Torch statistics
 * of the year as the workbook exportTorchStatistics answers, and prints where. Exits 0 when
 * written, 1 when refused (a year still to come, an unknown park, several parks and none
 * given), 2 on a usage error.
 */
export async function torchStatisticsCommand(
  app: INestApplicationContext,
  args: string[],
  io: CommandIo,
  today = todayInShanghai(),
): Promise<number> {
  let values: { year?: string; park?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        park: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    println(io.err, `${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    println(io.out, USAGE);
    return 0;
  }
  if (!values.year) {
    println(io.err, `--year is missing\n${USAGE}`);
    return 2;
  }
  if (!/^[0-9]{4}$/.test(values.year.trim())) {
    println(io.err, `--year must be a year written YYYY, got "${values.year}"\n${USAGE}`);
    return 2;
  }
  const year = Number(values.year.trim());
  try {
    const file = await app.get(TorchExportService).export(year, values.park, today);
    const out = values.out ?? file.fileName;
    await writeFile(out, file.content);
    const firms = `${file.rows} incubated firm${file.rows === 1 ? '' : 's'}`;
    println(io.out, `wrote the ${year} Torch statistics (${firms}) to ${out}`);
    return 0;
  } catch (err) {
    if (err instanceof DomainError) {
      const detail = err.fields?.map((f) => `${f.field} ${f.message}`).join('; ') ?? err.message;
      println(io.err, `${year}: refused: ${detail}`);
      return 1;
    }
    throw err;
  }
}
