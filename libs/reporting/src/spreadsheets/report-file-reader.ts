import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { BadInputError } from '@jcv/shared';
import {
  columnOfHeader,
  describeColumn,
  REPORT_COLUMNS,
  type ReportColumnKey,
} from './report-columns.js';
import type { RawReportRow } from './report-row.js';

export type ReportFileFormat = 'xlsx' | 'csv';

export interface ReportFile {
  /** The data rows, empty lines left out. */
  rows: RawReportRow[];
  /** The header each column was found under, as written in the file. */
  headers: Partial<Record<ReportColumnKey, string>>;
}

export function formatOfFileName(fileName: string): ReportFileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'csv') return ext;
  throw new BadInputError('fileName', 'must end in .xlsx or .csv');
}

/**
 * Reads a report spreadsheet: the first worksheet of an .xlsx, or a .csv in UTF-8 (with or
 * without BOM) or GB18030, as Excel saves CSV on Chinese Windows. The first non-empty row holds
 * the headers.
 */
export async function readReportFile(fileName: string, content: Buffer): Promise<ReportFile> {
  const format = formatOfFileName(fileName);
  const lines = format === 'csv' ? readCsv(content) : await readXlsx(content);
  return toReportRows(lines);
}

interface Line {
  row: number;
  values: unknown[];
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

function readCsv(content: Buffer): Line[] {
  let records: string[][];
  try {
    // Cells are trimmed where they are read (cellText), not here: the parser is faster so.
    records = parse(decodeText(content), { relax_column_count: true }) as string[][];
  } catch (err) {
    throw new BadInputError(
      'contentBase64',
      `is not a readable CSV file: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return records.map((values, i) => ({ row: i + 1, values }));
}

async function readXlsx(content: Buffer): Promise<Line[]> {
  const lines: Line[] = [];
  try {
    // The streaming reader keeps memory flat on files of a hundred thousand rows.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        lines.push({ row: row.number, values: (row.values as unknown[]).slice(1) });
      }
      break; // the first worksheet holds the reports
    }
  } catch (err) {
    throw new BadInputError(
      'contentBase64',
      `is not a readable .xlsx workbook: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return lines;
}

const isBlank = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

function toReportRows(lines: Line[]): ReportFile {
  const content = lines.filter((l) => !l.values.every(isBlank));
  if (!content.length) throw new BadInputError('contentBase64', 'holds no rows');
  const [header, ...data] = content;
  const indexOf = new Map<ReportColumnKey, number>();
  const headers: Partial<Record<ReportColumnKey, string>> = {};
  header.values.forEach((v, i) => {
    const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
    const key = columnOfHeader(text);
    if (!key) return;
    if (indexOf.has(key)) {
      throw new BadInputError(
        'contentBase64',
        `has two columns for ${describeColumn(key)}: "${headers[key]}" and "${text.trim()}"`,
      );
    }
    indexOf.set(key, i);
    headers[key] = text.trim();
  });
  const missing = REPORT_COLUMNS.filter((c) => !indexOf.has(c.key));
  if (missing.length) {
    throw new BadInputError(
      'contentBase64',
      `has no column for ${missing.map((c) => describeColumn(c.key)).join(', ')} in its header row (row ${header.row})`,
    );
  }
  const rows = data.map((line) => {
    const cells: Partial<Record<ReportColumnKey, unknown>> = {};
    for (const [key, i] of indexOf) cells[key] = line.values[i];
    return { row: line.row, cells };
  });
  return { rows, headers };
}
