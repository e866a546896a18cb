import { checkDecimal } from '@jcv/shared';
import { Decimal } from 'decimal.js';
import { isPeriod } from '../periods.js';
import type { Residency } from '../deadlines/deadlines.js';
import { periodProblem } from '../reports/report-rules.js';
import { MAX_COUNT } from '../reports/submit-output-report.input.js';
import { creditCodeProblem } from '@jcv/tenants';
import type { ReportColumnKey } from './report-columns.js';

/** One data row of a file, as read: its row number in the file and its cells by column. */
export interface RawReportRow {
  row: number;
  cells: Partial<Record<ReportColumnKey, unknown>>;
}

export interface ReportRow {
  row: number;
  creditCode: string;
  period: string;
  outputValue: string;
  revenue: string;
  rdExpense: string;
  employees: number;
  patentsFiled: number;
  patentsGranted: number;
}

export interface RowError {
  /** The row number in the file (the header is row 1 when it is the first line). */
  row: number;
  column: ReportColumnKey;
  message: string;
}

const MONEY = { min: '0', max: '999999999999.99', maxDecimals: 2 };
/** Within MONEY for sure: up to 12 digits and 2 decimals. */
const PLAIN_MONEY = /^\d{1,12}(\.\d{1,2})?$/;
const MONEY_COLUMNS = ['outputValue', 'revenue', 'rdExpense'] as const;
const COUNT_COLUMNS = ['employees', 'patentsFiled', 'patentsGranted'] as const;

/** The text of a spreadsheet cell: exceljs gives numbers, dates, rich text and formula results. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ('result' in v) return cellText(v.result);
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return cellText(v.text);
  }
  return String(value).trim();
}

/** A month written YYYY-MM (also 2025/3, 2025.03, 2025年3月), or a date cell from Excel. */
function periodOf(value: unknown): string {
  const resolved =
    value && typeof value === 'object' && 'result' in value
      ? (value as { result: unknown }).result
      : value;
  if (resolved instanceof Date) return resolved.toISOString().slice(0, 7);
  const text = cellText(resolved);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}` : text;
}

/**
 * Checks one row on its own: every column present and well formed. Returns the row with exact
 * decimal strings and whole numbers, or the problems, one per bad column. `codeProblems`
 * remembers the credit codes already checked.
 */
export function parseReportRow(
  raw: RawReportRow,
  codeProblems: Map<string, string | null> = new Map(),
): { value?: ReportRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: ReportColumnKey, message: string) =>
    errors.push({ row: raw.row, column, message: `${column} ${message}` });

  const creditCode = cellText(raw.cells.creditCode).toUpperCase();
  if (!creditCode) fail('creditCode', 'is required');
  else {
    // A firm's code repeats on every month it reports: checked once per file.
    let problem = codeProblems.get(creditCode);
    if (problem === undefined) {
      problem = creditCodeProblem(creditCode);
      codeProblems.set(creditCode, problem);
    }
    if (problem) fail('creditCode', problem);
  }

  const period = periodOf(raw.cells.period);
  if (!period) fail('period', 'is required');
  else if (!isPeriod(period)) {
    fail(
      'period',
      /^\d{4}-\d{2}$/.test(period)
        ? `must be a month from 01 to 12, got ${period}`
        : `must be a month written YYYY-MM, got "${period}"`,
    );
  }

  const money: Record<string, string> = {};
  for (const column of MONEY_COLUMNS) {
    const text = cellText(raw.cells[column]);
    // Most cells are plain amounts: taken as written, without building a decimal object.
    if (PLAIN_MONEY.test(text)) {
      money[column] = text;
      continue;
    }
    const problem = text ? checkDecimal(text, MONEY) : 'is required';
    if (problem) fail(column, text ? `${problem}, got "${text}"` : problem);
    else money[column] = new Decimal(text).toFixed();
  }

  const counts: Record<string, number> = {};
  for (const column of COUNT_COLUMNS) {
    const text = cellText(raw.cells[column]);
    if (!text) fail(column, 'is required');
    else if (!/^-?\d+(\.0+)?$/.test(text)) fail(column, `must be a whole number, got "${text}"`);
    else {
      const n = Number.parseInt(text, 10);
      if (n < 0) fail(column, 'must be at least 0');
      else if (n > MAX_COUNT) fail(column, `must be at most ${MAX_COUNT}`);
      else counts[column] = n;
    }
  }

  if (errors.length) return { errors };
  return {
    errors,
    value: {
      row: raw.row,
      creditCode,
      period,
      outputValue: money.outputValue,
      revenue: money.revenue,
      rdExpense: money.rdExpense,
      employees: counts.employees,
      patentsFiled: counts.patentsFiled,
      patentsGranted: counts.patentsGranted,
    },
  };
}

export interface KnownTenant extends Residency {
  id: string;
}

/**
 * Checks well-formed rows against the register and each other: a registered credit code, a
 * month that has begun and in which the firm was resident, and one row per firm and month.
 */
export function checkRowsInContext(
  rows: ReportRow[],
  tenants: Map<string, KnownTenant>,
  today: string,
): RowError[] {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const tenant = tenants.get(r.creditCode);
    if (!tenant) {
      errors.push({
        row: r.row,
        column: 'creditCode',
        message: `creditCode ${r.creditCode} is not the code of a registered firm`,
      });
      continue;
    }
    const problem = periodProblem(r.period, tenant, today);
    if (problem) errors.push({ row: r.row, column: 'period', message: `period ${problem}` });
    const key = `${r.creditCode}|${r.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: r.row,
        column: 'period',
        message: `period ${r.period} of this firm is already on row ${first}: one row per firm and month`,
      });
    } else seen.set(key, r.row);
  }
  return errors;
}
