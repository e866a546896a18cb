import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A part of a zip archive built by a test: its text, or a text repeated many times (inflating to
 * far more than it deflates to), and optionally a size to declare other than the real one.
 */
export interface ZipPart {
  name: string;
  content: string | Buffer | { head?: string; repeat: string; times: number; tail?: string };
  /** The uncompressed size the headers claim; the real size when left out. */
  declaredSize?: number;
}

/** The chunks of a part's content, made one at a time so a huge part is never in memory. */
function* chunksOf(content: ZipPart['content']): Generator<Buffer> {
  if (typeof content === 'string') yield Buffer.from(content);
  else if (Buffer.isBuffer(content)) yield content;
  else {
    if (content.head) yield Buffer.from(content.head);
    // Batches of the repeated text: fewer, larger writes deflate faster.
    const per = Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(content.repeat)));
    const batch = Buffer.from(content.repeat.repeat(per));
    let left = content.times;
    for (; left >= per; left -= per) yield batch;
    if (left) yield Buffer.from(content.repeat.repeat(left));
    if (content.tail) yield Buffer.from(content.tail);
  }
}

async function deflate(content: ZipPart['content']) {
  const out: Buffer[] = [];
  const z = createDeflateRaw({ level: 9 });
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => z.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const chunk of chunksOf(content)) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** A zip archive of deflated parts (no zip64: each part stays under 4 GB). */
export async function zip(parts: ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, crc, size } = await deflate(part.content);
    const name = Buffer.from(part.name);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The parts of a minimal .xlsx with one sheet, for tests that build a workbook by hand: give
 * the sheet's XML (its sheetData) and, if the sheet uses shared text, the shared-strings part.
 */
export function workbookParts(opts: {
  sheetData: ZipPart['content'];
  sharedStrings?: ZipPart['content'];
  sharedStringsDeclaredSize?: number;
  sheetDeclaredSize?: number;
}): ZipPart[] {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: ROOT_RELS },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="产值月报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${opts.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
  ];
  if (opts.sharedStrings) {
    parts.push({
      name: 'xl/sharedStrings.xml',
      content: opts.sharedStrings,
      declaredSize: opts.sharedStringsDeclaredSize,
    });
  }
  const sheet = opts.sheetData;
  parts.push({
    name: 'xl/worksheets/sheet1.xml',
    content:
      typeof sheet === 'string' || Buffer.isBuffer(sheet)
        ? `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`
        : {
            head: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet.head ?? ''}`,
            repeat: sheet.repeat,
            times: sheet.times,
            tail: `${sheet.tail ?? ''}</sheetData></worksheet>`,
          },
    declaredSize: opts.sheetDeclaredSize,
  });
  return parts;
}
