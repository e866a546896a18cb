import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { Parser } from 'htmlparser2';
import yauzl from 'yauzl';
import { FileRefused, READ_LIMITS } from './read-limits.js';

/** Where a file is read from: its bytes, or a path (the command line), read in pieces. */
export type FileSource = Buffer | { path: string };

/** One line of a sheet: its row number and its cells by column index (0 = A). */
export interface Line {
  row: number;
  values: unknown[];
}

export interface SheetVisitor {
  /** A worksheet begins (null: the one table of a CSV); its lines follow, blank ones left out. */
  sheet(name: string | null): void;
  line(line: Line): void;
}

const NOT_READABLE = 'is not a readable .xlsx workbook';
const MB = 1024 * 1024;

/**
 * Reads every worksheet of an .xlsx, in workbook order, a line at a time. Memory stays bounded
 * whatever the file holds: every part is inflated as a stream and its bytes are counted as they
 * come (the sizes a zip declares can lie), the shared text is the only part kept whole and has
 * a limit of its own, and sheets, cells and text all have limits. Anything unreadable is a
 * FileRefused with a message of ours, never the library's.
 */
export async function readXlsx(source: FileSource, visitor: SheetVisitor): Promise<void> {
  const zip = await openZip(source);
  try {
    await new WorkbookReader(zip).read(visitor);
  } finally {
    zip.close();
  }
}

async function openZip(source: FileSource): Promise<yauzl.ZipFile> {
  if (Buffer.isBuffer(source) && source.subarray(0, 4).equals(OLE_SIGNATURE)) {
    throw new FileRefused(
      `${NOT_READABLE}: it is an old .xls workbook or a password-protected one; save it in Excel as an unprotected .xlsx`,
    );
  }
  // Sizes are counted while inflating (below), so the library's own check is not relied on.
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: false };
  try {
    return Buffer.isBuffer(source)
      ? await yauzl.fromBufferPromise(source, options)
      : await yauzl.openPromise(source.path, options);
  } catch {
    throw new FileRefused(`${NOT_READABLE}: it is not a zip archive, or it is cut short`);
  }
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

interface SheetRef {
  name: string;
  path: string | undefined;
  isWorksheet: boolean;
}

class WorkbookReader {
  private entries = new Map<string, yauzl.Entry>();
  private inflated = 0;
  private cells = 0;
  private sharedStrings: string[] = [];
  /** Per cell style (the `s` attribute): whether its number format shows a date. */
  private dateStyles: boolean[] = [];
  private date1904 = false;

  constructor(private readonly zip: yauzl.ZipFile) {}

  async read(visitor: SheetVisitor): Promise<void> {
    await this.listEntries();
    const workbookPath =
      (await this.relationships('_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'))
        ?.target ?? 'xl/workbook.xml';
    if (!this.entry(workbookPath)) {
      throw new FileRefused(`${NOT_READABLE}: it holds no workbook`);
    }
    const rels = await this.relationships(relsPathOf(workbookPath));
    const sheets = await this.readWorkbook(workbookPath, rels);
    const shared = rels.find((r) => r.type.endsWith('/sharedStrings'));
    if (shared) await this.readSharedStrings(shared.target);
    const styles = rels.find((r) => r.type.endsWith('/styles'));
    if (styles) await this.readStyles(styles.target);

    for (const sheet of sheets) {
      if (!sheet.isWorksheet) {
        throw new FileRefused(
          `has a sheet "${sheet.name}" that is a chart or dialog, not a table of reports: remove it`,
        );
      }
      const entry = sheet.path && this.entry(sheet.path);
      if (!entry) throw new FileRefused(`${NOT_READABLE}: its sheet "${sheet.name}" is missing`);
      visitor.sheet(sheet.name);
      await this.readSheet(entry, sheet.name, visitor);
    }
  }

  private async listEntries(): Promise<void> {
    if (this.zip.entryCount > READ_LIMITS.zipEntries) {
      throw new FileRefused(`${NOT_READABLE}: it holds more than ${READ_LIMITS.zipEntries} files`);
    }
    try {
      for await (const entry of this.zip.eachEntry()) {
        this.entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      }
    } catch {
      throw new FileRefused(`${NOT_READABLE}: its list of contents is damaged`);
    }
  }

  private entry(path: string): yauzl.Entry | undefined {
    const exact = this.entries.get(path);
    if (exact) return exact;
    // Some writers differ in case from the paths their own relationships name.
    const lower = path.toLowerCase();
    for (const [name, entry] of this.entries) if (name.toLowerCase() === lower) return entry;
    return undefined;
  }

  /**
   * Streams one part through an XML parser, counting its inflated bytes against the part's
   * limit and everything inflated so far against the file's.
   */
  private async parsePart(
    entry: yauzl.Entry,
    limit: number,
    what: string,
    handler: Partial<ConstructorParameters<typeof Parser>[0]>,
  ): Promise<void> {
    if (entry.isEncrypted()) throw new FileRefused(`${NOT_READABLE}: it is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new FileRefused(`${NOT_READABLE}: it is compressed in a way Excel does not use`);
    }
    // An honest size over the limit is refused before a byte is inflated.
    this.checkSize(entry.uncompressedSize, limit, what);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch {
      throw new FileRefused(`${NOT_READABLE}: its part ${entry.fileName} is damaged`);
    }
    const parser = new Parser(handler, { xmlMode: true, decodeEntities: true });
    // Characters split between two chunks are joined by the decoder.
    const utf8 = new StringDecoder('utf8');
    let bytes = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        this.inflated += chunk.length;
        this.checkSize(bytes, limit, what);
        parser.write(utf8.write(chunk));
      }
      parser.write(utf8.end());
      parser.end();
    } catch (err) {
      stream.destroy();
      if (err instanceof FileRefused) throw err;
      throw new FileRefused(`${NOT_READABLE}: its part ${entry.fileName} cannot be unzipped`);
    }
  }

  private checkSize(partBytes: number, limit: number, what: string): void {
    if (partBytes > limit) {
      throw new FileRefused(`${what} expands to more than ${limit / MB} MB once unzipped`);
    }
    if (this.inflated > READ_LIMITS.inflatedBytes) {
      throw new FileRefused(
        `expands to more than ${READ_LIMITS.inflatedBytes / MB} MB once unzipped`,
      );
    }
  }

  /** A small part (relationships, workbook, styles) read whole into its elements. */
  private async small(
    path: string,
    onTag: (name: string, attrs: Record<string, string>) => void,
  ): Promise<void> {
    const entry = this.entry(path);
    if (!entry) return;
    await this.parsePart(entry, READ_LIMITS.partBytes, `has a part ${entry.fileName} that`, {
      onopentag: (name, attrs) => onTag(localName(name), attrs),
    });
  }

  private async relationships(
    path: string,
  ): Promise<{ id: string; type: string; target: string }[]> {
    const base = posix.dirname(posix.dirname(path));
    const rels: { id: string; type: string; target: string }[] = [];
    await this.small(path, (name, a) => {
      if (name !== 'Relationship' || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/')
        ? a.Target.slice(1)
        : posix.normalize(posix.join(base, a.Target));
      if (rels.length < READ_LIMITS.zipEntries) rels.push({ id: a.Id, type: a.Type ?? '', target });
    });
    return rels;
  }

  private async readWorkbook(
    path: string,
    rels: { id: string; type: string; target: string }[],
  ): Promise<SheetRef[]> {
    const sheets: SheetRef[] = [];
    await this.small(path, (name, a) => {
      if (name === 'workbookPr') this.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      if (sheets.length >= READ_LIMITS.sheets) {
        throw new FileRefused(`has more than ${READ_LIMITS.sheets} sheets`);
      }
      const id = a['r:id'] ?? Object.entries(a).find(([k]) => localName(k) === 'id')?.[1];
      const rel = rels.find((r) => r.id === id);
      sheets.push({
        name: a.name ?? `#${sheets.length + 1}`,
        path: rel?.target,
        isWorksheet: !rel || rel.type.endsWith('/worksheet'),
      });
    });
    return sheets;
  }

  private async readStyles(path: string): Promise<void> {
    const custom = new Map<string, string>();
    const xfs: string[] = [];
    let inCellXfs = false;
    const entry = this.entry(path);
    if (!entry) return;
    await this.parsePart(entry, READ_LIMITS.partBytes, `has a part ${entry.fileName} that`, {
      onopentag: (raw, a) => {
        const name = localName(raw);
        if (name === 'numFmt') custom.set(a.numFmtId, a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(a.numFmtId ?? '0');
      },
      onclosetag: (raw) => {
        if (localName(raw) === 'cellXfs') inCellXfs = false;
      },
    });
    this.dateStyles = xfs.map((id) => isDateFormat(id, custom.get(id)));
  }

  private async readSharedStrings(path: string): Promise<void> {
    const entry = this.entry(path);
    if (!entry) return;
    const strings = this.sharedStrings;
    const text = new TextCollector('a shared text');
    let inPhonetic = false;
    await this.parsePart(entry, READ_LIMITS.sharedStringsBytes, 'has shared text that', {
      onopentag: (raw) => {
        const name = localName(raw);
        if (name === 'si') text.reset();
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && !inPhonetic) text.open();
      },
      ontext: (t) => text.add(t),
      onclosetag: (raw) => {
        const name = localName(raw);
        if (name === 't') text.close();
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si') strings.push(text.value());
      },
    });
  }

  private async readSheet(entry: yauzl.Entry, sheet: string, visitor: SheetVisitor): Promise<void> {
    let row = 0;
    let values: unknown[] = [];
    let lineChars = 0;
    let nonBlank = false;
    let col = -1;
    let type = '';
    let style = 0;
    let inCell = false;
    let inPhonetic = false;
    const text = new TextCollector('a cell');
    const where = () => `sheet "${sheet}", row ${row}`;

    const endCell = () => {
      const value = this.cellValue(type, style, text.value(), where);
      if (value === undefined || value === '') return;
      if (typeof value === 'string') {
        lineChars += value.length;
        if (lineChars > READ_LIMITS.lineChars) {
          throw new FileRefused(
            `has more text in ${where()} than a report row can hold (${READ_LIMITS.lineChars} characters)`,
          );
        }
        if (!value.trim()) return;
      }
      values[col] = value;
      nonBlank = true;
    };

    await this.parsePart(entry, READ_LIMITS.inflatedBytes, `has a sheet "${sheet}" that`, {
      onopentag: (raw, a) => {
        const name = localName(raw);
        if (name === 'row') {
          const r = Number(a.r);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          values = [];
          lineChars = 0;
          nonBlank = false;
          col = -1;
        } else if (name === 'c') {
          if (++this.cells > READ_LIMITS.cells) {
            throw new FileRefused(`has more than ${READ_LIMITS.cells} cells`);
          }
          const ref = a.r ? columnIndex(a.r) : undefined;
          col = ref ?? col + 1;
          if (col >= READ_LIMITS.columns) {
            throw new FileRefused(`has a cell beyond the last column Excel allows in ${where()}`);
          }
          type = a.t ?? 'n';
          style = Number(a.s ?? 0);
          inCell = true;
          text.reset();
        } else if (inCell && !inPhonetic && (name === 'v' || name === 't')) text.open();
        else if (name === 'rPh') inPhonetic = true;
      },
      ontext: (t) => text.add(t),
      onclosetag: (raw) => {
        const name = localName(raw);
        if (name === 'v' || name === 't') text.close();
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'c') {
          endCell();
          inCell = false;
        } else if (name === 'row' && nonBlank) visitor.line({ row, values });
      },
    });
  }

  /** A cell as exceljs would give it: text, a number, a boolean, or a date for date formats. */
  private cellValue(type: string, style: number, text: string, where: () => string): unknown {
    switch (type) {
      case 's': {
        const index = Number(text);
        const value = Number.isInteger(index) ? this.sharedStrings[index] : undefined;
        if (value === undefined && text !== '') {
          throw new FileRefused(
            `${NOT_READABLE}: ${where()} refers to shared text it does not hold`,
          );
        }
        return value;
      }
      case 'str':
      case 'inlineStr':
      case 'e':
        return text;
      case 'b':
        return text === '1' || text === 'true';
      case 'd': {
        const date = new Date(text);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        if (text.trim() === '') return undefined;
        const n = Number(text);
        if (!Number.isFinite(n)) return text;
        return this.dateStyles[style] ? excelDate(n, this.date1904) : n;
      }
    }
  }
}

/**
 * Gathers the text of one element, which the parser may hand over in pieces, up to the
 * 32,767 characters Excel allows in a cell.
 */
class TextCollector {
  private parts: string[] = [];
  private length = 0;
  private capturing = false;

  constructor(private readonly what: string) {}

  reset() {
    this.parts = [];
    this.length = 0;
    this.capturing = false;
  }
  open() {
    this.capturing = true;
  }
  close() {
    this.capturing = false;
  }
  add(text: string) {
    if (!this.capturing) return;
    this.length += text.length;
    if (this.length > READ_LIMITS.cellChars) {
      throw new FileRefused(
        `has ${this.what} longer than the ${READ_LIMITS.cellChars} characters Excel allows`,
      );
    }
    this.parts.push(text);
  }
  value(): string {
    return this.parts.length === 1 ? this.parts[0] : this.parts.join('');
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const relsPathOf = (path: string) =>
  posix.join(posix.dirname(path), '_rels', `${posix.basename(path)}.rels`);

/** The column of a cell reference such as "AB12": 0 for A. */
function columnIndex(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > READ_LIMITS.columns) return READ_LIMITS.columns;
  }
  return i === 0 ? undefined : col - 1;
}

/** Excel's built-in number formats that show dates (including those of Chinese locales). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormat(id: string, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATES.has(Number(id));
  // Quoted text, escapes and [colour]/[locale] sections say nothing about dates.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ymdhs年月日]/i.test(bare);
}

/** Excel's day number as a date at midnight UTC, as exceljs reads it. */
function excelDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? 24107 : 25569;
  return new Date(Math.round((serial - epoch) * 86_400_000));
}
