import { isRealDate } from '@jcv/shared';

export interface WorkerOptions {
  /** Run the job once and exit, instead of daily. */
  once: boolean;
  /** The day to record with --once; today in Asia/Shanghai when left out. */
  date?: string;
  /** The hour (0–23, Asia/Shanghai) of the daily run. */
  hour: number;
}

export class WorkerUsageError extends Error {}

export const USAGE = `usage: node dist/apps/worker/src/main.js [--once] [--date YYYY-MM-DD]
  (no option)        run the milestone snapshot job every day at WORKER_RUN_HOUR (Asia/Shanghai)
  --once             run it once for today and exit
  --date YYYY-MM-DD  run it once for that day and exit`;

export const DEFAULT_RUN_HOUR = 23;

/** Reads the command line and WORKER_RUN_HOUR; anything unknown is refused with the usage. */
export function parseWorkerOptions(
  argv: string[],
  env: Record<string, string | undefined> = {},
): WorkerOptions {
  const options: WorkerOptions = { once: false, hour: DEFAULT_RUN_HOUR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--once') options.once = true;
    else if (arg === '--date' || arg.startsWith('--date=')) {
      const value = arg === '--date' ? argv[++i] : arg.slice('--date='.length);
      if (!value || !isRealDate(value))
        throw new WorkerUsageError(`--date must be a real date written YYYY-MM-DD\n${USAGE}`);
      options.date = value;
      options.once = true;
    } else throw new WorkerUsageError(`unknown argument "${arg}"\n${USAGE}`);
  }
  const raw = env.WORKER_RUN_HOUR;
  if (raw !== undefined && raw !== '') {
    const hour = Number(raw);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new WorkerUsageError(
        `WORKER_RUN_HOUR must be a whole number from 0 to 23, got "${raw}"`,
      );
    options.hour = hour;
  }
  return options;
}
