import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { Role } from '@jcv/shared';
import {
  exportReportsCommand,
  importReportsCommand,
  ReportImportService,
  ReportingCliModule,
} from '@jcv/reporting';
import { freshDatabase, startTestApp, testConfig, type TestApp } from '../support/test-app.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  monthFromNow,
  SUBMIT,
} from '../fixtures/reporting/fixtures.js';

const IMPORT = `mutation($fileName: String!, $content: String!) {
  importOutputReports(fileName: $fileName, contentBase64: $content) {
    fileName rowsRead imported newRevisions unchanged errorCount
    errors { sheet row column header message }
  }
}`;
const EXPORT = `query($zoneId: ID!, $year: Int!, $format: ReportFileFormat) {
  exportOutputReports(zoneId: $zoneId, year: $year, format: $format) { fileName contentBase64 rows }
}`;
const LATEST = `query($filter: OutputReportFilter, $after: String, $first: Int) {
  outputReports(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { period revision status outputValue revenue rdExpense employees patentsFiled
      patentsGranted tenant { id } } }
  }
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

type Line = (string | number | null)[];
const csv = (lines: Line[]) =>
  Buffer.from([HEADER, ...lines].map((l) => l.join(',')).join('\n') + '\n', 'utf8');
const line = (code: string | null, period: string, value = '1000.00'): Line => [
  code,
  period,
  value,
  '900.00',
  '50.50',
  10,
  2,
  1,
];

let t: TestApp;
let admin: string;
let zoneId: string;
let zoneCode: string;
let f1: FixtureTenant;
let f2: FixtureTenant;
let gone: FixtureTenant;
let team: FixtureTenant;
const dir = mkdtempSync(join(tmpdir(), 'jcv-reporting-'));

async function importFile(fileName: string, content: Buffer, token = admin) {
  const d = await t.ok(IMPORT, { fileName, content: content.toString('base64') }, token);
  return d.importOutputReports;
}

/** The latest revision of every month of the zone in a year, as the list shows it. */
async function latest(year: number) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const d: any = await t.ok(LATEST, { filter: { zoneId, year }, after, first: 100 }, admin);
    nodes.push(...d.outputReports.edges.map((e: any) => e.node));
    if (!d.outputReports.pageInfo.hasNextPage) return nodes;
    after = d.outputReports.pageInfo.endCursor;
  }
}
const byKey = (a: any, b: any) =>
  `${a.tenant.id}${a.period}`.localeCompare(`${b.tenant.id}${b.period}`);

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (c) => (text.out += c));
  err.on('data', (c) => (text.err += c));
  return { io: { out, err }, text };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  zoneCode = 'SHEETS';
  const [zone] = await t.dataSource.query(
    `INSERT INTO zones (park_id, code, name, kind)
     SELECT id, $1, '表格区', 'EXPANSION' FROM parks LIMIT 1 RETURNING id`,
    [zoneCode],
  );
  zoneId = zone.id;
  f1 = await makeTenant(t, { zoneId, enteredOn: '2025-01-01', name: '甲科技' });
  f2 = await makeTenant(t, { zoneId, enteredOn: '2025-06-15', name: '乙材料' });
  gone = await makeTenant(t, { zoneId, enteredOn: '2025-01-01', exitedOn: '2025-03-31' });
  team = await makeTenant(t, { zoneId, enteredOn: '2025-01-01', team: true, name: '丙团队' });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importOutputReports', () => {
  it('imports a good CSV, making a new revision of a month already reported', async () => {
    await t.ok(SUBMIT, { input: figures(f1.id, '2025-02', { outputValue: '5.00' }) }, admin);
    const audits = await t.count('audit_events');
    const result = await importFile(
      'reports.csv',
      csv([
        line(f1.creditCode, '2025-01', '1000.10'),
        line(f1.creditCode, '2025-02', '2000.20'),
        line(f1.creditCode, '2025-03', '3000.30'),
        line(f2.creditCode, '2025-06', '0'),
        line(f2.creditCode!.toLowerCase(), '2025/7', '12345678901.99'),
      ]),
    );
    expect(result).toEqual({
      fileName: 'reports.csv',
      rowsRead: 5,
      imported: 5,
      newRevisions: 1,
      unchanged: 0,
      errorCount: 0,
      errors: [],
    });
    expect(await t.count('audit_events')).toBe(audits + 1);
    const rows = await latest(2025);
    const f1Rows = rows.filter((r) => r.tenant.id === f1.id).sort(byKey);
    expect(f1Rows.map((r) => [r.period, r.revision, r.outputValue, r.status])).toEqual([
      ['2025-01', 1, '1000.10', 'SUBMITTED'],
      ['2025-02', 2, '2000.20', 'SUBMITTED'],
      ['2025-03', 1, '3000.30', 'SUBMITTED'],
    ]);
    const july = rows.find((r) => r.tenant.id === f2.id && r.period === '2025-07');
    expect(july).toMatchObject({ outputValue: '12345678901.99', revenue: '900.00', employees: 10 });
    const [{ by }] = await t.dataSource.query(
      `SELECT count(DISTINCT submitted_by)::int AS by FROM output_reports
       WHERE tenant_id = $1 AND period = '2025-07'`,
      [f2.id],
    );
    expect(by).toBe(1);
  });

  it('imports a good .xlsx with numbers and dates as Excel stores them', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('reports');
    sheet.addRow(HEADER);
    sheet.addRow([f1.creditCode, new Date(Date.UTC(2025, 3, 1)), 4000.4, 3000, 12.5, 20, 3, 2]);
    sheet.addRow([f1.creditCode, '2025-05', 5000, 4000, 0, 21, 0, 0]);
    const result = await importFile('reports.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result).toMatchObject({ imported: 2, newRevisions: 0, errorCount: 0 });
    const april = (await latest(2025)).find((r) => r.tenant.id === f1.id && r.period === '2025-04');
    expect(april).toMatchObject({ outputValue: '4000.40', rdExpense: '12.50', employees: 20 });
  });

  it('writes nothing when one row is bad, and names its row and column', async () => {
    const before = [await t.count('output_reports'), await t.count('audit_events')];
    const result = await importFile(
      'one-bad.csv',
      csv([
        line(f1.creditCode, '2025-06'),
        line(f1.creditCode, '2025-07'),
        line(f1.creditCode, '2025-08', '10.123'),
        line(f1.creditCode, '2025-09'),
      ]),
    );
    expect(result).toMatchObject({ rowsRead: 4, imported: 0, errorCount: 1 });
    expect(result.errors).toEqual([
      {
        sheet: null,
        row: 4,
        column: 'outputValue',
        header: '产值（元） Output value (yuan)',
        message: 'outputValue must have at most 2 decimal places, got "10.123"',
      },
    ]);
    expect([await t.count('output_reports'), await t.count('audit_events')]).toEqual(before);
  });

  it('lists every problem of every row: the same rules as a submission', async () => {
    const before = await t.count('output_reports');
    const result = await importFile(
      'many-bad.csv',
      csv([
        line(f1.creditCode, '2025-13'),
        line(f1.creditCode, monthFromNow(1)),
        line(f2.creditCode, '2025-05'),
        line(gone.creditCode, '2025-04'),
        line('91110108551385082Q', '2025-04'),
        line(f1.creditCode, '2025-06', '-1'),
        [f1.creditCode, '2025-07', 'abc', '1', '1', '-2', '1.5', 'x'],
        line(f1.creditCode, '2025-06'),
        line(null, '2025-06'),
      ]),
    );
    expect(result.imported).toBe(0);
    expect(result.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, 'period'],
      [3, 'period'],
      [4, 'period'],
      [5, 'period'],
      [6, 'creditCode'],
      [7, 'outputValue'],
      [8, 'outputValue'],
      [8, 'employees'],
      [8, 'patentsFiled'],
      [8, 'patentsGranted'],
      [10, 'creditCode'],
    ]);
    const messages = result.errors.map((e: any) => e.message).join('\n');
    expect(messages).toContain('month from 01 to 12');
    expect(messages).toContain('has not begun yet');
    expect(messages).toContain('before the firm entered the park (2025-06-15)');
    expect(messages).toContain('after the firm left the park (2025-03-31)');
    expect(messages).toContain('not the code of a registered firm');
    expect(await t.count('output_reports')).toBe(before);
  });

  it('refuses a file it cannot read, naming the argument', async () => {
    const cases: [string, string, string][] = [
      ['r.txt', Buffer.from('x').toString('base64'), 'fileName'],
      ['r.csv', '***', 'contentBase64'],
      ['r.xlsx', Buffer.from('not a workbook').toString('base64'), 'contentBase64'],
      ['r.csv', Buffer.from('name,value\nx,1\n').toString('base64'), 'contentBase64'],
    ];
    for (const [fileName, content, field] of cases) {
      const res = await t.gql(IMPORT, { fileName, content }, admin);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field }],
      });
    }
  });

  it('takes turns with submissions of the same month: distinct revisions, one latest', async () => {
    const month = '2025-11';
    const file = csv([line(f1.creditCode, month, '11.00'), line(f2.creditCode, month, '12.00')]);
    const [imported, ...submitted] = await Promise.all([
      t.gql(IMPORT, { fileName: 'race.csv', content: file.toString('base64') }, admin),
      ...[1, 2, 3].map((i) =>
        t.gql(SUBMIT, { input: figures(f1.id, month, { outputValue: `${i}.00` }) }, admin),
      ),
    ]);
    expect([imported, ...submitted].flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(imported.data!.importOutputReports.imported).toBe(2);
    const rows: { revision: number; latest: boolean }[] = await t.dataSource.query(
      `SELECT revision, latest FROM output_reports WHERE tenant_id = $1 AND period = $2
       ORDER BY revision`,
      [f1.id, month],
    );
    expect(rows.map((r) => r.revision)).toEqual([1, 2, 3, 4]);
    expect(rows.filter((r) => r.latest).map((r) => r.revision)).toEqual([4]);
  });

  it('reads an optional revision column: a bad cell is refused on it, a month not yet reported imports', async () => {
    const withRevision = (lines: Line[]) =>
      Buffer.from(
        [[...HEADER, '版本 Revision'], ...lines].map((l) => l.join(',')).join('\n') + '\n',
        'utf8',
      );
    const before = await t.count('output_reports');
    const bad = await importFile(
      'rev.csv',
      withRevision([
        [...line(f1.creditCode, '2025-12'), 1],
        [...line(f2.creditCode, '2025-12'), 'v2'],
      ]),
    );
    expect(bad).toMatchObject({ imported: 0, errorCount: 1 });
    expect(bad.errors).toEqual([
      {
        sheet: null,
        row: 3,
        column: 'revision',
        header: '版本 Revision',
        message:
          'revision must be the revision the export wrote (a whole number from 1), or empty, got "v2"',
      },
    ]);
    expect(await t.count('output_reports')).toBe(before);
    const good = await importFile(
      'rev.csv',
      withRevision([
        [...line(f1.creditCode, '2025-12'), 1],
        [...line(f2.creditCode, '2025-12'), ''],
      ]),
    );
    expect(good).toMatchObject({ imported: 2, newRevisions: 0, errorCount: 0 });
  });

  it('is the committee ADMIN’s only', async () => {
    const content = csv([line(f1.creditCode, '2025-10')]).toString('base64');
    for (const token of [
      await t.tokenFor(Role.TENANT_ADMIN, { tenantId: f1.id }),
      await t.tokenFor(Role.ANALYST),
    ]) {
      const res = await t.gql(IMPORT, { fileName: 'r.csv', content }, token);
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('exportOutputReports', () => {
  it('writes a zone’s year with Chinese and English headers, teams on a sheet of their own, the platform id on every row', async () => {
    await t.ok(SUBMIT, { input: figures(team.id, '2025-03') }, admin);
    const d = await t.ok(EXPORT, { zoneId, year: 2025 }, await t.tokenFor(Role.ANALYST));
    const file = d.exportOutputReports;
    expect(file.fileName).toBe(`output-reports-${zoneCode}-2025.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const [firms, teams] = wb.worksheets;
    const header = (firms.getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      '统一社会信用代码 Credit code',
      '企业名称 Firm',
      ...HEADER.slice(1),
      '状态 Status',
      '版本 Revision',
      '平台编号 Tenant ID',
    ]);
    const latestRows = await latest(2025);
    expect(file.rows).toBe(latestRows.length);
    expect(firms.rowCount - 1).toBe(latestRows.filter((r) => r.tenant.id !== team.id).length);
    expect(teams.name).toBe('团队 Teams');
    expect((teams.getRow(2).values as unknown[])[2]).toBe('丙团队');
    expect((teams.getRow(2).values as unknown[])[12]).toBe(team.id);
    expect((firms.getRow(2).values as unknown[])[12]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes teams into a CSV too, after the firms', async () => {
    const d = await t.ok(EXPORT, { zoneId, year: 2025, format: 'CSV' }, admin);
    const lines = Buffer.from(d.exportOutputReports.contentBase64, 'base64')
      .toString('utf8')
      .trim()
      .split('\n');
    expect(d.exportOutputReports.rows).toBe(lines.length - 1);
    expect(lines.at(-1)).toContain(`丙团队`);
    expect(lines.at(-1)).toMatch(new RegExp(`^,丙团队,.*,${team.id}$`));
  });

  it('round-trips: importing an unchanged export changes nothing', async () => {
    for (const format of ['XLSX', 'CSV']) {
      const before = (await latest(2025)).sort(byKey);
      const d = await t.ok(EXPORT, { zoneId, year: 2025, format }, admin);
      const file = d.exportOutputReports;
      const result = await importFile(file.fileName, Buffer.from(file.contentBase64, 'base64'));
      expect(result).toMatchObject({
        rowsRead: before.length,
        imported: 0,
        newRevisions: 0,
        unchanged: before.length,
      });
      const after = (await latest(2025)).sort(byKey);
      expect(after).toEqual(before);
    }
  });

  it('is refused to firms and names an unknown zone', async () => {
    const firm = await t.gql(
      EXPORT,
      { zoneId, year: 2025 },
      await t.tokenFor(Role.TENANT_ADMIN, { tenantId: f1.id }),
    );
    expect(firm.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await t.gql(
      EXPORT,
      { zoneId: '00000000-0000-4000-8000-000000000000', year: 2025 },
      admin,
    );
    expect(unknown.errors?.[0].extensions.fields?.[0].field).toBe('zoneId');
  });
});

describe('the command line', () => {
  it('imports a file, printing the rows written and the rate', async () => {
    const file = join(dir, 'cli-good.csv');
    writeFileSync(file, csv([line(f2.creditCode, '2025-08'), line(f2.creditCode, '2025-09')]));
    const { io, text } = capture();
    expect(await importReportsCommand(t.app, [file], io)).toBe(0);
    expect(text.out).toMatch(
      /cli-good\.csv: imported 2 rows \(0 as new revisions.*\), 0 unchanged, in [\d.]+ s, \d+ rows\/s/,
    );
  });

  it('prints each bad row and column, exits 1 and writes nothing', async () => {
    const file = join(dir, 'cli-bad.csv');
    writeFileSync(
      file,
      csv([
        line(f2.creditCode, '2025-10'),
        line(f2.creditCode, '2025-11', '1.999'),
        line(f2.creditCode, '2025-12'),
      ]),
    );
    const before = await t.count('output_reports');
    const { io, text } = capture();
    expect(await importReportsCommand(t.app, [file], io)).toBe(1);
    expect(text.err).toContain('cli-bad.csv: refused, nothing was written. 1 problem(s):');
    expect(text.err).toContain(
      'row 3, column "产值（元） Output value (yuan)" (outputValue): outputValue must have at most 2 decimal places, got "1.999"',
    );
    expect(await t.count('output_reports')).toBe(before);
  });

  it('exits 1 on a file without the needed columns and 2 on a usage error', async () => {
    const file = join(dir, 'cli-columns.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    let run = capture();
    expect(await importReportsCommand(t.app, [file], run.io)).toBe(1);
    expect(run.text.err).toContain('the file has no column for creditCode');
    run = capture();
    expect(await importReportsCommand(t.app, [], run.io)).toBe(2);
    expect(run.text.err).toContain('usage: npm run import:reports -- FILE');
    run = capture();
    expect(await importReportsCommand(t.app, [join(dir, 'missing.csv')], run.io)).toBe(2);
    expect(run.text.err).toContain('ENOENT');
  });

  it('exports a zone to a file that the import reads back', async () => {
    const out = join(dir, 'export.xlsx');
    let run = capture();
    expect(
      await exportReportsCommand(
        t.app,
        ['--zone', zoneCode, '--year', '2025', '--out', out],
        run.io,
      ),
    ).toBe(0);
    expect(run.text.out).toContain(`of ${zoneCode} 2025 to ${out}`);
    const before = await t.count('output_reports');
    const rows = (await latest(2025)).length;
    run = capture();
    expect(await importReportsCommand(t.app, [out], run.io)).toBe(0);
    expect(run.text.out).toContain(
      `imported 0 rows (0 as new revisions of months already reported), ${rows} unchanged`,
    );
    expect(await t.count('output_reports')).toBe(before);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('boots on its own, on the same modules and migrations as the API', async () => {
    const db = await freshDatabase();
    const app = await NestFactory.createApplicationContext(
      ReportingCliModule.forRoot(testConfig(db.env)),
      { logger: false },
    );
    try {
      const result = await app
        .get(ReportImportService)
        .importFile(null, 'empty.csv', Buffer.from(HEADER.join(',') + '\n'));
      expect(result).toMatchObject({ rowsRead: 0, imported: 0, errorCount: 0 });
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
