import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { scheduledTasks } from './jobs.js';
import { JobScheduler } from './scheduler.js';

/** The clock the scheduled jobs read; a test provides it from a global module. */
export const JOB_CLOCK = Symbol('JOB_CLOCK');
export type Clock = () => Date;

/**
 * The scheduled jobs inside the API process, when WORKER_IN_PROCESS is on (the default on the
 * embedded database, whose files one process holds). Same jobs, schedule and catch-up on start
 * as apps/worker.
 *
 * Provided by the root module, whose hooks run after those of the modules it imports: the
 * first run comes after the seed has put the park and its targets in place.
 */
@Injectable()
export class InProcessJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private scheduler?: JobScheduler;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(JOB_CLOCK) private readonly clock?: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.workerInProcess) return;
    const log = new Logger('Jobs');
    this.scheduler = new JobScheduler(
      scheduledTasks(this.config, (type) => this.moduleRef.get(type, { strict: false })),
      { now: this.clock, keepAlive: false, log },
    );
    this.scheduler.start();
  }

  /** Resolves when no job is running; at once when the jobs run elsewhere. */
  async idle(): Promise<void> {
    await this.scheduler?.idle();
  }

  /** Before the database closes: no timer left, and a run in progress finished. */
  async onModuleDestroy(): Promise<void> {
    await this.scheduler?.stop();
  }
}
