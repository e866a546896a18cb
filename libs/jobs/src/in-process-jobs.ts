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
import { DeliveryLoop } from '@jcv/notifications';
import { scheduledTasks } from './jobs.js';
import { JobScheduler } from './scheduler.js';

/** The clock the scheduled jobs read; a test provides it from a global module. */
export const JOB_CLOCK = Symbol('JOB_CLOCK');
export type Clock = () => Date;

/**
 * The scheduled jobs inside the API process, when WORKER_IN_PROCESS is on (the default on the
 * embedded database, whose files one process holds). Same jobs, schedule and catch-up on start
 * as apps/worker, and the same e-mail and webhook deliveries every DELIVERY_POLL_MS.
 *
 * Provided by the root module, whose hooks run after those of the modules it imports: the
 * first run comes after the seed has put the park and its targets in place.
 */
@Injectable()
export class InProcessJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private scheduler?: JobScheduler;
  private deliveries?: DeliveryLoop;

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
    this.deliveries = this.moduleRef.get(DeliveryLoop, { strict: false });
    this.deliveries.start({ now: this.clock, keepAlive: false });
  }

  /** Resolves when no job and no delivery pass is running; at once when they run elsewhere. */
  async idle(): Promise<void> {
    await Promise.all([this.scheduler?.idle(), this.deliveries?.idle()]);
  }

  /** Before the database closes: no timer left, and a run or a delivery in progress finished. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.scheduler?.stop(), this.deliveries?.stop()]);
  }
}
