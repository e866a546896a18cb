import Decimal from 'decimal.js';
import { isMoneyText } from './numbers';
import { isCountText, localizeProblem } from './reports';

/**
 * A firm's annual reports (domain.md, "Annual reports and the Torch statistics"): which years it
 * may report, where each year stands, the form's values from the draft or a revision, the checks
 * the API makes (every 其中 at most its total, nothing negative but netProfit, money with two
 * decimals at most) and the `submitAnnualReport` input. Money stays a decimal string from the
 * API to the API.
 */

export type ReportStatus = 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
export type YearState = 'NOT_REPORTED' | ReportStatus;
/** What a year's row offers: a first report, a resubmission of a returned year, or a correction. */
export type YearAction = 'REPORT' | 'RESUBMIT' | 'CORRECT';

/** The earliest year the API takes (annual_reports.year). */
export const FIRST_YEAR = 2000;

// ---- the fields ---------------------------------------------------------------------------------

/** Money in yuan, not negative. */
export const MONEY_FIELDS = [
  'registeredCapital',
  'totalRevenue',
  'taxPaid',
  'rdExpense',
  'ventureFunding',
  'techContractValue',
] as const;
/** Money that may be negative: a loss. */
export const SIGNED_MONEY_FIELDS = ['netProfit'] as const;
export const COUNT_FIELDS = [
  'employees',
  'employeesDoctorate',
  'employeesCollege',
  'employeesReturnees',
  'employeesFreshGraduates',
  'ipApplied',
  'ipGranted',
  'ipValid',
  'inventionPatentsValid',
  'softwareCopyrights',
  'techContracts',
  'nationalProjects',
] as const;

export type MoneyField = (typeof MONEY_FIELDS)[number] | (typeof SIGNED_MONEY_FIELDS)[number];
export type CountField = (typeof COUNT_FIELDS)[number];
export type AnnualField = MoneyField | CountField;

/** The form's sections, in the order of the Torch statistics' questionnaire. */
export const SECTIONS: readonly { key: string; fields: readonly AnnualField[] }[] = [
  { key: 'basics', fields: ['registeredCapital'] },
  {
    key: 'people',
    fields: [
      'employees',
      'employeesDoctorate',
      'employeesCollege',
      'employeesReturnees',
      'employeesFreshGraduates',
    ],
  },
  {
    key: 'finance',
    fields: ['totalRevenue', 'netProfit', 'taxPaid', 'rdExpense', 'ventureFunding'],
  },
  {
    key: 'ip',
    fields: ['ipApplied', 'ipGranted', 'ipValid', 'inventionPatentsValid', 'softwareCopyrights'],
  },
  { key: 'technology', fields: ['techContracts', 'techContractValue', 'nationalProjects'] },
];

export const ANNUAL_FIELDS: readonly AnnualField[] = SECTIONS.flatMap((s) => s.fields);

/** Every 其中 field and the total it is part of. */
export const PART_OF: Readonly<Partial<Record<AnnualField, AnnualField>>> = {
  employeesDoctorate: 'employees',
  employeesCollege: 'employees',
  employeesReturnees: 'employees',
  employeesFreshGraduates: 'employees',
  inventionPatentsValid: 'ipValid',
};

/** The totals, each with its 其中 fields (re-checked when the total changes). */
export function partsOf(total: AnnualField): AnnualField[] {
  return (Object.entries(PART_OF) as [AnnualField, AnnualField][])
    .filter(([, of]) => of === total)
    .map(([part]) => part);
}

export function isMoneyField(f: AnnualField): f is MoneyField {
  return (
    (MONEY_FIELDS as readonly string[]).includes(f) ||
    (SIGNED_MONEY_FIELDS as readonly string[]).includes(f)
  );
}

export function mayBeNegative(f: AnnualField): boolean {
  return (SIGNED_MONEY_FIELDS as readonly string[]).includes(f);
}

/** Whether a typed amount is money with at most two decimals, a minus sign allowed. */
export function isSignedMoneyText(text: string): boolean {
  return /^-?\d{1,13}(\.\d{1,2})?$/.test(text.trim());
}

// ---- years --------------------------------------------------------------------------------------

/**
 * The years a firm may report on `today`: each year that is over (from 1 January of Y+1) in
 * which it was resident (entered by 31 December, not left before 1 January), newest first.
 */
export function reportableYears(
  enteredOn: string,
  exitedOn: string | null | undefined,
  today: string,
): number[] {
  const last = Number(today.slice(0, 4)) - 1;
  const first = Math.max(FIRST_YEAR, Number(enteredOn.slice(0, 4)));
  const years: number[] = [];
  for (let y = last; y >= first; y--) {
    if (exitedOn && exitedOn < `${y}-01-01`) continue;
    years.push(y);
  }
  return years;
}

export interface LatestAnnual {
  id: string;
  year: number;
  revision: number;
  status: ReportStatus;
  reviewNote?: string | null;
}

export interface YearRow<R extends LatestAnnual = LatestAnnual> {
  year: number;
  state: YearState;
  report: R | null;
  action: YearAction;
}

export function actionOf(state: YearState): YearAction {
  if (state === 'NOT_REPORTED') return 'REPORT';
  if (state === 'RETURNED') return 'RESUBMIT';
  return 'CORRECT';
}

/**
 * One row per year: every reportable year (`years`, newest first) and any other year the firm
 * has a report of, each with its latest revision.
 */
export function yearRows<R extends LatestAnnual>(
  years: readonly number[],
  reports: readonly R[],
): YearRow<R>[] {
  const byYear = new Map<number, R>();
  for (const r of reports) {
    const known = byYear.get(r.year);
    if (!known || r.revision > known.revision) byYear.set(r.year, r);
  }
  const all = [...new Set([...years, ...byYear.keys()])].sort((a, b) => b - a);
  return all.map((year) => {
    const report = byYear.get(year) ?? null;
    const state: YearState = report ? report.status : 'NOT_REPORTED';
    return { year, state, report, action: actionOf(state) };
  });
}

/** The year the form opens on: the newest year waiting for the firm, else the newest year. */
export function defaultYear(
  rows: readonly YearRow[],
  reportable: readonly number[],
): number | null {
  const waiting = rows.find((r) => r.action !== 'CORRECT' && reportable.includes(r.year));
  return waiting?.year ?? reportable[0] ?? null;
}

/** A year from the address (`?year=`), if it is one. */
export function yearFromQuery(text: string | null): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  return Number(text);
}

// ---- the form -----------------------------------------------------------------------------------

export type AnnualFormValues = Partial<Record<AnnualField, string>>;

/** What the platform knows of the year (AnnualReportDraft). */
export interface AnnualDraft {
  totalRevenue: string;
  rdExpense: string;
  employees: number;
  ipApplied: number;
  ipGranted: number;
}

export type AnnualFigures = Record<MoneyField, string> & Record<CountField, number>;

/** The form started from the draft: its five figures, the others left for the firm. */
export function formValuesOfDraft(draft: AnnualDraft): AnnualFormValues {
  return {
    totalRevenue: draft.totalRevenue,
    rdExpense: draft.rdExpense,
    employees: String(draft.employees),
    ipApplied: String(draft.ipApplied),
    ipGranted: String(draft.ipGranted),
  };
}

/** The form started from a revision: every figure as it was sent. */
export function formValuesOfReport(report: AnnualFigures): AnnualFormValues {
  const out: AnnualFormValues = {};
  for (const f of ANNUAL_FIELDS) out[f] = String(report[f]);
  return out;
}

export function blankValues(): Record<AnnualField, undefined> {
  return Object.fromEntries(ANNUAL_FIELDS.map((f) => [f, undefined])) as Record<
    AnnualField,
    undefined
  >;
}

export type FieldProblem =
  | { kind: 'REQUIRED' }
  | { kind: 'MONEY' }
  | { kind: 'SIGNED_MONEY' }
  | { kind: 'COUNT' }
  | { kind: 'PART_EXCEEDS_TOTAL'; total: AnnualField };

/** What is wrong with one field's text, on its own. */
export function textProblem(f: AnnualField, text: string | undefined): FieldProblem | null {
  const v = (text ?? '').trim();
  if (!v) return { kind: 'REQUIRED' };
  if (isMoneyField(f)) {
    if (mayBeNegative(f)) return isSignedMoneyText(v) ? null : { kind: 'SIGNED_MONEY' };
    return isMoneyText(v) ? null : { kind: 'MONEY' };
  }
  return isCountText(v) ? null : { kind: 'COUNT' };
}

/**
 * A 其中 field's problem with its total, as the API checks it: the part is more than the total.
 * None while either is not a valid count (its own problem shows instead).
 */
export function partProblem(f: AnnualField, values: AnnualFormValues): FieldProblem | null {
  const total = PART_OF[f];
  if (!total) return null;
  const part = values[f]?.trim() ?? '';
  const whole = values[total]?.trim() ?? '';
  if (!isCountText(part) || !isCountText(whole)) return null;
  return Number(part) > Number(whole) ? { kind: 'PART_EXCEEDS_TOTAL', total } : null;
}

/** Every problem of the form, by field (what the API would refuse, checked before sending). */
export function formProblems(values: AnnualFormValues): Partial<Record<AnnualField, FieldProblem>> {
  const out: Partial<Record<AnnualField, FieldProblem>> = {};
  for (const f of ANNUAL_FIELDS) {
    const p = textProblem(f, values[f]) ?? partProblem(f, values);
    if (p) out[f] = p;
  }
  return out;
}

export interface SubmitAnnualInput extends AnnualFigures {
  tenantId: string;
  year: number;
}

/**
 * The mutation's input from the form's values, which must have passed formProblems; a value
 * that did not throws rather than sending something else.
 */
export function submitAnnualInputOf(
  values: AnnualFormValues,
  tenantId: string,
  year: number,
): SubmitAnnualInput {
  const problems = formProblems(values);
  const first = Object.keys(problems)[0];
  if (first) throw new Error(`${first} is not valid: ${values[first as AnnualField]}`);
  const figures = {} as Record<string, string | number>;
  for (const f of ANNUAL_FIELDS) {
    const text = (values[f] ?? '').trim();
    figures[f] = isMoneyField(f) ? new Decimal(text).toFixed(2) : Number(text);
  }
  return { tenantId, year, ...(figures as AnnualFigures) };
}

// ---- the API's messages in Chinese --------------------------------------------------------------

const PATTERNS: [RegExp, (m: RegExpExecArray, labelOf: (f: AnnualField) => string) => string][] = [
  [
    /must be at most (\w+) \((\d+)\), of which it is a part/,
    (m, labelOf) => `不得超过${labelOf(m[1] as AnnualField)}（${m[2]}）`,
  ],
  [
    /(\d{4}) is not over yet: its annual report opens on (\d{4}-\d{2}-\d{2})/,
    (m) => `${m[1]} 年尚未结束，年报自 ${m[2]} 起填报`,
  ],
  [
    /^(\d{4}) is before the firm entered the park \((\d{4}-\d{2}-\d{2})\)/,
    (m) => `${m[1]} 年早于企业入驻日期（${m[2]}），不能填报`,
  ],
  [
    /^(\d{4}) is after the firm left the park \((\d{4}-\d{2}-\d{2})\)/,
    (m) => `${m[1]} 年晚于企业迁出日期（${m[2]}），不能填报`,
  ],
  [/must not be negative/, () => '不得为负数'],
];

/**
 * A field message of the API (written in English) in the language shown: the sentences the
 * console knows in Chinese, with the form's field names in words; anything else as written.
 */
export function localizeAnnualProblem(
  message: string,
  language: string,
  labelOf: (field: AnnualField) => string,
): string {
  if (language === 'en') return message;
  for (const [re, say] of PATTERNS) {
    const m = re.exec(message);
    if (m) return say(m, labelOf);
  }
  let out = localizeProblem(message, language);
  // Longest names first: employeesCollege before employees.
  const names = [...ANNUAL_FIELDS].sort((a, b) => b.length - a.length);
  for (const f of names) out = out.replace(new RegExp(`\\b${f}\\b`, 'g'), labelOf(f));
  return out;
}
