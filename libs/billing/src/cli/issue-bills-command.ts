import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { Decimal } from 'decimal.js';
import { constraintError } from '@jcv/database';
import { DomainError } from '@jcv/shared';
import { BillsService } from '../bills/bills.service.js';

/** Where a command writes: standard output for results, standard error for progress. */
export interface CommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

const println = (stream: NodeJS.WritableStream, line = '') => stream.write(`${line}\n`);

const USAGE = 'usage: npm run bills -- --period YYYY-MM   (the month to bill, e.g. 2026-03)';
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/**
 * `bills --period YYYY-MM`: bills every firm with a lease in that month, showing the run's
 * steps, then prints what it made. Running a month again makes nothing new. Exits 0 when the
 * run is done, 1 when the month is refused (e.g. more than a month ahead), 2 on a usage error
 * (a missing or malformed --period).
 */
export async function issueBillsCommand(
  app: INestApplicationContext,
  args: string[],
  io: CommandIo,
  today?: string,
): Promise<number> {
  let values: { period?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { period: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (err) {
    println(io.err, `${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    println(io.out, USAGE);
    return 0;
  }
  if (!values.period) {
    println(io.err, `--period is missing\n${USAGE}`);
    return 2;
  }
  const period = values.period.trim();
  if (!PERIOD.test(period)) {
    println(
      io.err,
      `--period must be a month written YYYY-MM, with the month from 01 to 12, got "${values.period}"\n${USAGE}`,
    );
    return 2;
  }

  const bar = new SingleBar({
    stream: io.err,
    noTTYOutput: true,
    notTTYSchedule: 1000,
    hideCursor: true,
    format: '{step} [{bar}] {value}/{total}',
  });
  let started = false;
  const onStep = (step: string, done: number, total: number) => {
    if (!started) {
      bar.start(total, done, { step });
      started = true;
    }
    bar.setTotal(total);
    bar.update(done, { step });
  };
  const startedAt = process.hrtime.bigint();
  try {
    const run = await app.get(BillsService).issueBills(null, period, { onStep, today });
    if (started) bar.stop();
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const total = new Decimal(run.total).toFixed(2);
    println(
      io.out,
      `${run.period}: ${run.issued} bill(s) issued, total ${total}; ${run.existing} already issued before; in ${seconds.toFixed(2)} s`,
    );
    return 0;
  } catch (err) {
    if (started) bar.stop();
    const known = err instanceof DomainError ? err : constraintError(err);
    if (known) {
      const detail =
        known.fields?.map((f) => `${f.field} ${f.message}`).join('; ') ?? known.message;
      println(io.err, `${period}: refused, nothing was written: ${detail}`);
      return 1;
    }
    throw err;
  }
}
