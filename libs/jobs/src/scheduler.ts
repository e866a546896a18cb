import { todayInShanghai } from '@jcv/shared';
import { runDue, type Schedule } from './schedules.js';

/** A job as the scheduler runs it: when, and what to do for a day. */
export interface ScheduledTask {
  name: string;
  schedule: Schedule;
  /** Does the job for `day` (Asia/Shanghai) and says what it did, for the log. */
  run(day: string): Promise<string>;
}

export interface SchedulerOptions {
  /** The clock; tests set it. */
  now?: () => Date;
  /**
   * Whether the timers keep the process alive: yes for the worker, which has nothing else to;
   * no inside the API, whose server does that, so that a closed app lets the process end.
   */
  keepAlive?: boolean;
  log: { log(message: string): void; error(message: string): void };
}

/** The longest wait setTimeout takes (about 24.8 days); a longer one wakes early and waits on. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Runs each task on its schedule with plain timers, re-armed after every run. A task whose run
 * time of the current period has passed runs at once on start, so a restart never skips a day.
 * A failed run is logged and the schedule goes on.
 */
export class JobScheduler {
  private readonly timers = new Map<ScheduledTask, NodeJS.Timeout>();
  private readonly running = new Map<ScheduledTask, Promise<void>>();
  private stopped = false;
  private readonly now: () => Date;

  constructor(
    private readonly tasks: readonly ScheduledTask[],
    private readonly options: SchedulerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    for (const task of this.tasks) {
      this.options.log.log(`${task.name}: ${task.schedule.description}`);
      if (runDue(task.schedule, this.now())) this.fire(task);
      else this.arm(task, task.schedule.nextRun(this.now()));
    }
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    await Promise.all(this.running.values());
  }

  /** Clears every timer and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.idle();
  }

  private arm(task: ScheduledTask, at: Date): void {
    if (this.stopped) return;
    const wait = Math.min(Math.max(at.getTime() - this.now().getTime(), 0), MAX_TIMEOUT_MS);
    const timer = setTimeout(() => {
      this.timers.delete(task);
      // A timer may wake a little early, and a long wait is cut into pieces.
      if (this.now() < at) this.arm(task, at);
      else this.fire(task);
    }, wait);
    if (!this.options.keepAlive) timer.unref();
    this.timers.set(task, timer);
  }

  private fire(task: ScheduledTask): void {
    const day = todayInShanghai(this.now());
    const run = (async () => task.run(day))()
      .then(
        (summary) => this.options.log.log(`${task.name}: ${summary}`),
        (err) =>
          this.options.log.error(
            `${task.name} failed: ${err instanceof Error ? err.message : String(err)}`,
          ),
      )
      .finally(() => {
        this.running.delete(task);
        this.arm(task, task.schedule.nextRun(this.now()));
      });
    this.running.set(task, run);
  }
}
