import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { importReportsCommand } from '@jcv/reporting';
import { workbookParts, zip, type ZipPart } from '../support/zip-writer.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  newCreditCode,
  REVIEW,
  SUBMIT,
} from '../fixtures/reporting/fixtures.js';

// Only fields the import has always had, so that these tests run the reader whatever it is.
const IMPORT = `mutation($fileName: String!, $content: String!) {
  importOutputReports(fileName: $fileName, contentBase64: $content) {
    rowsRead imported errorCount errors { row column message }
  }
}`;
const IMPORT_FULL = `mutation($fileName: String!, $content: String!) {
  importOutputReports(fileName: $fileName, contentBase64: $content) {
    rowsRead imported newRevisions unchanged errorCount errors { sheet row column message }
  }
}`;
const EXPORT = `query($zoneId: ID!, $year: Int!, $format: ReportFileFormat) {
  exportOutputReports(zoneId: $zoneId, year: $year, format: $format) { fileName contentBase64 rows }
}`;
const HEADER = [
  '统一社会信用代码 Credit code',
  '月份 Period (YYYY-MM)',
  '产值（元） Output value (yuan)',
  '营业收入（元） Revenue (yuan)',
  '研发投入（元） R&D expense (yuan)',
  '从业人员（人） Employees',
  '专利申请（件） Patents filed',
  '专利授权（件） Patents granted',
];
const MB = 1024 * 1024;
/** What a refused import may add to the process's memory, however much the file expands. */
const MEMORY_BOUND = 300 * MB;

let t: TestApp;
let admin: string;

const inline = (v: string) => `<c t="inlineStr"><is><t>${v}</t></is></c>`;
const number = (v: number | string) => `<c><v>${v}</v></c>`;
const headerRow = `<row>${HEADER.map(inline).join('')}</row>`;

const post = (fileName: string, content: Buffer, query = IMPORT) =>
  t.gql(query, { fileName, content: content.toString('base64') }, admin);

/**
 * The largest growth of the process's memory (RSS and V8 heap, above where they stood at the
 * start) while `work` runs, sampled as the event loop turns; a streaming reader yields often.
 */
async function peakGrowth<T>(
  work: () => Promise<T>,
): Promise<{ result: T; rss: number; heap: number }> {
  const start = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss - start.rss);
    heap = Math.max(heap, now.heapUsed + now.external - start.heapUsed - start.external);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await work();
    sample();
    return { result, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

/**
 * An .xlsx of a few hundred KB whose shared text inflates to 150 MB: short strings repeated,
 * deflated. `declaredSize` makes the zip lie about how large the part is.
 */
const workbooks = new Map<number | undefined, Promise<Buffer>>();
function expandingWorkbook(declaredSize?: number): Promise<Buffer> {
  if (!workbooks.has(declaredSize)) workbooks.set(declaredSize, makeExpanding(declaredSize));
  return workbooks.get(declaredSize)!;
}
function makeExpanding(declaredSize?: number): Promise<Buffer> {
  return zip(
    workbookParts({
      sheetData: `${headerRow}<row><c t="s"><v>0</v></c></row>`,
      sharedStrings: {
        head: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        repeat: '<si><t>晋创谷 吕梁 expanding shared text 0123456789</t></si>',
        times: 2_500_000,
        tail: '</sst>',
      },
      sharedStringsDeclaredSize: declaredSize,
    }),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
});
afterAll(async () => {
  await t?.close();
});

describe('an .xlsx that expands far beyond its size', () => {
  it('is refused naming the file, with memory bounded, whatever size the zip declares', async () => {
    for (const declared of [undefined, 2000]) {
      const file = await expandingWorkbook(declared);
      expect(file.length).toBeLessThan(1.25 * MB);
      const before = await t.count('output_reports');
      const { result, rss, heap } = await peakGrowth(() => post('bomb.xlsx', file));
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          {
            field: 'contentBase64',
            message: 'has shared text that expands to more than 32 MB once unzipped',
          },
        ],
      });
      expect(rss).toBeLessThan(MEMORY_BOUND);
      expect(heap).toBeLessThan(MEMORY_BOUND);
      expect(await t.count('output_reports')).toBe(before);
    }
  });

  it('is refused twice when sent twice at once, and the server goes on', async () => {
    const file = await expandingWorkbook(2000);
    const { result, rss, heap } = await peakGrowth(() =>
      Promise.all([post('a.xlsx', file), post('b.xlsx', file)]),
    );
    for (const res of result) {
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields?.[0].field).toBe('contentBase64');
    }
    expect(rss).toBeLessThan(MEMORY_BOUND);
    expect(heap).toBeLessThan(MEMORY_BOUND);
    const health = await t.gql('{ __typename }');
    expect(health.data).toEqual({ __typename: 'Query' });
  });

  it('is refused by the command line too, which reads the file from disk in pieces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jcv-hardening-'));
    try {
      const path = join(dir, 'bomb.xlsx');
      writeFileSync(path, await expandingWorkbook(2000));
      const err = new PassThrough();
      let text = '';
      err.on('data', (c) => (text += c));
      const {
        result: code,
        rss,
        heap,
      } = await peakGrowth(() =>
        importReportsCommand(t.app, [path], { out: new PassThrough(), err }),
      );
      expect(code).toBe(1);
      expect(text).toContain(
        'bomb.xlsx: refused, nothing was written: the file has shared text that expands to more than 32 MB once unzipped',
      );
      expect(rss).toBeLessThan(MEMORY_BOUND);
      expect(heap).toBeLessThan(MEMORY_BOUND);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused when its sheet holds more rows than a file may', async () => {
    const row = `<row>${inline('91141100MA0X000001')}${inline('2025-01')}${[1, 1, 1, 1, 1, 1].map(number).join('')}</row>`;
    const file = await zip(
      workbookParts({ sheetData: { head: headerRow, repeat: row, times: 200_001 } }),
    );
    const res = await post('many.xlsx', file);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'contentBase64',
          message: 'holds more than 200000 data rows: split it into several files',
        },
      ],
    });
  });
});

describe('a file whose every row fails', () => {
  it('a 150,000-row CSV: every problem counted, the first 1000 listed in order', async () => {
    const known = await makeTenant(t, {
      zoneId: (await t.dataSource.query(`SELECT id FROM zones LIMIT 1`))[0].id,
      enteredOn: '2025-01-01',
    });
    const unknown = newCreditCode();
    // One row fails on its own (a bad amount), every other against the register (no such firm).
    const lines = [HEADER.join(',')];
    for (let i = 0; i < 150_000; i++) {
      lines.push(
        i === 1 ? `${known.creditCode},2025-01,1.001,1,1,1,1,1` : `${unknown},2025-01,1,1,1,1,1,1`,
      );
    }
    const before = await t.count('output_reports');
    const res = await post('all-bad.csv', Buffer.from(lines.join('\n')));
    expect(res.errors).toBeUndefined();
    const result = res.data!.importOutputReports;
    expect(result).toMatchObject({ rowsRead: 150_000, imported: 0, errorCount: 150_000 });
    expect(result.errors).toHaveLength(1000);
    expect(result.errors.map((e: any) => e.row)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i + 2),
    );
    expect(result.errors.slice(0, 3).map((e: any) => e.column)).toEqual([
      'creditCode',
      'outputValue',
      'creditCode',
    ]);
    expect(await t.count('output_reports')).toBe(before);
  });

  it('a 190,000-row .xlsx: the same', async () => {
    const row = `<row>${inline(newCreditCode())}${inline('2025-13')}${[1, 1, 1, 1, 1, 1].map(number).join('')}</row>`;
    const file = await zip(
      workbookParts({ sheetData: { head: headerRow, repeat: row, times: 190_000 } }),
    );
    const res = await post('all-bad.xlsx', file);
    expect(res.errors).toBeUndefined();
    const result = res.data!.importOutputReports;
    expect(result).toMatchObject({ rowsRead: 190_000, imported: 0, errorCount: 190_000 });
    expect(result.errors).toHaveLength(1000);
    expect(result.errors[999]).toEqual({
      row: 1001,
      column: 'period',
      message: 'period must be a month from 01 to 12, got 2025-13',
    });
  });
});

describe('a file that is not a readable workbook', () => {
  it('is refused in words of ours that name the file, never a library’s', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('r').addRow(HEADER);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const noWorkbook: ZipPart[] = [
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'docProps/app.xml', content: '<Properties/>' },
    ];
    const files: [string, Buffer][] = [
      ['random bytes', randomBytes(20_000)],
      ['a zip without a workbook', await zip(noWorkbook)],
      ['a truncated workbook', good.subarray(0, Math.floor(good.length * 0.6))],
      ['a workbook without its last bytes', good.subarray(0, good.length - 10)],
      [
        'a sheet the workbook names but does not hold',
        await zip(workbookParts({ sheetData: '' }).slice(0, 4)),
      ],
    ];
    for (const [what, file] of files) {
      const res = await post('broken.xlsx', file);
      const ext = res.errors?.[0].extensions;
      expect([what, ext?.code, ext?.fields?.[0].field]).toEqual([
        what,
        'BAD_USER_INPUT',
        'contentBase64',
      ]);
      expect([what, ext?.fields?.[0].message]).toEqual([
        what,
        expect.stringMatching(/^is not a readable \.xlsx workbook: (it|its) /),
      ]);
    }
  });
});

describe('export, then import', () => {
  let zoneId: string;
  let firmA: FixtureTenant;
  let firmB: FixtureTenant;
  let team: FixtureTenant;

  /** Every revision of the zone's reports: what an unchanged import must leave as it is. */
  const revisions = () =>
    t.dataSource.query(
      `SELECT r.tenant_id, r.period, r.revision, r.latest, r.status, r.output_value::text
       FROM output_reports r JOIN tenants t ON t.id = r.tenant_id
       WHERE t.zone_id = $1 ORDER BY 1, 2, 3`,
      [zoneId],
    );

  const exported = async (format: 'XLSX' | 'CSV') => {
    const d = await t.ok(EXPORT, { zoneId, year: 2025, format }, admin);
    return {
      ...d.exportOutputReports,
      content: Buffer.from(d.exportOutputReports.contentBase64, 'base64'),
    };
  };

  beforeAll(async () => {
    const [zone] = await t.dataSource.query(
      `INSERT INTO zones (park_id, code, name, kind)
       SELECT id, 'ROUNDTRIP', '往返区', 'STARTUP' FROM parks LIMIT 1 RETURNING id`,
    );
    zoneId = zone.id;
    firmA = await makeTenant(t, { zoneId, enteredOn: '2025-01-01', name: '甲公司' });
    firmB = await makeTenant(t, { zoneId, enteredOn: '2025-01-01', name: '乙公司' });
    team = await makeTenant(t, { zoneId, enteredOn: '2025-01-01', team: true, name: '丙团队' });
    const ids: Record<string, string> = {};
    for (const [tenant, period, value] of [
      [firmA, '2025-01', '1000.10'],
      [firmA, '2025-02', '2000.00'],
      [firmB, '2025-01', '0.00'],
      [team, '2025-01', '300.50'],
      [team, '2025-02', '123456789.99'],
    ] as const) {
      const d = await t.ok(
        SUBMIT,
        { input: figures(tenant.id, period, { outputValue: value }) },
        admin,
      );
      ids[`${tenant.id}${period}`] = d.submitOutputReport.id;
    }
    // A second revision, a returned report and an accepted one: all must survive the trip.
    await t.ok(SUBMIT, { input: figures(firmA.id, '2025-02', { outputValue: '2500.25' }) }, admin);
    await t.ok(
      REVIEW,
      { id: ids[`${firmB.id}2025-01`], decision: 'RETURN', note: '请核对' },
      admin,
    );
    await t.ok(REVIEW, { id: ids[`${team.id}2025-01`], decision: 'ACCEPT' }, admin);
  });

  it.each(['XLSX', 'CSV'] as const)(
    'an unchanged %s export imports as no change at all, teams and returned reports included',
    async (format) => {
      const before = await revisions();
      const audits = await t.count('audit_events');
      const file = await exported(format);
      expect(file.rows).toBe(5);
      const res = await post(file.fileName, file.content, IMPORT_FULL);
      expect(res.errors).toBeUndefined();
      expect(res.data!.importOutputReports).toEqual({
        rowsRead: 5,
        imported: 0,
        newRevisions: 0,
        unchanged: 5,
        errorCount: 0,
        errors: [],
      });
      expect(await revisions()).toEqual(before);
      expect(
        before
          .filter((r: any) => r.latest)
          .map((r: any) => r.status)
          .sort(),
      ).toEqual(['ACCEPTED', 'RETURNED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
      // The import is still on the audit trail, as every mutation is.
      expect(await t.count('audit_events')).toBe(audits + 1);
    },
  );

  it('a CSV export with one figure changed makes exactly one new revision', async () => {
    const file = await exported('CSV');
    const text = file.content.toString('utf8');
    expect(text).toContain('丙团队');
    const changed = text.replace('123456789.99', '123456790.00');
    expect(changed).not.toBe(text);
    const before = await revisions();
    const res = await post(file.fileName, Buffer.from(changed), IMPORT_FULL);
    expect(res.data!.importOutputReports).toMatchObject({
      imported: 1,
      newRevisions: 1,
      unchanged: 4,
      errorCount: 0,
    });
    const after = await revisions();
    expect(after).toHaveLength(before.length + 1);
    const teamFeb = after.filter((r: any) => r.tenant_id === team.id && r.period === '2025-02');
    expect(teamFeb.map((r: any) => [r.revision, r.latest, r.output_value])).toEqual([
      [1, false, '123456789.99'],
      [2, true, '123456790.00'],
    ]);
  });

  it('an .xlsx export with one figure changed on its teams sheet makes exactly one new revision', async () => {
    const file = await exported('XLSX');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as never);
    const teams = wb.getWorksheet('团队 Teams')!;
    const header = (teams.getRow(1).values as string[]).slice(1);
    const employees = header.indexOf('从业人员（人） Employees') + 1;
    teams.getRow(2).getCell(employees).value = 43;
    const before = await revisions();
    const res = await post(file.fileName, Buffer.from(await wb.xlsx.writeBuffer()), IMPORT_FULL);
    expect(res.data!.importOutputReports).toMatchObject({
      imported: 1,
      newRevisions: 1,
      unchanged: 4,
      errorCount: 0,
    });
    expect(await revisions()).toHaveLength(before.length + 1);
    const [latest] = await t.dataSource.query(
      `SELECT employees, status, revision FROM output_reports
       WHERE tenant_id = $1 AND period = '2025-01' AND latest`,
      [team.id],
    );
    expect(latest).toEqual({ employees: 43, status: 'SUBMITTED', revision: 2 });
  });

  it('refuses a sheet it cannot read rather than skipping it, and says which', async () => {
    const file = await exported('XLSX');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as never);
    wb.addWorksheet('备注 Notes').addRow(['核对人', '张三']);
    const before = await revisions();
    const res = await post(file.fileName, Buffer.from(await wb.xlsx.writeBuffer()), IMPORT_FULL);
    expect(res.errors?.[0].extensions.fields).toEqual([
      {
        field: 'contentBase64',
        message: expect.stringMatching(/^has a sheet "备注 Notes" that has no column for /),
      },
    ]);
    expect(await revisions()).toEqual(before);
  });

  /** Where the export put firm A's January: the row to be refused once it is out of date. */
  const rowOfFirmAJanuary = async (file: { fileName: string; content: Buffer }) => {
    if (file.fileName.endsWith('.csv')) {
      const lines = file.content.toString('utf8').trim().split('\n');
      return (
        lines.findIndex((l) => l.startsWith(`${firmA.creditCode},`) && l.includes(',2025-01,')) + 1
      );
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as never);
    let found = 0;
    wb.worksheets[0].eachRow((row, n) => {
      const values = row.values as unknown[];
      if (values[1] === firmA.creditCode && values[3] === '2025-01') found = n;
    });
    return found;
  };

  it.each(['XLSX', 'CSV'] as const)(
    'refuses a %s export made before a newer submission, naming the row and its revision column',
    async (format) => {
      const stale = await exported(format);
      const row = await rowOfFirmAJanuary(stale);
      expect(row).toBeGreaterThan(1);
      const [exportedAt] = await t.dataSource.query(
        `SELECT revision FROM output_reports WHERE tenant_id = $1 AND period = '2025-01' AND latest`,
        [firmA.id],
      );
      await t.ok(
        SUBMIT,
        { input: figures(firmA.id, '2025-01', { outputValue: `${format === 'CSV' ? 7 : 8}.00` }) },
        admin,
      );
      const [newer] = await t.dataSource.query(
        `SELECT revision,
           to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS submitted
         FROM output_reports WHERE tenant_id = $1 AND period = '2025-01' AND latest`,
        [firmA.id],
      );
      expect(newer.revision).toBe(exportedAt.revision + 1);
      const before = await revisions();
      const audits = await t.count('audit_events');

      const res = await post(stale.fileName, stale.content, IMPORT_FULL);
      expect(res.errors).toBeUndefined();
      expect(res.data!.importOutputReports).toEqual({
        rowsRead: 5,
        imported: 0,
        newRevisions: 0,
        unchanged: 0,
        errorCount: 1,
        errors: [
          {
            sheet: format === 'CSV' ? null : expect.any(String),
            row,
            column: 'revision',
            message: `revision ${exportedAt.revision} is out of date: the month has a newer revision ${newer.revision} (submitted ${newer.submitted}); export again`,
          },
        ],
      });
      expect(await revisions()).toEqual(before);
      expect(await t.count('audit_events')).toBe(audits);

      // The same file without its revision column is a hand-made file: it imports as before,
      // the stale month getting a new revision.
      let handMade: Buffer;
      if (format === 'CSV') {
        // No cell of this export holds a comma or a quote: columns split plainly.
        const lines: string[] = stale.content.toString('utf8').trim().split('\n');
        const at = lines[0].split(',').indexOf('版本 Revision');
        expect(at).toBeGreaterThan(0);
        const cut = lines.map((l) =>
          l
            .split(',')
            .filter((_, i) => i !== at)
            .join(','),
        );
        handMade = Buffer.from(cut.join('\n') + '\n');
      } else {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(stale.content as never);
        for (const sheet of wb.worksheets) {
          const header = (sheet.getRow(1).values as string[]).slice(1);
          sheet.spliceColumns(header.indexOf('版本 Revision') + 1, 1);
        }
        handMade = Buffer.from(await wb.xlsx.writeBuffer());
      }
      const again = await post(stale.fileName, handMade, IMPORT_FULL);
      expect(again.data!.importOutputReports).toMatchObject({
        imported: 1,
        newRevisions: 1,
        unchanged: 4,
        errorCount: 0,
      });
      expect(await revisions()).toHaveLength(before.length + 1);

      // A fresh export of what is there now still comes back as unchanged.
      const fresh = await exported(format);
      const unchanged = await post(fresh.fileName, fresh.content, IMPORT_FULL);
      expect(unchanged.data!.importOutputReports).toMatchObject({
        imported: 0,
        unchanged: 5,
        errorCount: 0,
      });
    },
  );

  it('reports a row of the teams sheet with its sheet, and a team named by a firm’s code', async () => {
    const file = await exported('XLSX');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as never);
    const teams = wb.getWorksheet('团队 Teams')!;
    teams.getRow(3).getCell(1).value = firmA.creditCode;
    const res = await post(file.fileName, Buffer.from(await wb.xlsx.writeBuffer()), IMPORT_FULL);
    expect(res.data!.importOutputReports).toMatchObject({ imported: 0, errorCount: 1 });
    expect(res.data!.importOutputReports.errors).toEqual([
      {
        sheet: '团队 Teams',
        row: 3,
        column: 'creditCode',
        message: `creditCode ${firmA.creditCode} is not the code of tenant ${team.id}, which has none (a team)`,
      },
    ]);
  });
});
