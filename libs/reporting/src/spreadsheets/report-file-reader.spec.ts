import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readReportFile } from './report-file-reader.js';

const HEADER =
  '统一社会信用代码 Credit code,企业名称 Firm,月份 Period (YYYY-MM),产值（元） Output value (yuan),营业收入（元） Revenue (yuan),研发投入（元） R&D expense (yuan),从业人员（人） Employees,专利申请（件） Patents filed,专利授权（件） Patents granted';
const LINE = '91110108551385082Q,"某某科技, 有限公司",2025-04,1200000.50,1000000,0,12,3,0';

describe('readReportFile, CSV', () => {
  it('reads UTF-8 with a BOM, quoted commas, and skips blank lines', async () => {
    const csv = Buffer.from(`\uFEFF${HEADER}\n\n${LINE}\n,,,,,,,,\n`, 'utf8');
    const file = await readReportFile('reports.CSV', csv);
    expect(file.rows).toEqual([
      {
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
    expect(file.headers.outputValue).toBe('产值（元） Output value (yuan)');
  });

  it('reads GB18030, as Excel saves CSV on Chinese Windows, and short headers in any order', async () => {
    const text =
      '月份,产值,营业收入,研发投入,从业人员,专利申请,专利授权,信用代码\n2025-05,1,2,3,4,5,6,91110108551385082Q\n';
    // GB18030 bytes of the text: encode through a round trip of known characters.
    const gb = encodeGb18030(text);
    const file = await readReportFile('r.csv', gb);
    expect(file.rows[0].cells).toMatchObject({
      period: '2025-05',
      outputValue: '1',
      creditCode: '91110108551385082Q',
    });
  });

  it('names the missing columns, and refuses a second column for the same field', async () => {
    await expect(
      readReportFile('r.csv', Buffer.from('Credit code,Period\nX,2025-01\n')),
    ).rejects.toThrow(/no column for outputValue .*revenue .*patentsGranted/);
    await expect(readReportFile('r.csv', Buffer.from(`${HEADER},产值\n`))).rejects.toThrow(
      /two columns for outputValue/,
    );
    await expect(readReportFile('r.csv', Buffer.from('\n\n'))).rejects.toThrow(/holds no rows/);
  });

  it('refuses a file that is neither .xlsx nor .csv, and a broken workbook', async () => {
    await expect(readReportFile('r.xls', Buffer.from(''))).rejects.toMatchObject({
      fields: [{ field: 'fileName', message: 'must end in .xlsx or .csv' }],
    });
    await expect(readReportFile('r.xlsx', Buffer.from('not a zip'))).rejects.toMatchObject({
      fields: [
        { field: 'contentBase64', message: expect.stringContaining('not a readable .xlsx') },
      ],
    });
  });
});

describe('readReportFile, XLSX', () => {
  it('reads the first sheet with numbers, dates and formulas as Excel stores them', async () => {
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
    wb.addWorksheet('other').addRow(['ignored']);
    const file = await readReportFile('r.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0].row).toBe(2);
    expect(file.rows[0].cells).toMatchObject({
      creditCode: '91110108551385082Q',
      outputValue: 1200000.5,
      revenue: { formula: 'D2*0.8', result: 960000.4 },
      employees: 12,
    });
    expect(file.rows[0].cells.period).toBeInstanceOf(Date);
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
