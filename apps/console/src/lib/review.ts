import { nextMonth, reportDueOn } from './dates';
import type { GraphQLErrorLike } from './api-errors';

/**
 * The committee's side of the monthly output reports (domain.md, "Output reports"): the review
 * queue, the overdue months of a zone on a day, the spreadsheet import (what the browser checks
 * before sending a file, and the API's answer as a list of bad rows and columns) and the export
 * (the API's base64 file as bytes and a safe download name). No React here: the specs run it.
 */

export type ReportStatus = 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

// ---- review ------------------------------------------------------------------------------------

/** The longest review note the API takes (reviewOutputReport's `note`). */
export const NOTE_MAX = 2000;

export type NoteProblem = 'REQUIRED' | 'TOO_LONG';

/** Why a note cannot return a report: the API requires one to RETURN and caps its length. */
export function noteProblem(note: string | null | undefined): NoteProblem | null {
  const text = (note ?? '').trim();
  if (!text) return 'REQUIRED';
  if (text.length > NOTE_MAX) return 'TOO_LONG';
  return null;
}

/**
 * The rows still waiting in the queue: the API listed the latest SUBMITTED revisions, and a
 * decision made here since (the cache holds the reviewed report's new status) takes a row out.
 */
export function stillPending<R extends { status: ReportStatus }>(reports: readonly R[]): R[] {
  return reports.filter((r) => r.status === 'SUBMITTED');
}

/** The queue's total less the loaded rows reviewed since (`loaded` rows, `pending` still waiting). */
export function remainingCount(totalCount: number, loaded: number, pending: number): number {
  return Math.max(0, totalCount - (loaded - pending));
}

// ---- overdue -----------------------------------------------------------------------------------

/** The first month the park counts as owed (the API's `overdueReports`: from 2025-01). */
export const REPORTING_SINCE = '2025-01';

/** The months from `from` to `to` (YYYY-MM), both included; none when `to` is before `from`. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = nextMonth(p)) out.push(p);
  return out;
}

function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The latest month whose report was due before `asOf` (YYYY-MM-DD): due the 15th of the next. */
export function lastMonthDueBefore(asOf: string): string {
  const month = asOf.slice(0, 7);
  return Number(asOf.slice(8, 10)) > 15
    ? previousMonth(month)
    : previousMonth(previousMonth(month));
}

export interface OverdueTenantInput {
  id: string;
  name: string;
  creditCode?: string | null;
  status?: string;
  enteredOn: string;
  exitedOn?: string | null;
  /** The latest revision of each month (Tenant.outputReports). */
  outputReports: readonly { period: string; status: ReportStatus }[];
}

/** Why a month is overdue: nothing received, or the latest revision was returned. */
export type OverdueReason = 'NOT_REPORTED' | 'RETURNED';

export interface OverdueFirm {
  id: string;
  name: string;
  creditCode: string | null;
  status: string | null;
  reason: OverdueReason;
}

export interface OverdueMonth {
  period: string;
  dueOn: string;
  firms: OverdueFirm[];
}

/**
 * The months a tenant owes on `asOf`, as the API counts them: each month it was resident (entry
 * month to exit month) from REPORTING_SINCE whose due date is before asOf.
 */
export function monthsOwed(
  tenant: Pick<OverdueTenantInput, 'enteredOn' | 'exitedOn'>,
  asOf: string,
): string[] {
  const entered = tenant.enteredOn.slice(0, 7);
  const from = entered > REPORTING_SINCE ? entered : REPORTING_SINCE;
  const last = lastMonthDueBefore(asOf);
  const exited = tenant.exitedOn ? tenant.exitedOn.slice(0, 7) : null;
  return periodsBetween(from, exited && exited < last ? exited : last);
}

/**
 * A zone's overdue months on `asOf` (domain.md: due before the day, latest revision neither
 * SUBMITTED nor ACCEPTED), newest month first, each with its firms by name. The total of the
 * firms of every month is what `overdueReports(zoneId, asOf)` answers.
 */
export function overdueByMonth(
  tenants: readonly OverdueTenantInput[],
  asOf: string,
): OverdueMonth[] {
  const months = new Map<string, OverdueFirm[]>();
  for (const t of tenants) {
    const latest = new Map(t.outputReports.map((r) => [r.period, r.status]));
    for (const period of monthsOwed(t, asOf)) {
      const status = latest.get(period);
      if (status === 'SUBMITTED' || status === 'ACCEPTED') continue;
      const firm: OverdueFirm = {
        id: t.id,
        name: t.name,
        creditCode: t.creditCode ?? null,
        status: t.status ?? null,
        reason: status === 'RETURNED' ? 'RETURNED' : 'NOT_REPORTED',
      };
      const list = months.get(period);
      if (list) list.push(firm);
      else months.set(period, [firm]);
    }
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([period, firms]) => ({
      period,
      dueOn: reportDueOn(period),
      firms: firms.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1)),
    }));
}

export function overdueTotal(months: readonly OverdueMonth[]): number {
  return months.reduce((n, m) => n + m.firms.length, 0);
}

/** The firms of a zone with at least one overdue month, and how many months each. */
export function overdueFirmCount(months: readonly OverdueMonth[]): number {
  return new Set(months.flatMap((m) => m.firms.map((f) => f.id))).size;
}

// ---- import ------------------------------------------------------------------------------------

/** The file kinds importOutputReports reads, told by the name's extension. */
export const IMPORT_EXTENSIONS = ['.xlsx', '.csv'] as const;

/**
 * The API's JSON body limit (BODY_LIMIT, 10mb by default in libs/config). The file travels in
 * the request as base64 (4 characters per 3 bytes) beside the operation text.
 */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;
/** Room left in a request for the operation, the file name and the JSON around them. */
export const REQUEST_ENVELOPE_BYTES = 64 * 1024;
/** contentBase64 is at most 50,000,000 characters (ImportOutputReportsArgs). */
export const MAX_BASE64_CHARS = 50_000_000;

/** Characters of the base64 text of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/**
 * The largest file the browser sends: 7 MiB, whose base64 text (9.3 MiB) and the request around
 * it fit the API's 10 MiB body limit. A real report file is far smaller (a zone's year is a few
 * hundred KB).
 */
export const MAX_IMPORT_BYTES = 7 * 1024 * 1024;

export type FileProblem =
  { code: 'TYPE' } | { code: 'EMPTY' } | { code: 'TOO_LARGE'; maxBytes: number; size: number };

/** Why the browser refuses a chosen file before sending it, or null when it may go. */
export function checkImportFile(file: { name: string; size: number }): FileProblem | null {
  const name = file.name.toLowerCase();
  if (!IMPORT_EXTENSIONS.some((ext) => name.endsWith(ext))) return { code: 'TYPE' };
  if (file.size === 0) return { code: 'EMPTY' };
  if (file.size > MAX_IMPORT_BYTES)
    return { code: 'TOO_LARGE', maxBytes: MAX_IMPORT_BYTES, size: file.size };
  return null;
}

/** A size in bytes for people: 7 MB, 512 KB, 300 B (1 MB = 1024 KB). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The base64 text of a `data:` URL (FileReader.readAsDataURL), without its prefix. */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** A share of a total as a whole percentage from 0 to 100 (0 when the total is unknown). */
export function percentOf(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

export interface ImportRowErrorLike {
  row: number;
  column: string;
  header?: string | null;
  message: string;
  sheet?: string | null;
}

export interface ImportResultLike {
  fileName: string;
  rowsRead: number;
  imported: number;
  newRevisions: number;
  unchanged: number;
  errorCount: number;
  errors: readonly ImportRowErrorLike[];
}

/** One bad cell of a refused file, as the page lists it. */
export interface ImportProblemRow {
  key: string;
  sheet: string | null;
  row: number;
  column: string;
  header: string | null;
  message: string;
}

export type ImportOutcome =
  | {
      kind: 'WRITTEN';
      fileName: string;
      rowsRead: number;
      imported: number;
      newRevisions: number;
      unchanged: number;
    }
  | {
      kind: 'REFUSED';
      fileName: string;
      rowsRead: number;
      errorCount: number;
      /** The rows the API listed (at most its first 1000 problems), in file order. */
      problems: ImportProblemRow[];
      /** Distinct rows among the listed problems. */
      badRows: number;
      /** Problems counted by the API but not listed (errorCount beyond the list). */
      unlisted: number;
    };

/**
 * The API's answer to an import as the page shows it: written (all rows), or refused (nothing
 * written) with each bad row and column. A file with any problem is refused whole.
 */
export function importOutcome(result: ImportResultLike): ImportOutcome {
  if (result.errorCount > 0 || result.errors.length > 0) {
    const problems = result.errors.map((e, i) => ({
      key: `${e.sheet ?? ''}:${e.row}:${e.column}:${i}`,
      sheet: e.sheet ?? null,
      row: e.row,
      column: e.column,
      header: e.header ?? null,
      message: e.message,
    }));
    const errorCount = Math.max(result.errorCount, problems.length);
    return {
      kind: 'REFUSED',
      fileName: result.fileName,
      rowsRead: result.rowsRead,
      errorCount,
      problems,
      badRows: new Set(problems.map((p) => `${p.sheet ?? ''}:${p.row}`)).size,
      unlisted: errorCount - problems.length,
    };
  }
  return {
    kind: 'WRITTEN',
    fileName: result.fileName,
    rowsRead: result.rowsRead,
    imported: result.imported,
    newRevisions: result.newRevisions,
    unchanged: result.unchanged,
  };
}

/** The report columns an import reads, by the field name the API gives in `column`. */
export const IMPORT_COLUMNS = [
  'creditCode',
  'tenantId',
  'period',
  'outputValue',
  'revenue',
  'rdExpense',
  'employees',
  'patentsFiled',
  'patentsGranted',
  'revision',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export function isImportColumn(column: string): column is ImportColumn {
  return (IMPORT_COLUMNS as readonly string[]).includes(column);
}

/** What an upload's HTTP answer holds: the data, the API's errors, or a refusal of the request. */
export type UploadAnswer<T> =
  | { kind: 'DATA'; data: T }
  | { kind: 'ERRORS'; errors: GraphQLErrorLike[] }
  | { kind: 'TOO_LARGE' }
  | { kind: 'HTTP'; status: number };

/** Reads the answer of a GraphQL request sent outside Apollo (the import's upload). */
export function readUploadAnswer<T>(status: number, body: string): UploadAnswer<T> {
  if (status === 413) return { kind: 'TOO_LARGE' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'HTTP', status };
  }
  if (parsed && typeof parsed === 'object') {
    const answer = parsed as { data?: T | null; errors?: unknown };
    if (Array.isArray(answer.errors) && answer.errors.length > 0) {
      const errors = answer.errors.filter(
        (e): e is GraphQLErrorLike =>
          !!e && typeof e === 'object' && typeof (e as GraphQLErrorLike).message === 'string',
      );
      if (errors.length) return { kind: 'ERRORS', errors };
    }
    if (answer.data) return { kind: 'DATA', data: answer.data };
  }
  return { kind: 'HTTP', status };
}

// ---- export ------------------------------------------------------------------------------------

export type ExportFormat = 'XLSX' | 'CSV';

export const EXPORT_TYPES: Record<ExportFormat, { extension: string; mime: string }> = {
  XLSX: {
    extension: '.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  CSV: { extension: '.csv', mime: 'text/csv;charset=utf-8' },
};

/** The years the export offers: from the first year of reporting to the current one. */
export function exportYears(today: string): number[] {
  const first = Number(REPORTING_SINCE.slice(0, 4));
  const last = Math.max(first, Number(today.slice(0, 4)));
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64_ALPHABET].map((c, i) => [c, i]));

/** The bytes of a base64 text (whitespace ignored); throws on a character outside base64. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new Error('not base64: bad length');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const c of clean) {
    const v = BASE64_VALUE.get(c);
    if (v === undefined) throw new Error(`not base64: "${c}"`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** The base64 text of bytes, padded. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out +=
      BASE64_ALPHABET[n >> 18] +
      BASE64_ALPHABET[(n >> 12) & 63] +
      BASE64_ALPHABET[(n >> 6) & 63] +
      BASE64_ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += `${BASE64_ALPHABET[n >> 18]}${BASE64_ALPHABET[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${BASE64_ALPHABET[n >> 18]}${BASE64_ALPHABET[(n >> 12) & 63]}${BASE64_ALPHABET[(n >> 6) & 63]}=`;
  }
  return out;
}

/**
 * The name the browser saves an export under: the API's own (output-reports-STARTUP-2026.xlsx),
 * stripped of anything a file system would refuse, with the format's extension; a made-up one
 * when the API's is unusable.
 */
export function downloadName(
  fileName: string | null | undefined,
  fallback: { zoneCode: string; year: number; format: ExportFormat },
): string {
  const { extension } = EXPORT_TYPES[fallback.format];
  const base = (fileName ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .trim()
    .replace(/^\.+/, '');
  const safe = base || `output-reports-${fallback.zoneCode}-${fallback.year}`;
  return safe.toLowerCase().endsWith(extension) ? safe : `${safe}${extension}`;
}
