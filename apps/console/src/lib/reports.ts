import Decimal from 'decimal.js';
import { isOverdue, reportDueOn } from './dates';
import { isMoneyText } from './numbers';

/**
 * A firm's monthly output reports (domain.md, "Output reports"): which months it may report,
 * where each month stands, what the console offers for it, and the form's values to and from the
 * `submitOutputReport` input. Money stays a decimal string from the API to the API.
 */

export type ReportStatus = 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
/** A month's state on the firm's list: its latest revision's status, or not reported at all. */
export type MonthState = 'NOT_REPORTED' | ReportStatus;
/**
 * What a month's row offers: a first report, a resubmission of a returned month, or a correction
 * (a new revision) of a submitted or accepted one.
 */
export type MonthAction = 'REPORT' | 'RESUBMIT' | 'CORRECT';

/**
 * The first month of reporting: the API counts overdue months from 2025-01 (`overdueReports`),
 * so an earlier month a firm was resident in is listed but never marked overdue.
 */
export const REPORTING_BEGAN = '2025-01';

/** The figures of a report, as the API gives them (Decimal strings and integers). */
export interface ReportFigures {
  outputValue: string;
  revenue: string;
  rdExpense: string;
  employees: number;
  patentsFiled: number;
  patentsGranted: number;
}

/** The latest revision of one month. */
export interface LatestReport extends ReportFigures {
  id: string;
  period: string;
  revision: number;
  status: ReportStatus;
  reviewNote?: string | null;
}

export interface MonthRow<R extends LatestReport = LatestReport> {
  period: string;
  dueOn: string;
  state: MonthState;
  report: R | null;
  overdue: boolean;
  action: MonthAction;
}

/**
 * Overdue on `today` (domain.md): the due date (the 15th of the next month) has passed and the
 * latest revision is neither SUBMITTED nor ACCEPTED (none, or RETURNED).
 */
export function monthOverdue(period: string, state: MonthState, today: string): boolean {
  if (period < REPORTING_BEGAN) return false;
  if (state === 'SUBMITTED' || state === 'ACCEPTED') return false;
  return isOverdue(period, today);
}

export function actionOf(state: MonthState): MonthAction {
  if (state === 'NOT_REPORTED') return 'REPORT';
  if (state === 'RETURNED') return 'RESUBMIT';
  return 'CORRECT';
}

/**
 * One row per reportable month (`months`, newest first, from reportableMonths), each with its
 * latest revision if there is one. A report of a month outside `months` is left out: the firm
 * could not report it now.
 */
export function monthRows<R extends LatestReport>(
  months: readonly string[],
  reports: readonly R[],
  today: string,
): MonthRow<R>[] {
  const byPeriod = new Map<string, R>();
  for (const r of reports) {
    const known = byPeriod.get(r.period);
    if (!known || r.revision > known.revision) byPeriod.set(r.period, r);
  }
  return months.map((period) => {
    const report = byPeriod.get(period) ?? null;
    const state: MonthState = report ? report.status : 'NOT_REPORTED';
    return {
      period,
      dueOn: reportDueOn(period),
      state,
      report,
      overdue: monthOverdue(period, state, today),
      action: actionOf(state),
    };
  });
}

/**
 * The month the form opens on when none is asked for: the newest month waiting for the firm (not
 * reported, or returned), else none (the user picks one).
 */
export function defaultPeriod(rows: readonly MonthRow[]): string | undefined {
  return rows.find((r) => r.action !== 'CORRECT')?.period;
}

// ---- the form ----------------------------------------------------------------------------------

export const MONEY_FIELDS = ['outputValue', 'revenue', 'rdExpense'] as const;
export const COUNT_FIELDS = ['employees', 'patentsFiled', 'patentsGranted'] as const;
export const FIGURE_FIELDS = [...MONEY_FIELDS, ...COUNT_FIELDS] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];
export type CountField = (typeof COUNT_FIELDS)[number];
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** The largest count the API takes (GraphQL Int, PostgreSQL integer). */
export const MAX_COUNT = 2_147_483_647;

/** Whether a typed count is a whole number from 0 to MAX_COUNT. */
export function isCountText(text: string): boolean {
  const t = text.trim();
  return /^\d{1,10}$/.test(t) && Number(t) <= MAX_COUNT;
}

/** What the form holds: every field as typed text. */
export type ReportFormValues = { period?: string } & Partial<Record<FigureField, string>>;

/** The `submitOutputReport` input (SubmitOutputReportInput). */
export interface SubmitReportInput extends ReportFigures {
  tenantId: string;
  period: string;
}

/** The figures of a revision as form text, to prefill the form with. */
export function formValuesOf(report: ReportFigures): Record<FigureField, string> {
  return {
    outputValue: report.outputValue,
    revenue: report.revenue,
    rdExpense: report.rdExpense,
    employees: String(report.employees),
    patentsFiled: String(report.patentsFiled),
    patentsGranted: String(report.patentsGranted),
  };
}

/** Empty figure fields. */
export function blankFigures(): Record<FigureField, undefined> {
  return {
    outputValue: undefined,
    revenue: undefined,
    rdExpense: undefined,
    employees: undefined,
    patentsFiled: undefined,
    patentsGranted: undefined,
  };
}

/** Typed money (checked with isMoneyText) as the Decimal string sent: exact, two decimals. */
export function moneyInput(text: string): string {
  return new Decimal(text.trim()).toFixed(2);
}

/**
 * The mutation's input from the form's values. The values must have passed the form's checks
 * (isMoneyText, isCountText); a value that did not throws rather than sending something else.
 */
export function submitInputOf(values: ReportFormValues, tenantId: string): SubmitReportInput {
  const money = (f: MoneyField) => {
    const text = values[f] ?? '';
    if (!isMoneyText(text)) throw new Error(`${f} is not a money value: ${text}`);
    return moneyInput(text);
  };
  const count = (f: CountField) => {
    const text = values[f] ?? '';
    if (!isCountText(text)) throw new Error(`${f} is not a count: ${text}`);
    return Number(text.trim());
  };
  if (!values.period) throw new Error('no period chosen');
  return {
    tenantId,
    period: values.period,
    outputValue: money('outputValue'),
    revenue: money('revenue'),
    rdExpense: money('rdExpense'),
    employees: count('employees'),
    patentsFiled: count('patentsFiled'),
    patentsGranted: count('patentsGranted'),
  };
}

/**
 * The Idempotency-Key of a submission attempt (api-contract.graphql): the same key while the same
 * input is sent again (a retry after a lost answer gets the first answer, never a second
 * revision), a new one once the input changes (the API refuses a key reused with other
 * variables). `make` is newIdempotencyKey (lib/idempotency.ts) in the browser.
 */
export class AttemptKeys {
  private current: { input: string; key: string } | null = null;

  constructor(private readonly make: () => string) {}

  keyFor(input: SubmitReportInput): string {
    const text = JSON.stringify(input);
    if (this.current?.input !== text) this.current = { input: text, key: this.make() };
    return this.current.key;
  }

  /** After an answer the API gave (success or refusal): the next submission is a new attempt. */
  done(): void {
    this.current = null;
  }
}

// ---- the API's messages in Chinese -------------------------------------------------------------

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/must be at most (\S+?)\.?$/, (m) => `不得超过 ${m[1]}`],
  [/must be at least (\S+?)\.?$/, (m) => `不得小于 ${m[1]}`],
  [/must be greater than (\S+?)\.?$/, (m) => `须大于 ${m[1]}`],
  [/must have at most (\d+) decimal places/, (m) => `最多保留 ${m[1]} 位小数`],
  [/must be a decimal number/, () => '须为数字'],
  [/must be a whole number/, () => '须为整数'],
  [/(\d{4}-\d{2}) has not begun yet/, (m) => `${m[1]} 尚未开始，不能填报`],
  [
    /(\d{4}-\d{2}) is before the firm entered the park \((\d{4}-\d{2}-\d{2})\)/,
    (m) => `${m[1]} 早于企业入驻日期（${m[2]}），不能填报`,
  ],
  [
    /(\d{4}-\d{2}) is after the firm left the park \((\d{4}-\d{2}-\d{2})\)/,
    (m) => `${m[1]} 晚于企业迁出日期（${m[2]}），不能填报`,
  ],
];

/**
 * A field message of the API (written in English) in the language shown: the API's known
 * sentences about report input in Chinese, anything else as the API wrote it.
 */
export function localizeProblem(message: string, language: string): string {
  if (language === 'en') return message;
  for (const [re, say] of PATTERNS) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return message;
}
