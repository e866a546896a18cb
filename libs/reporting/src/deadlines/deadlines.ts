import { addMonths, firstDayOf, lastDayOf, periodsBetween } from '../periods.js';
import { ReportStatus } from '../reports/report-status.enum.js';

/**
 * The first month the park asks its firms to report: January of the plan's first target year
 * (吕政办发〔2025〕10号 sets targets from 2025). Months before it may still be submitted, but
 * they are never overdue, so a firm that was resident long before the platform started does
 * not show years of "missing" reports.
 */
export const REPORTING_SINCE = '2025-01';

/** A report of a month is due by the 15th of the next month. */
export const DUE_DAY = 15;

export interface Residency {
  enteredOn: string;
  exitedOn: string | null;
}

export function dueDateOf(period: string): string {
  return `${addMonths(period, 1)}-${String(DUE_DAY).padStart(2, '0')}`;
}

/** Resident on at least one day of the month. */
export function residentIn(period: string, tenant: Residency): boolean {
  return (
    tenant.enteredOn <= lastDayOf(period) &&
    (tenant.exitedOn === null || tenant.exitedOn >= firstDayOf(period))
  );
}

/** The latest month whose due date is before `asOf` ("YYYY-MM-DD"). */
export function lastMonthDueBefore(asOf: string): string {
  const month = asOf.slice(0, 7);
  // Due on the 15th of the next month: on the 16th or later last month's report is late.
  return Number(asOf.slice(8, 10)) > DUE_DAY ? addMonths(month, -1) : addMonths(month, -2);
}

/**
 * The months a tenant owes a report for on `asOf`: those in which it was resident (entry month
 * to exit month), from REPORTING_SINCE, whose due date is before asOf. A firm that has left
 * still owes the months it was resident.
 */
export function monthsDue(tenant: Residency, asOf: string): string[] {
  const from = [tenant.enteredOn.slice(0, 7), REPORTING_SINCE].sort()[1];
  const last = lastMonthDueBefore(asOf);
  const to =
    tenant.exitedOn && tenant.exitedOn.slice(0, 7) < last ? tenant.exitedOn.slice(0, 7) : last;
  return periodsBetween(from, to);
}

/** A report counts as received when its latest revision is SUBMITTED or ACCEPTED. */
export function isReceived(status: ReportStatus | null | undefined): boolean {
  return status === ReportStatus.SUBMITTED || status === ReportStatus.ACCEPTED;
}

/**
 * The overdue months of one tenant on `asOf`, given the status of each month's latest revision
 * (undefined where nothing was submitted).
 */
export function overdueMonths(
  tenant: Residency,
  asOf: string,
  latestStatus: (period: string) => ReportStatus | null | undefined,
): string[] {
  return monthsDue(tenant, asOf).filter((p) => !isReceived(latestStatus(p)));
}
