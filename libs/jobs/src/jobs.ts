import type { Type } from '@nestjs/common';
import { BillingJobModule, type BillRun, BillsService } from '@jcv/billing';
import type { AppConfig } from '@jcv/config';
import { MilestoneSnapshotJobModule, SnapshotJobService } from '@jcv/milestones';
import { NotificationsDeliveryModule } from '@jcv/notifications';
import { RemindersJobModule } from './reminders/reminders-job.module.js';
import { type ReminderRun, RemindersService } from './reminders/reminders.service.js';
import type { ScheduledTask } from './scheduler.js';
import { daily, type Schedule } from './schedules.js';

/** Finds a provider of the app a job runs in: the worker's, or the API's. */
export type ProviderLookup = <T>(type: Type<T>) => T;

/**
 * A scheduled job. apps/worker runs every job of SCHEDULED_JOBS, and so does the API when
 * WORKER_IN_PROCESS is on; on a server several processes may run them at the same time, so a
 * run must be idempotent and safe against a concurrent run of the same day (a unique key or
 * an advisory lock in PostgreSQL).
 */
export interface ScheduledJob {
  name: string;
  schedule(config: AppConfig): Schedule;
  /** Does the job for `day` (Asia/Shanghai) and says what it did, for the log. */
  run(providers: ProviderLookup, day: string): Promise<string>;
}

/**
 * The day's milestone snapshots and alerts. Two runs of one day write it once: the job holds a
 * transaction-scoped advisory lock, and the snapshots' and alerts' unique keys (target, day)
 * refuse a second row.
 */
export const milestoneSnapshots: ScheduledJob = {
  name: 'milestone snapshots',
  schedule: (config) => daily(config.workerRunHour),
  async run(providers, day) {
    const r = await providers(SnapshotJobService).run(day);
    return `${r.day}: ${r.snapshots} snapshot(s) of ${r.targets} target(s) written, ${r.alerts} alert(s) raised`;
  },
};

/**
 * The month's rent bills. It runs every day, not only on the 1st: it bills each month after the
 * latest one billed up to the day's month, in order, so a worker that was down catches up, and
 * on every other day of a billed month it makes nothing. Two runs at once take turns on the
 * bill runs' advisory lock, and one bill per firm and month is the database's unique key.
 */
export const rentBills: ScheduledJob = {
  name: 'rent bills',
  schedule: (config) => daily(config.workerRunHour),
  async run(providers, day) {
    return describeBillRuns(day, await providers(BillsService).catchUp(day));
  },
};

/** What a catch-up did, for the log. */
export function describeBillRuns(day: string, runs: readonly BillRun[]): string {
  if (!runs.length) return `${day}: ${day.slice(0, 7)} is billed already, nothing to do`;
  return runs
    .map(
      (r) =>
        `${r.period}: ${r.issued} bill(s) issued (total ${r.total}), ${r.existing} already there`,
    )
    .join('; ');
}

/**
 * The day's reminders (reports due and overdue, certificates expiring, bills overdue, annual
 * reports awaited). Each kind reads what is outstanding on the day, so a rerun, or the first run
 * after a worker was down, notifies what is still missing and nothing twice: a user gets one
 * notification per matter (the database's unique key), and runs take turns on an advisory lock.
 * After the bills' job when run by hand, so that a bill issued today is not yet overdue news.
 */
export const notificationReminders: ScheduledJob = {
  name: 'notifications',
  schedule: (config) => daily(config.workerRunHour),
  async run(providers, day) {
    return describeReminders(await providers(RemindersService).run(day));
  },
};

/** What a reminder run made, for the log. */
export function describeReminders(r: ReminderRun): string {
  const made = [
    [r.reportDue, 'report due'],
    [r.reportOverdue, 'report overdue'],
    [r.certificationExpiring, 'certificate expiring'],
    [r.billOverdue, 'bill overdue'],
    [r.annualReportDue, 'annual report due'],
  ] as const;
  const some = made.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return `${r.day}: ${some.length ? some.join(', ') : 'no'} notification(s) made`;
}

/** Every scheduled job, in the order they are run by hand (`--once`). */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  milestoneSnapshots,
  rentBills,
  notificationReminders,
];

/**
 * The modules the jobs' services come from: all the worker boots besides the configuration and
 * the database (the API has them already). Each job's module holds what the job needs and no
 * more, so the worker does not build the GraphQL-facing graph of the libs.
 */
export const JOB_MODULES: Type[] = [
  MilestoneSnapshotJobModule,
  BillingJobModule,
  RemindersJobModule,
  // Not a job of the day: the e-mail and webhook deliveries, polled beside the jobs.
  NotificationsDeliveryModule,
];

/** The jobs as a scheduler runs them under a configuration. */
export function scheduledTasks(
  config: AppConfig,
  providers: ProviderLookup,
  jobs: readonly ScheduledJob[] = SCHEDULED_JOBS,
): ScheduledTask[] {
  return jobs.map((job) => ({
    name: job.name,
    schedule: job.schedule(config),
    run: (day) => job.run(providers, day),
  }));
}
