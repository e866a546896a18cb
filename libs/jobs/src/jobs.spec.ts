import { describe, expect, it } from '@jest/globals';
import type { Type } from '@nestjs/common';
import { BillingJobModule, type BillRun, BillsService } from '@jcv/billing';
import type { AppConfig } from '@jcv/config';
import { MilestoneSnapshotJobModule } from '@jcv/milestones';
import { NotificationsDeliveryModule } from '@jcv/notifications';
import {
  describeBillRuns,
  describeReminders,
  JOB_MODULES,
  milestoneSnapshots,
  notificationReminders,
  rentBills,
  SCHEDULED_JOBS,
  scheduledTasks,
} from './jobs.js';
import { RemindersJobModule } from './reminders/reminders-job.module.js';
import { runDue } from './schedules.js';

const run = (period: string, issued: number, existing = 0, total = '0.00') =>
  ({ period, issued, existing, total }) as BillRun;

/** A provider lookup holding a BillsService whose catch-up answers from `months`. */
function withBills(catchUp: (day: string) => BillRun[]) {
  const days: string[] = [];
  const service = {
    catchUp: async (day: string) => {
      days.push(day);
      return catchUp(day);
    },
  };
  const providers = <T>(type: Type<T>): T => {
    if (type !== (BillsService as Type<unknown>)) throw new Error(`no provider ${type.name}`);
    return service as unknown as T;
  };
  return { days, providers };
}

describe('the rent bills job', () => {
  it('comes after the snapshots, and the worker boots the billing job module', () => {
    expect(SCHEDULED_JOBS).toEqual([milestoneSnapshots, rentBills, notificationReminders]);
    expect(rentBills.name).toBe('rent bills');
    expect(JOB_MODULES).toEqual([
      MilestoneSnapshotJobModule,
      BillingJobModule,
      RemindersJobModule,
      NotificationsDeliveryModule,
    ]);
  });

  it('runs every day at the worker hour, so a missed 1st is caught up the next day', () => {
    const tasks = scheduledTasks({ workerRunHour: 6 } as AppConfig, () => {
      throw new Error('not run');
    });
    const bills = tasks.find((t) => t.name === 'rent bills')!;
    // 06:00 on 2 March and 06:00 on 17 March in Shanghai are both due.
    expect(runDue(bills.schedule, new Date('2026-03-01T22:00:00Z'))).toBe(true);
    expect(runDue(bills.schedule, new Date('2026-03-16T22:00:00Z'))).toBe(true);
    expect(runDue(bills.schedule, new Date('2026-03-16T21:59:00Z'))).toBe(false);
  });

  it('catches up to the day and says what each month made', async () => {
    const { days, providers } = withBills(() => [
      run('2026-04', 12, 0, '48000.00'),
      run('2026-05', 13, 1, '52000.50'),
    ]);
    expect(await rentBills.run(providers, '2026-05-01')).toBe(
      '2026-04: 12 bill(s) issued (total 48000.00), 0 already there; ' +
        '2026-05: 13 bill(s) issued (total 52000.50), 1 already there',
    );
    expect(days).toEqual(['2026-05-01']);
  });

  it('says so when the month is billed already', async () => {
    const { providers } = withBills(() => []);
    expect(await rentBills.run(providers, '2026-05-20')).toBe(
      '2026-05-20: 2026-05 is billed already, nothing to do',
    );
    expect(describeBillRuns('2026-05-01', [run('2026-05', 0, 40)])).toBe(
      '2026-05: 0 bill(s) issued (total 0.00), 40 already there',
    );
  });
});

describe('the reminders job', () => {
  it('runs every day at the worker hour and says what it made', () => {
    const [task] = scheduledTasks(
      { workerRunHour: 6 } as AppConfig,
      () => {
        throw new Error('not run');
      },
      [notificationReminders],
    );
    expect(task.name).toBe('notifications');
    expect(task.schedule.description).toBe('every day at 06:00 Asia/Shanghai');
    const none = {
      day: '2026-03-09',
      reportDue: 0,
      reportOverdue: 0,
      certificationExpiring: 0,
      billOverdue: 0,
      annualReportDue: 0,
    };
    expect(describeReminders(none)).toBe('2026-03-09: no notification(s) made');
    expect(describeReminders({ ...none, reportDue: 4, billOverdue: 1 })).toBe(
      '2026-03-09: 4 report due, 1 bill overdue notification(s) made',
    );
  });
});
