import 'reflect-metadata';
import { type INestApplicationContext, Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@jcv/config';
import { SnapshotJobService } from '@jcv/milestones';
import { todayInShanghai } from '@jcv/shared';
import { DailySchedule } from './daily-schedule.js';
import { WorkerModule } from './worker.module.js';
import type { WorkerOptions } from './worker-options.js';

/** Opens the database (applying pending migrations) and the domain services. */
export function createWorker(
  config: AppConfig,
  logger?: LoggerService,
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: logger ?? false,
    abortOnError: false,
  });
}

/**
 * With `once`, records the chosen day (today by default) and returns. Otherwise runs daily at
 * the configured hour until `stop` resolves (a signal, in main.ts).
 */
export async function runWorker(
  app: INestApplicationContext,
  options: WorkerOptions,
  stop: Promise<unknown> = new Promise(() => {}),
): Promise<void> {
  const job = app.get(SnapshotJobService);
  const log = new Logger('Worker');
  const record = async (day: string) => {
    const r = await job.run(day);
    log.log(
      `${r.day}: ${r.snapshots} snapshot(s) of ${r.targets} target(s) written, ${r.alerts} alert(s) raised`,
    );
  };
  if (options.once) {
    await record(options.date ?? todayInShanghai());
    return;
  }
  const schedule = new DailySchedule(
    options.hour,
    () => record(todayInShanghai()),
    (err) => log.error(`the snapshot job failed: ${err instanceof Error ? err.message : err}`),
  );
  log.log(`snapshots every day at ${String(options.hour).padStart(2, '0')}:00 Asia/Shanghai`);
  schedule.start();
  await stop;
  await schedule.stop();
}
