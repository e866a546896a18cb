import { registerEnumType } from '@nestjs/graphql';
import { TenantStatus } from '../tenant.enum.js';

/** Where a firm is in its incubation on a day (domain.md, Incubation). */
export enum IncubationStage {
  INCUBATING = 'INCUBATING',
  DUE_TO_GRADUATE = 'DUE_TO_GRADUATE',
  OVERSTAYING = 'OVERSTAYING',
  GRADUATED = 'GRADUATED',
  EXITED = 'EXITED',
}
registerEnumType(IncubationStage, {
  name: 'IncubationStage',
  valuesMap: {
    INCUBATING: { description: 'Resident, within its incubation period.' },
    DUE_TO_GRADUATE: {
      description: 'Resident, with 6 months or less of its incubation period left.',
    },
    OVERSTAYING: { description: 'Resident past the end of its incubation period.' },
  },
});

/** The park's incubation period when INCUBATION_MONTHS leaves it out. */
export const DEFAULT_INCUBATION_MONTHS = 48;
/** A firm is DUE_TO_GRADUATE when its period ends within this many months. */
export const DUE_TO_GRADUATE_MONTHS = 6;
/** The national rule for incubated firms: founded no more than this many months before entry. */
export const YOUNG_AT_ENTRY_MONTHS = 24;

export interface IncubationFacts {
  status: TenantStatus;
  enteredOn: string;
  exitedOn: string | null;
  foundedOn: string | null;
}

export interface IncubationOn {
  stage: IncubationStage;
  endsOn: string;
  monthsResident: number;
  youngAtEntry: boolean | null;
}

// Calendar arithmetic on 'YYYY-MM-DD' strings, which compare correctly as strings.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day n months later (n < 0: earlier); when that month is shorter, its last day, as
 * PostgreSQL's `date + interval` does (31 January + 1 month is 28 or 29 February).
 */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The day before. */
function dayBefore(date: string): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Whole months from `from` to `to`: the largest n ≥ 0 with addMonths(from, n) ≤ to. */
function wholeMonths(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  const n = (ty - fy) * 12 + (tm - fm);
  return addMonths(from, n) <= to ? n : Math.max(0, n - 1);
}

/** The last day of the incubation period: enteredOn + months months − 1 day. */
export function incubationEndsOn(enteredOn: string, months = DEFAULT_INCUBATION_MONTHS): string {
  return dayBefore(addMonths(enteredOn, months));
}

/**
 * A firm's incubation on `day`, with an incubation period of `months` (INCUBATION_MONTHS).
 * GRADUATED and EXITED come from its status; a resident firm is OVERSTAYING after endsOn,
 * DUE_TO_GRADUATE when endsOn is at most 6 months after `day`, else INCUBATING.
 */
export function incubationOf(
  tenant: IncubationFacts,
  day: string,
  months = DEFAULT_INCUBATION_MONTHS,
): IncubationOn {
  const endsOn = incubationEndsOn(tenant.enteredOn, months);
  let stage: IncubationStage;
  if (tenant.status === TenantStatus.GRADUATED) stage = IncubationStage.GRADUATED;
  else if (tenant.status === TenantStatus.EXITED) stage = IncubationStage.EXITED;
  else if (day > endsOn) stage = IncubationStage.OVERSTAYING;
  else if (endsOn <= addMonths(day, DUE_TO_GRADUATE_MONTHS)) {
    stage = IncubationStage.DUE_TO_GRADUATE;
  } else stage = IncubationStage.INCUBATING;
  const until = tenant.exitedOn !== null && tenant.exitedOn < day ? tenant.exitedOn : day;
  return {
    stage,
    endsOn,
    monthsResident: wholeMonths(tenant.enteredOn, until),
    youngAtEntry:
      tenant.foundedOn === null
        ? null
        : tenant.foundedOn >= addMonths(tenant.enteredOn, -YOUNG_AT_ENTRY_MONTHS),
  };
}

/**
 * The SQL condition "incubated on the day": resident then (entered, not gone before it) and
 * within its incubation period (day ≤ endsOn, i.e. day < entered_on + months). `alias` is the
 * tenants table's; `dayParam` and `monthsParam` are placeholders (`$2`, `:day`) of a date and
 * of the number of months. Every statement that counts incubated firms uses it.
 */
export function incubatedOnSql(alias: string, dayParam: string, monthsParam: string): string {
  return `(${alias}.entered_on <= ${dayParam}::date
     AND (${alias}.exited_on IS NULL OR ${alias}.exited_on >= ${dayParam}::date)
     AND ${dayParam}::date < ${alias}.entered_on + make_interval(months => ${monthsParam}::int))`;
}

/**
 * The SQL condition "resident on the day and past its incubation period" (OVERSTAYING there),
 * with the placeholders of incubatedOnSql.
 */
export function overstayingOnSql(alias: string, dayParam: string, monthsParam: string): string {
  return `(${alias}.entered_on <= ${dayParam}::date
     AND (${alias}.exited_on IS NULL OR ${alias}.exited_on >= ${dayParam}::date)
     AND ${dayParam}::date >= ${alias}.entered_on + make_interval(months => ${monthsParam}::int))`;
}

/**
 * The SQL condition "incubated on the day with 6 months or less left" (DUE_TO_GRADUATE there):
 * endsOn ≤ day + 6 months, i.e. entered_on + months ≤ day + 6 months + 1 day.
 */
export function dueToGraduateOnSql(alias: string, dayParam: string, monthsParam: string): string {
  return `(${incubatedOnSql(alias, dayParam, monthsParam)}
     AND ${alias}.entered_on + make_interval(months => ${monthsParam}::int)
         <= (${dayParam}::date + make_interval(months => ${DUE_TO_GRADUATE_MONTHS}))::date + 1)`;
}

/**
 * The SQL condition "at `stage` on the day", the rule of incubationOf: GRADUATED and EXITED by
 * status; a RESIDENT firm by its dates. Placeholders as for incubatedOnSql.
 */
export function incubationStageSql(
  alias: string,
  stage: IncubationStage,
  dayParam: string,
  monthsParam: string,
): string {
  const end = `${alias}.entered_on + make_interval(months => ${monthsParam}::int)`;
  const dueFrom = `(${dayParam}::date + make_interval(months => ${DUE_TO_GRADUATE_MONTHS}))::date + 1`;
  const resident = `${alias}.status = '${TenantStatus.RESIDENT}'`;
  switch (stage) {
    case IncubationStage.GRADUATED:
      return `${alias}.status = '${TenantStatus.GRADUATED}'`;
    case IncubationStage.EXITED:
      return `${alias}.status = '${TenantStatus.EXITED}'`;
    case IncubationStage.OVERSTAYING:
      return `(${resident} AND ${dayParam}::date >= ${end})`;
    case IncubationStage.DUE_TO_GRADUATE:
      return `(${resident} AND ${dayParam}::date < ${end} AND ${end} <= ${dueFrom})`;
    case IncubationStage.INCUBATING:
      return `(${resident} AND ${end} > ${dueFrom})`;
  }
}
