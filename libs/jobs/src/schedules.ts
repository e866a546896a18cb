const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai is UTC+8 all year (China keeps no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** When a scheduled job runs; every time is read in Asia/Shanghai. */
export interface Schedule {
  /** For the log, e.g. "every day at 23:00". */
  readonly description: string;
  /** The run time of the period `now` is in (today for a daily schedule, this month for a monthly one). */
  currentRun(now: Date): Date;
  /** The first run time after `now`. */
  nextRun(now: Date): Date;
}

/**
 * Whether the current period's run time has come: a scheduler starting after it runs the job at
 * once, so that a restart never skips a day (or a month).
 */
export function runDue(schedule: Schedule, now: Date): boolean {
  return schedule.currentRun(now).getTime() <= now.getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every day at `hour`:00 Asia/Shanghai. */
export function daily(hour: number): Schedule {
  checkHour(hour);
  const currentRun = (now: Date) => {
    const local = now.getTime() + SHANGHAI_OFFSET_MS;
    const midnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
    return new Date(midnight + hour * HOUR_MS - SHANGHAI_OFFSET_MS);
  };
  return {
    description: `every day at ${pad(hour)}:00 Asia/Shanghai`,
    currentRun,
    nextRun(now) {
      const run = currentRun(now);
      return run > now ? run : new Date(run.getTime() + DAY_MS);
    },
  };
}

/** On day `day` (1–28, so that every month has it) of every month at `hour`:00 Asia/Shanghai. */
export function monthly(day: number, hour: number): Schedule {
  checkHour(hour);
  if (!Number.isInteger(day) || day < 1 || day > 28)
    throw new RangeError(`a monthly day must be from 1 to 28, got ${day}`);
  const runOf = (now: Date, monthsLater: number) => {
    const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
    const utc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + monthsLater, day, hour);
    return new Date(utc - SHANGHAI_OFFSET_MS);
  };
  return {
    description: `on day ${day} of every month at ${pad(hour)}:00 Asia/Shanghai`,
    currentRun: (now) => runOf(now, 0),
    nextRun(now) {
      const run = runOf(now, 0);
      return run > now ? run : runOf(now, 1);
    },
  };
}

function checkHour(hour: number): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new RangeError(`an hour must be from 0 to 23, got ${hour}`);
}
