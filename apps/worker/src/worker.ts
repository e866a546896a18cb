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
 * With `once`, runs every job for the chosen day (today by default), one after another, and
 * returns. Otherwise runs each job on its schedule until `stop` resolves (a signal, in main.ts).
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
  if (options.once) {
    const day = options.date ?? todayInShanghai(extra.now?.());
    for (const task of tasks) log.log(`${task.name}: ${await task.run(day)}`);
    return;
  }
  const scheduler = new JobScheduler(tasks, { now: extra.now, keepAlive: true, log });
  scheduler.start();
  await stop;
  await scheduler.stop();
}
