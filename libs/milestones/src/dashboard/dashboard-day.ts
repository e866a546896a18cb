import { countingWindow } from '../progress/milestone-rules.js';

/**
 * E, the day a dashboard of year Y asked on D takes its point-in-time figures on: the last day
 * of W, i.e. the earlier of D and 31 December Y (D itself when D comes before the year).
 */
export function dashboardDay(year: number, asOf: string): string {
  return countingWindow(year, asOf)?.to ?? asOf;
}
