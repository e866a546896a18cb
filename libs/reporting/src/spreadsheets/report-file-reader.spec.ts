import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { type FileSource, readReportFile } from './report-file-reader.js';
import type { RawReportRow } from './report-row.js';
import { workbookParts, zip } from '../../../../test/support/zip-writer.js';

const HEADER =
  '统一社会信用代码 Credit code,企业名称 Firm,月份 Period (YYYY-MM),产值（元） Output value (yuan),营业收入（元） Revenue (yuan),研发投入（元） R&D expense (yuan),从业人员（人） Employees,专利申请（件） Patents filed,专利授权（件） Patents granted';
const LINE = '91110108551385082Q,"某某科技, 有限公司",2025-04,1200000.50,1000000,0,12,3,0';

/** Reads a file, keeping the rows it hands over. */
async function read(fileName: string, source: FileSource) {
  const rows: RawReportRow[] = [];
  const file = await readReportFile(fileName, source, (r) => rows.push(r));
  return { ...file, rows };
}

/** The message of a refusal of the file, which must name the file argument. */
async function refusal(fileName: string, source: FileSource): Promise<string> {
  const err: any = await read(fileName, source).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err?.fields).toEqual([{ field: 'contentBase64', message: expect.any(String) }]);
  return err.fields[0].message;
}

const xlsxOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const cell = (v: string) => `<c t="inlineStr"><is><t>${v}</t></is></c>`;
const headerRow = `<row r="1">${HEADER.split(',').map(cell).join('')}</row>`;

describe('readReportFile, CSV', () => {
  it('reads UTF-8 with a BOM, quoted commas, and skips blank lines', async () => {
    const csv = Buffer.from(`\uFEFF${HEADER}\n\n${LINE}\n,,,,,,,,\n`, 'utf8');
    const file = await read('reports.CSV', csv);
    expect(file.rows).toEqual([
      {
        sheet: 0,
        row: 3,
        cells: {
          creditCode: '91110108551385082Q',
          period: '2025-04',
          outputValue: '1200000.50',
          revenue: '1000000',
          rdExpense: '0',
          employees: '12',
          patentsFiled: '3',
          patentsGranted: '0',
        },
      },
    ]);
    expect(file.sheets).toEqual([
      {
        name: null,
        headers: expect.objectContaining({ outputValue: '产值（元） Output value (yuan)' }),
      },
    ]);
    expect(file.rowsRead).toBe(1);
  });

  it('reads GB18030, as Excel saves CSV on Chinese Windows, and short headers in any order', async () => {
    const text =
      '月份,产值,营业收入,研发投入,从业人员,专利申请,专利授权,信用代码\n2025-05,1,2,3,4,5,6,91110108551385082Q\n';
    // GB18030 bytes of the text: encode through a round trip of known characters.
    const gb = encodeGb18030(text);
    const file = await read('r.csv', gb);
    expect(file.rows[0].cells).toMatchObject({
      period: '2025-05',
      outputValue: '1',
      creditCode: '91110108551385082Q',
    });
  });

  it('takes the platform id instead of the credit code, for teams', async () => {
    const csv = `月份,产值,营业收入,研发投入,从业人员,专利申请,专利授权,平台编号 Tenant ID\n2025-05,1,2,3,4,5,6,abc\n`;
    const file = await read('r.csv', Buffer.from(csv));
    expect(file.rows[0].cells).toMatchObject({ tenantId: 'abc', period: '2025-05' });
  });

  it('names the missing columns, and refuses a second column for the same field', async () => {
    expect(await refusal('r.csv', Buffer.from('Credit code,Period\nX,2025-01\n'))).toMatch(
      /^has no column for outputValue .*revenue .*patentsGranted/,
    );
    expect(await refusal('r.csv', Buffer.from('Period,产值\n'))).toMatch(
      /^has no column for creditCode \(统一社会信用代码 Credit code\) or tenantId \(平台编号 Tenant ID\), revenue/,
    );
    expect(await refusal('r.csv', Buffer.from(`${HEADER},产值\n`))).toMatch(
      /two columns for outputValue/,
    );
    expect(await refusal('r.csv', Buffer.from('\n\n'))).toBe('holds no rows');
  });

  it('refuses a broken CSV in its own words, never the parser’s', async () => {
    expect(await refusal('r.csv', Buffer.from(`${HEADER}\n"91110108551385082Q,2025-04\n`))).toBe(
      'is not a readable CSV file: a quoted cell opened on or before line 2 is never closed',
    );
    expect(await refusal('r.csv', Buffer.from(`${HEADER}\n"9111"x,2025-04\n`))).toMatch(
      /^is not a readable CSV file: line 2 has a quote inside a cell/,
    );
  });

  it('refuses more than 200,000 data rows, counting every row that is not blank', async () => {
    const row = 'x,,,,,,,,\n';
    expect(await refusal('r.csv', Buffer.from(`${HEADER}\n${row.repeat(200_001)}`))).toBe(
      'holds more than 200000 data rows: split it into several files',
    );
    const blankLines = `${HEADER}\n${row.repeat(200_000)}${',,,,,,,,\n'.repeat(1000)}`;
    expect((await read('r.csv', Buffer.from(blankLines))).rowsRead).toBe(200_000);
  });

  it('reads a file from a path in pieces', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'jcv-reader-'));
    try {
      const path = join(dir, 'r.csv');
      writeFileSync(path, `${HEADER}\n${LINE}\n`.repeat(1).concat(`${LINE}\n`.repeat(50_000)));
      expect((await read('r.csv', { path })).rowsRead).toBe(50_001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readReportFile, XLSX', () => {
  it('reads every sheet with numbers, dates and formulas as Excel stores them', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('产值月报');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      '91110108551385082Q',
      '某某科技',
      new Date(Date.UTC(2025, 5, 1)),
      1200000.5,
      { formula: 'D2*0.8', result: 960000.4 },
      0,
      12,
      3,
      0,
    ]);
    const teams = wb.addWorksheet('团队 Teams');
    teams.addRow([...HEADER.split(','), '平台编号 Tenant ID']);
    teams.addRow(['', '丙团队', '2025-03', 1, 2, 3, 4, 5, 6, 'the-team']);
    wb.addWorksheet('empty');
    const file = await read('r.xlsx', await xlsxOf(wb));
    expect(file.sheets.map((s) => s.name)).toEqual(['产值月报', '团队 Teams']);
    expect(file.rows.map((r) => [r.sheet, r.row])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(file.rows[0].cells).toMatchObject({
      creditCode: '91110108551385082Q',
      outputValue: 1200000.5,
      revenue: 960000.4,
      employees: 12,
    });
    expect(file.rows[0].cells.period).toEqual(new Date(Date.UTC(2025, 5, 1)));
    expect(file.rows[1].cells).toMatchObject({ tenantId: 'the-team', period: '2025-03' });
    expect(file.rows[1].cells.creditCode).toBeUndefined();
  });

  it('reads shared text with entities, runs and phonetic guides, and Excel’s date formats', async () => {
    const shared =
      '<sst><si><t>A&amp;B &#x4E2D;</t></si><si><r><t>9111010855</t></r><r><t xml:space="preserve">1385082Q</t></r><rPh><t>ignored</t></rPh></si></sst>';
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>';
    const parts = workbookParts({
      sharedStrings: shared,
      sheetData: `${headerRow}<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>0</v></c><c r="C3" s="1"><v>45809</v></c><c r="D3" s="3"><v>1200000.5</v></c><c r="E3" t="str"><f>D3</f><v>x</v></c><c r="F3" t="b"><v>1</v></c><c r="G3" s="2"><v>45658</v></c><c r="I3" t="e"><v>#DIV/0!</v></c></row>`,
    });
    parts.splice(3, 1, {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    });
    parts.push({ name: 'xl/styles.xml', content: styles });
    const file = await read('r.xlsx', await zip(parts));
    expect(file.rows).toEqual([
      {
        sheet: 0,
        row: 3,
        cells: {
          creditCode: '91110108551385082Q',
          period: new Date(Date.UTC(2025, 5, 1)),
          outputValue: 1200000.5,
          revenue: 'x',
          rdExpense: true,
          employees: new Date(Date.UTC(2025, 0, 1)),
          patentsFiled: undefined,
          patentsGranted: '#DIV/0!',
        },
      },
    ]);
  });

  it('refuses a sheet with content but no report header, naming it: nothing goes unread', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('产值月报').addRow(HEADER.split(','));
    wb.addWorksheet('备注 Notes').addRow(['checked by', '张三']);
    expect(await refusal('r.xlsx', await xlsxOf(wb))).toMatch(
      /^has a sheet "备注 Notes" that has no column for creditCode .* or tenantId .*\(row 1\)/,
    );
  });

  it('refuses every unreadable file in its own words', async () => {
    const good = await xlsxOf(
      (() => {
        const wb = new ExcelJS.Workbook();
        const s = wb.addWorksheet('r');
        s.addRow(HEADER.split(','));
        for (let i = 0; i < 200; i++)
          s.addRow([String(i).repeat(9), 'x', '2025-01', i, i, i, i, i, i]);
        return wb;
      })(),
    );
    const noWorkbook = await zip([{ name: 'hello.txt', content: 'hello' }]);
    const damagedPart = Buffer.from(good);
    // The middle of the file, inside a deflated part, is overwritten.
    randomBytes(2000).copy(damagedPart, Math.floor(good.length / 2) - 1000);
    const cases: [string, Buffer, RegExp][] = [
      [
        'random bytes',
        randomBytes(5000),
        /^is not a readable \.xlsx workbook: it is not a zip archive/,
      ],
      ['an empty file', Buffer.alloc(0), /^is not a readable \.xlsx workbook: it is not a zip/],
      [
        'a zip without a workbook',
        noWorkbook,
        /^is not a readable \.xlsx workbook: it holds no workbook$/,
      ],
      [
        'a file cut short',
        good.subarray(0, good.length - 100),
        /^is not a readable \.xlsx workbook/,
      ],
      [
        'a file cut in half',
        good.subarray(0, good.length / 2),
        /^is not a readable \.xlsx workbook/,
      ],
      [
        'an old .xls',
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), randomBytes(600)]),
        /old \.xls workbook/,
      ],
    ];
    for (const [what, bytes, expected] of cases) {
      expect([what, await refusal('r.xlsx', bytes)]).toEqual([
        what,
        expect.stringMatching(expected),
      ]);
    }
    // A damaged part is refused, or (when the damage happens to inflate) read as what it says.
    await read('r.xlsx', damagedPart).then(
      () => undefined,
      (err: any) => expect(err.fields?.[0].message).toMatch(/^(is not a readable \.xlsx|has )/),
    );
  });

  it('refuses shared text that expands past its limit, whatever size the zip declares', async () => {
    const bomb = {
      head: '<sst>',
      repeat: '<si><t>晋创谷 bomb text 0123456789</t></si>',
      times: 1_200_000,
      tail: '</sst>',
    };
    const sheetData = `${headerRow}<row r="2"><c t="s"><v>0</v></c></row>`;
    for (const declared of [undefined, 1000]) {
      const file = await zip(
        workbookParts({ sheetData, sharedStrings: bomb, sharedStringsDeclaredSize: declared }),
      );
      expect(file.length).toBeLessThan(1_000_000);
      expect(await refusal('r.xlsx', file)).toBe(
        'has shared text that expands to more than 32 MB once unzipped',
      );
    }
  });

  it('refuses more than 200,000 data rows and a cell longer than Excel allows', async () => {
    const rows = workbookParts({
      sheetData: { head: headerRow, repeat: `<row>${cell('x')}</row>`, times: 200_001 },
    });
    expect(await refusal('r.xlsx', await zip(rows))).toBe(
      'holds more than 200000 data rows: split it into several files',
    );
    const long = workbookParts({ sheetData: `${headerRow}<row>${cell('x'.repeat(32_768))}</row>` });
    expect(await refusal('r.xlsx', await zip(long))).toBe(
      'has a cell longer than the 32767 characters Excel allows',
    );
  });
});

/** A small GB18030 encoder for the test, built from the decoder (Node has no GB encoder). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...table.get(ch)!);
  }
  return Buffer.from(bytes);
}
