import { isRealDate } from '@jcv/shared';

export interface WorkerOptions {
  /** Run the jobs once and exit, instead of on their schedules. */
  once: boolean;
  /** The day to run them for with --once; today in Asia/Shanghai when left out. */
  date?: string;
}

export class WorkerUsageError extends Error {}

export const USAGE = `usage: node dist/apps/worker/src/main.js [--once] [--date YYYY-MM-DD]
  (no option)        run the scheduled jobs (milestone snapshots, rent bills, reminders) every day at
                     WORKER_RUN_HOUR, Asia/Shanghai, and send e-mails and webhooks every DELIVERY_POLL_MS
  --once             run the jobs once for today, send what is due, and exit
  --date YYYY-MM-DD  the same for that day`;

/** Reads the command line; anything unknown is refused with the usage. */
export function parseWorkerOptions(argv: string[]): WorkerOptions {
  const options: WorkerOptions = { once: false };
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
  return options;
}
