import { firstDayOf, lastDayOf } from '../periods.js';
import { type Residency, residentIn } from '../deadlines/deadlines.js';

/**
 * Why a tenant may not report a month, or null when it may: the month must have begun (in Asia/
 * Shanghai, `today`) and the tenant must have been resident on at least one of its days. Shared
 * by a single submission and by the spreadsheet import, so both refuse the same months.
 */
export function periodProblem(period: string, tenant: Residency, today: string): string | null {
  if (firstDayOf(period) > today) return `${period} has not begun yet`;
  if (!residentIn(period, tenant)) {
    if (tenant.enteredOn > lastDayOf(period)) {
      return `${period} is before the firm entered the park (${tenant.enteredOn})`;
    }
    return `${period} is after the firm left the park (${tenant.exitedOn})`;
  }
  return null;
}
