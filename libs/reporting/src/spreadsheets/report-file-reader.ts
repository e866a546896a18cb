import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { BadInputError } from '@jcv/shared';
import {
  columnOfHeader,
  describeColumn,
  KEY_COLUMNS,
  REPORT_COLUMNS,
  type ReportColumnKey,
} from './report-columns.js';
import type { RawReportRow } from './report-row.js';
import { FileRefused, READ_LIMITS } from './read-limits.js';
import { FILE_ARGUMENT } from './spreadsheets.args.js';
import { type FileSource, type Line, readXlsx, type SheetVisitor } from './xlsx-reader.js';

export type { FileSource } from './xlsx-reader.js';
export type ReportFileFormat = 'xlsx' | 'csv';

export interface ReportSheet {
  /** The worksheet's name; null for a CSV file. */
  name: string | null;
  /** The header each column was found under, as written in the file. */
  headers: Partial<Record<ReportColumnKey, string>>;
}

export interface ReportFile {
  /** Every sheet that holds anything, in order; a row's `sheet` is its index here. */
  sheets: ReportSheet[];
  /** Data rows read, all sheets together (blank lines are not rows). */
  rowsRead: number;
}

export function formatOfFileName(fileName: string): ReportFileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'csv') return ext;
  throw new BadInputError('fileName', 'must end in .xlsx or .csv');
}

/**
 * Reads a report spreadsheet a row at a time, handing each data row to `onRow` as it comes:
 * every worksheet of an .xlsx, or a .csv in UTF-8 (with or without BOM) or GB18030, as Excel
 * saves CSV on Chinese Windows. In each sheet the first non-empty row holds the headers; a
 * sheet with content but without them refuses the file, so nothing in it goes unread. Memory
 * stays bounded whatever the file (see READ_LIMITS); an unreadable file is BAD_USER_INPUT on
 * the file argument with a message of ours.
 */
export async function readReportFile(
  fileName: string,
  source: FileSource,
  onRow: (row: RawReportRow) => void,
): Promise<ReportFile> {
  const format = formatOfFileName(fileName);
  const rows = new RowMapper(format, onRow);
  try {
    if (format === 'csv') await readCsv(source, rows);
    else await readXlsx(source, rows);
  } catch (err) {
    if (err instanceof FileRefused) throw new BadInputError(FILE_ARGUMENT, err.message);
    throw err;
  }
  if (!rows.file.sheets.length) throw new BadInputError(FILE_ARGUMENT, 'holds no rows');
  return rows.file;
}

const isBlank = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/** Finds each sheet's header row and turns the lines under it into rows of named cells. */
class RowMapper implements SheetVisitor {
  readonly file: ReportFile = { sheets: [], rowsRead: 0 };
  private name: string | null = null;
  private columns: [ReportColumnKey, number][] | null = null;

  constructor(
    private readonly format: ReportFileFormat,
    private readonly onRow: (row: RawReportRow) => void,
  ) {}

  sheet(name: string | null): void {
    this.name = name;
    this.columns = null;
  }

  line(line: Line): void {
    if (!this.columns) {
      this.columns = this.header(line);
      return;
    }
    if (++this.file.rowsRead > READ_LIMITS.dataRows) {
      throw new FileRefused(
        `holds more than ${READ_LIMITS.dataRows} data rows: split it into several files`,
      );
    }
    const cells: Partial<Record<ReportColumnKey, unknown>> = {};
    for (const [key, i] of this.columns) cells[key] = line.values[i];
    this.onRow({ sheet: this.file.sheets.length - 1, row: line.row, cells });
  }

  private header(line: Line): [ReportColumnKey, number][] {
    const where = this.format === 'xlsx' ? `has a sheet "${this.name}" that` : '';
    const refuse = (problem: string) => new FileRefused(where ? `${where} ${problem}` : problem);
    const indexOf = new Map<ReportColumnKey, number>();
    const headers: Partial<Record<ReportColumnKey, string>> = {};
    line.values.forEach((v, i) => {
      const text = isBlank(v) ? '' : String(v).trim();
      const key = columnOfHeader(text);
      if (!key) return;
      if (indexOf.has(key)) {
        throw refuse(
          `has two columns for ${describeColumn(key)}: "${headers[key]}" and "${text.slice(0, 100)}"`,
        );
      }
      indexOf.set(key, i);
      headers[key] = text;
    });
    const missing = REPORT_COLUMNS.filter(
      (c) => !KEY_COLUMNS.includes(c.key) && !indexOf.has(c.key),
    ).map((c) => describeColumn(c.key));
    if (!KEY_COLUMNS.some((k) => indexOf.has(k))) {
      missing.unshift(KEY_COLUMNS.map(describeColumn).join(' or '));
    }
    if (missing.length) {
      throw refuse(
        `has no column for ${missing.join(', ')} in its header row (row ${line.row}); the first row that is not empty must hold the headers`,
      );
    }
    this.file.sheets.push({ name: this.name, headers });
    return [...indexOf];
  }
}

function openStream(source: FileSource): Readable {
  return Buffer.isBuffer(source) ? Readable.from([source]) : createReadStream(source.path);
}

/** UTF-8 when every byte of the file decodes as such; GB18030 otherwise. */
async function csvEncoding(source: FileSource): Promise<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of openStream(source) as AsyncIterable<Buffer>) {
      utf8.decode(chunk, { stream: true });
    }
    utf8.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

async function readCsv(source: FileSource, visitor: SheetVisitor): Promise<void> {
  // A leading BOM is dropped by the decoder.
  const decoder = new TextDecoder(await csvEncoding(source));
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const text = decoder.decode(chunk, { stream: true });
      done(null, text || undefined);
    },
    flush(done) {
      done(null, decoder.decode() || undefined);
    },
  });
  // Cells are trimmed where they are read (cellText), not here: the parser is faster so.
  const parser = parse({ relax_column_count: true, max_record_size: READ_LIMITS.lineChars });
  visitor.sheet(null);
  let record = 0;
  // Our own refusal, kept: the streams torn down after it may report errors of their own.
  let refused: FileRefused | undefined;
  try {
    await pipeline(openStream(source), decode, parser, async (records: AsyncIterable<string[]>) => {
      for await (const values of records) {
        record++;
        try {
          if (values.length > READ_LIMITS.columns) {
            throw new FileRefused(`has more than ${READ_LIMITS.columns} columns on line ${record}`);
          }
          if (!values.every(isBlank)) visitor.line({ row: record, values });
        } catch (err) {
          if (err instanceof FileRefused) refused = err;
          throw err;
        }
      }
    });
  } catch (err) {
    if (refused) throw refused;
    throw new FileRefused(csvProblem(err, record + 1));
  }
}

/** The parser's complaint in our words: its own text names its options, not the file. */
function csvProblem(err: unknown, record: number): string {
  const code = (err as { code?: string }).code;
  const line = (err as { lines?: number }).lines ?? record;
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `is not a readable CSV file: a quoted cell opened on or before line ${line} is never closed`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `is not a readable CSV file: line ${line} has a quote inside a cell; put the cell in quotes and double the quotes inside it`;
    case 'CSV_MAX_RECORD_SIZE':
      return `is not a readable CSV file: line ${line} is longer than ${READ_LIMITS.lineChars} characters`;
    default:
      return `is not a readable CSV file (near line ${line})`;
  }
}
