import { checkDecimal, isUuid } from '@jcv/shared';
import { Decimal } from 'decimal.js';
import { isPeriod } from '../periods.js';
import type { Residency } from '../deadlines/deadlines.js';
import { periodProblem } from '../reports/report-rules.js';
import { MAX_COUNT } from '../reports/submit-output-report.input.js';
import { creditCodeProblem } from '@jcv/tenants';
import type { ReportColumnKey } from './report-columns.js';

/**
 * One data row of a file, as read: its sheet (an index into the file's sheets), its row number
 * in that sheet and its cells by column. A column the sheet has is present even when empty.
 */
export interface RawReportRow {
  sheet?: number;
  row: number;
  cells: Partial<Record<ReportColumnKey, unknown>>;
}

export interface ReportRow {
  sheet: number;
  row: number;
  /** The firm's credit code, upper case; null when the row names its tenant by id only. */
  creditCode: string | null;
  /** The tenant's platform id, lower case; null when the row names it by credit code only. */
  tenantId: string | null;
  period: string;
  outputValue: string;
  revenue: string;
  rdExpense: string;
  employees: number;
  patentsFiled: number;
  patentsGranted: number;
  /** The month's revision the row was exported at; null in a hand-made row. */
  revision: number | null;
}

export interface RowError {
  sheet: number;
  /** The row number in the sheet (the header is row 1 when it is the first line). */
  row: number;
  column: ReportColumnKey;
  message: string;
}

const MONEY = { min: '0', max: '999999999999.99', maxDecimals: 2 };
/** Within MONEY for sure: up to 12 digits and 2 decimals. */
const PLAIN_MONEY = /^\d{1,12}(\.\d{1,2})?$/;
const MONEY_COLUMNS = ['outputValue', 'revenue', 'rdExpense'] as const;
const COUNT_COLUMNS = ['employees', 'patentsFiled', 'patentsGranted'] as const;
/** Revisions are int4 in the database. */
const MAX_REVISION = 2147483647;

/** A cell's text inside a message, cut short: a message never carries a whole cell. */
export function quoted(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 60)}…"` : `"${text}"`;
}

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
  const sheet = raw.sheet ?? 0;
  const fail = (column: ReportColumnKey, message: string) =>
    errors.push({ sheet, row: raw.row, column, message: `${column} ${message}` });

  const tenantId = cellText(raw.cells.tenantId).toLowerCase();
  if (tenantId && !isUuid(tenantId)) {
    fail(
      'tenantId',
      `must be a tenant's platform id as the export writes it, got ${quoted(tenantId)}`,
    );
  }
  const creditCode = cellText(raw.cells.creditCode).toUpperCase();
  if (!creditCode) {
    if (!tenantId) {
      if (!('tenantId' in raw.cells)) fail('creditCode', 'is required');
      else if (!('creditCode' in raw.cells)) fail('tenantId', 'is required');
      else fail('creditCode', 'is required, or tenantId for a team (which has no credit code)');
    }
  } else {
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
        : `must be a month written YYYY-MM, got ${quoted(period)}`,
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
    if (problem) fail(column, text ? `${problem}, got ${quoted(text)}` : problem);
    else money[column] = new Decimal(text).toFixed();
  }

  const counts: Record<string, number> = {};
  for (const column of COUNT_COLUMNS) {
    const text = cellText(raw.cells[column]);
    if (!text) fail(column, 'is required');
    else if (!/^-?\d+(\.0+)?$/.test(text))
      fail(column, `must be a whole number, got ${quoted(text)}`);
    else {
      const n = Number.parseInt(text, 10);
      if (n < 0) fail(column, 'must be at least 0');
      else if (n > MAX_COUNT) fail(column, `must be at most ${MAX_COUNT}`);
      else counts[column] = n;
    }
  }

  // Blank (or no column) in a hand-made row, or a month the export did not have.
  const revisionText = cellText(raw.cells.revision);
  let revision: number | null = null;
  if (revisionText) {
    const n = /^\d+(\.0+)?$/.test(revisionText) ? Number.parseInt(revisionText, 10) : 0;
    if (n < 1 || n > MAX_REVISION) {
      fail(
        'revision',
        `must be the revision the export wrote (a whole number from 1), or empty, got ${quoted(revisionText)}`,
      );
    } else revision = n;
  }

  if (errors.length) return { errors };
  return {
    errors,
    value: {
      sheet,
      row: raw.row,
      creditCode: creditCode || null,
      tenantId: tenantId || null,
      period,
      outputValue: money.outputValue,
      revenue: money.revenue,
      rdExpense: money.rdExpense,
      employees: counts.employees,
      patentsFiled: counts.patentsFiled,
      patentsGranted: counts.patentsGranted,
      revision,
    },
  };
}

export interface KnownTenant extends Residency {
  id: string;
  creditCode: string | null;
}

export interface KnownTenants {
  byId: Map<string, KnownTenant>;
  byCode: Map<string, KnownTenant>;
}

/**
 * Checks well-formed rows against the register and each other: a registered tenant (by id, or
 * by credit code; both, when given, must be the same tenant's), a month that has begun and in
 * which the tenant was resident, and one row per tenant and month. Each problem goes to
 * `report`, in row order; returns the tenant id of every row.
 */
export function checkRowsInContext(
  rows: ReportRow[],
  tenants: KnownTenants,
  today: string,
  report: (error: RowError) => void,
  sheetName: (sheet: number) => string | null = () => null,
): string[] {
  const ids: string[] = [];
  const seen = new Map<string, ReportRow>();
  for (const r of rows) {
    const fail = (column: ReportColumnKey, message: string) =>
      report({ sheet: r.sheet, row: r.row, column, message });
    const tenant = r.tenantId ? tenants.byId.get(r.tenantId) : tenants.byCode.get(r.creditCode!);
    ids.push(tenant?.id ?? '');
    if (!tenant) {
      if (r.tenantId) fail('tenantId', `tenantId ${r.tenantId} is not a registered firm or team`);
      else fail('creditCode', `creditCode ${r.creditCode} is not the code of a registered firm`);
      continue;
    }
    if (r.creditCode && tenant.creditCode !== r.creditCode) {
      fail(
        'creditCode',
        `creditCode ${r.creditCode} is not the code of tenant ${tenant.id}, which has ${tenant.creditCode ?? 'none (a team)'}`,
      );
      continue;
    }
    const problem = periodProblem(r.period, tenant, today);
    if (problem) fail('period', `period ${problem}`);
    const key = `${tenant.id}|${r.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const name = first.sheet === r.sheet ? null : sheetName(first.sheet);
      fail(
        'period',
        `period ${r.period} of this ${tenant.creditCode ? 'firm' : 'team'} is already on row ${first.row}${name ? ` of sheet "${name}"` : ''}: one row per tenant and month`,
      );
    } else seen.set(key, r);
  }
  return ids;
}
