import 'reflect-metadata';
import {
  type INestApplicationContext,
  Logger,
  type LoggerService,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { todayInShanghai } from '@jcv/shared';
import { JobScheduler, scheduledTasks, SCHEDULED_JOBS, type ScheduledJob } from '@jcv/jobs';
import { DeliveryLoop, describeDeliveryPass } from '@jcv/notifications';
import { WorkerModule } from './worker.module.js';
import type { WorkerOptions } from './worker-options.js';

/**
 * Opens the database (applying pending migrations) and the jobs' services; tests may add
 * modules of their own beside them.
 */
export function createWorker(
  config: AppConfig,
  logger?: LoggerService,
  extraModules: Type[] = [],
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config, extraModules), {
    logger: logger ?? false,
    abortOnError: false,
  });
}

/**
 * With `once`, runs every job for the chosen day (today by default), one after another, then
 * sends the e-mails and webhooks due now (those the jobs just made too) until none is left, and
 * returns. Otherwise runs each job on its schedule and the deliveries every DELIVERY_POLL_MS,
 * until `stop` resolves (a signal, in main.ts); a run or a delivery in progress then finishes.
 */
export async function runWorker(
  app: INestApplicationContext,
  options: WorkerOptions,
  stop: Promise<unknown> = new Promise(() => {}),
  extra: { now?: () => Date; jobs?: readonly ScheduledJob[] } = {},
): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const log = new Logger('Worker');
  const tasks = scheduledTasks(config, (type) => app.get(type), extra.jobs ?? SCHEDULED_JOBS);
  const deliveries = app.get(DeliveryLoop);
  if (options.once) {
    const day = options.date ?? todayInShanghai(extra.now?.());
    for (const task of tasks) log.log(`${task.name}: ${await task.run(day)}`);
    const drained = await deliveries.drain(extra.now?.() ?? new Date());
    log.log(`deliveries: ${describeDeliveryPass(drained)}`);
    return;
  }
  const scheduler = new JobScheduler(tasks, { now: extra.now, keepAlive: true, log });
  scheduler.start();
  deliveries.start({ now: extra.now, keepAlive: true });
  try {
    await stop;
  } finally {
    await Promise.all([scheduler.stop(), deliveries.stop()]);
  }
}
