import type { FieldError } from '@jcv/shared';

/** A firm's days in the park: entered on, and left on (null while resident). */
export interface Residency {
  enteredOn: string;
  exitedOn: string | null;
}

/** Each 其中 figure of an annual report and the total it is part of. */
export const PARTS_OF_TOTALS = [
  ['employeesDoctorate', 'employees'],
  ['employeesCollege', 'employees'],
  ['employeesReturnees', 'employees'],
  ['employeesFreshGraduates', 'employees'],
  ['inventionPatentsValid', 'ipValid'],
] as const;

export type PartField = (typeof PARTS_OF_TOTALS)[number][0];
export type TotalField = (typeof PARTS_OF_TOTALS)[number][1];

/**
 * Why a 其中 figure breaks its total, or null. Only counts are compared: a total that is not a
 * count (negative, fractional) is refused on its own, not through its parts.
 */
export function partProblem(part: unknown, total: unknown, totalField: string): string | null {
  const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  if (!isCount(part) || !isCount(total)) return null;
  return part > total ? `must be at most ${totalField} (${total}), of which it is a part` : null;
}

/** Every 其中 figure above its total, each named by the 其中 field. */
export function partsProblems(
  figures: Partial<Record<PartField | TotalField, unknown>>,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const [part, total] of PARTS_OF_TOTALS) {
    const message = partProblem(figures[part], figures[total], total);
    if (message) problems.push({ field: part, message });
  }
  return problems;
}

/**
 * Why a firm may not report a year, or null when it may: the year must be over (reports open
 * on 1 January of the next year, in Asia/Shanghai, `today`), and the firm must have been
 * resident on at least one of its days.
 */
export function yearProblem(year: number, tenant: Residency, today: string): string | null {
  const opens = `${year + 1}-01-01`;
  if (today < opens) return `${year} is not over yet: its annual report opens on ${opens}`;
  if (tenant.enteredOn > `${year}-12-31`) {
    return `${year} is before the firm entered the park (${tenant.enteredOn})`;
  }
  if (tenant.exitedOn !== null && tenant.exitedOn < `${year}-01-01`) {
    return `${year} is after the firm left the park (${tenant.exitedOn})`;
  }
  return null;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The day a year's annual report is due: ANNUAL_REPORT_DUE (MM-DD) of the next year; 29
 * February falls on the 28th in a year that has none.
 */
export function annualReportDue(year: number, config: { annualReportDue: string }): string {
  const next = year + 1;
  const due =
    config.annualReportDue === '02-29' && !isLeap(next) ? '02-28' : config.annualReportDue;
  return `${next}-${due}`;
}

/** 31 December of a year: the day the occupied area and the year-end figures are read on. */
export const yearEndOf = (year: number) => `${year}-12-31`;
