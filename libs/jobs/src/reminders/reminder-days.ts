import { addMonths, dueDateOf, REPORTING_SINCE } from '@jcv/reporting';
import { annualReportDue } from '@jcv/statistics';

/** A month's report is due on the 15th of the next month; its reminder goes from the 10th. */
export const REPORT_REMINDER_FROM_DAY = 10;

/** How far ahead of its expiry a certificate is announced. */
export const CERTIFICATION_NOTICE_DAYS = 90;

/**
 * The month whose report is due soon on `day`: last month, from the 10th to the 15th (the due
 * day) of this one, when it is a month the park asks reports for; else null. A worker that was
 * down on the 10th reminds on the first day it runs up to the 15th; after that the report is
 * overdue and REPORT_OVERDUE takes over.
 */
export function reportDuePeriod(day: string): string | null {
  if (Number(day.slice(8, 10)) < REPORT_REMINDER_FROM_DAY) return null;
  const period = addMonths(day.slice(0, 7), -1);
  return period >= REPORTING_SINCE && day <= dueDateOf(period) ? period : null;
}

/**
 * The year whose annual report is awaited on `day`: last year, from 2 January up to its due
 * day (ANNUAL_REPORT_DUE of this year) included; else null.
 */
export function annualReportYear(day: string, config: { annualReportDue: string }): number | null {
  const year = Number(day.slice(0, 4)) - 1;
  if (day < `${year + 1}-01-02`) return null;
  return day <= annualReportDue(year, config) ? year : null;
}
