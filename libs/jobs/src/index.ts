export * from './schedules.js';
export * from './scheduler.js';
export * from './jobs.js';
export * from './in-process-jobs.js';
export { RemindersJobModule } from './reminders/reminders-job.module.js';
export {
  ANNUAL_REPORTS_DUE_READS,
  BILLS_OVERDUE_READS,
  CERTIFICATIONS_EXPIRING_READS,
  type ReminderRun,
  RemindersService,
  REPORTS_DUE_READS,
  REPORTS_OVERDUE_READS,
} from './reminders/reminders.service.js';
export { annualReportYear, reportDuePeriod } from './reminders/reminder-days.js';
