const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai is UTC+8 all year (China keeps no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Milliseconds into the day in Asia/Shanghai. */
const shanghaiTimeOfDay = (now: Date) =>
  (((now.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;

/** How long from `now` until the next `hour`:00 in Asia/Shanghai (a full day when it is that instant). */
export function msUntilNextRun(now: Date, hour: number): number {
  const wait = hour * HOUR_MS - shanghaiTimeOfDay(now);
  return wait > 0 ? wait : wait + DAY_MS;
}

/** Whether today's run time in Asia/Shanghai has come: a worker starting later runs at once. */
export function runDueToday(now: Date, hour: number): boolean {
  return shanghaiTimeOfDay(now) >= hour * HOUR_MS;
}

/**
 * Runs a task every day at `hour`:00 in Asia/Shanghai with a plain timer, re-armed after each
 * run. A start after today's hour runs the task at once, so a restart never skips a day.
 */
export class DailySchedule {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly hour: number,
    private readonly task: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (runDueToday(this.now(), this.hour)) this.fire();
    else this.arm();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.fire(), msUntilNextRun(this.now(), this.hour));
  }

  private fire(): void {
    this.running = this.task()
      .then(
        () => undefined,
        (err) => this.onError(err),
      )
      .finally(() => {
        this.running = undefined;
        this.arm();
      });
  }
}
