import { describe, expect, it } from '@jest/globals';
import {
  base64Length,
  base64OfDataUrl,
  base64ToBytes,
  BODY_LIMIT_BYTES,
  bytesToBase64,
  checkImportFile,
  downloadName,
  exportYears,
  formatBytes,
  importOutcome,
  isImportColumn,
  lastMonthDueBefore,
  MAX_BASE64_CHARS,
  MAX_IMPORT_BYTES,
  monthsOwed,
  noteProblem,
  NOTE_MAX,
  overdueByMonth,
  overdueFirmCount,
  overdueTotal,
  percentOf,
  periodsBetween,
  readUploadAnswer,
  remainingCount,
  REQUEST_ENVELOPE_BYTES,
  stillPending,
  type OverdueTenantInput,
} from './review';

describe('the review note', () => {
  it('is required to return a report, and at most 2000 characters', () => {
    expect(noteProblem('')).toBe('REQUIRED');
    expect(noteProblem('   \n ')).toBe('REQUIRED');
    expect(noteProblem(null)).toBe('REQUIRED');
    expect(noteProblem('请核对产值')).toBeNull();
    expect(noteProblem('x'.repeat(NOTE_MAX))).toBeNull();
    expect(noteProblem('x'.repeat(NOTE_MAX + 1))).toBe('TOO_LONG');
  });
});

describe('the queue', () => {
  it('keeps only the rows still SUBMITTED and counts what is left', () => {
    const rows = [
      { id: 'a', status: 'SUBMITTED' as const },
      { id: 'b', status: 'ACCEPTED' as const },
      { id: 'c', status: 'RETURNED' as const },
      { id: 'd', status: 'SUBMITTED' as const },
    ];
    expect(stillPending(rows).map((r) => r.id)).toEqual(['a', 'd']);
    expect(remainingCount(129, 4, 2)).toBe(127);
    expect(remainingCount(1, 1, 0)).toBe(0);
  });
});

describe('overdue months', () => {
  it('are those due before the day: the 15th of the next month is still on time', () => {
    expect(lastMonthDueBefore('2026-12-15')).toBe('2026-10');
    expect(lastMonthDueBefore('2026-12-16')).toBe('2026-11');
    expect(lastMonthDueBefore('2026-01-10')).toBe('2025-11');
    expect(lastMonthDueBefore('2026-01-20')).toBe('2025-12');
  });

  it('run from entry (or 2025-01) to exit, as the API counts them', () => {
    expect(periodsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodsBetween('2026-03', '2026-02')).toEqual([]);
    expect(monthsOwed({ enteredOn: '2024-06-01', exitedOn: null }, '2025-03-20')).toEqual([
      '2025-01',
      '2025-02',
    ]);
    expect(monthsOwed({ enteredOn: '2025-09-24', exitedOn: '2025-11-02' }, '2026-06-01')).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
    ]);
    expect(monthsOwed({ enteredOn: '2026-12-01', exitedOn: null }, '2026-12-20')).toEqual([]);
  });

  const tenants: OverdueTenantInput[] = [
    {
      id: 't1',
      name: '乙公司',
      creditCode: '91141100MA0AHU829B',
      status: 'RESIDENT',
      enteredOn: '2026-08-10',
      exitedOn: null,
      outputReports: [
        { period: '2026-08', status: 'ACCEPTED' },
        { period: '2026-09', status: 'RETURNED' },
        { period: '2026-10', status: 'SUBMITTED' },
      ],
    },
    {
      id: 't2',
      name: '甲团队',
      creditCode: null,
      status: 'EXITED',
      enteredOn: '2026-07-01',
      exitedOn: '2026-09-30',
      outputReports: [{ period: '2026-07', status: 'ACCEPTED' }],
    },
    {
      id: 't3',
      name: '丙公司',
      enteredOn: '2026-01-05',
      outputReports: [],
    },
  ];

  it('list each month newest first with its firms and why', () => {
    const months = overdueByMonth(tenants, '2026-12-02');
    expect(months.map((m) => [m.period, m.dueOn, m.firms.map((f) => [f.id, f.reason])])).toEqual([
      ['2026-10', '2026-11-15', [['t3', 'NOT_REPORTED']]],
      // By name in pinyin order: 丙 (bing), 甲 (jia), 乙 (yi).
      [
        '2026-09',
        '2026-10-15',
        [
          ['t3', 'NOT_REPORTED'],
          ['t2', 'NOT_REPORTED'],
          ['t1', 'RETURNED'],
        ],
      ],
      [
        '2026-08',
        '2026-09-15',
        [
          ['t3', 'NOT_REPORTED'],
          ['t2', 'NOT_REPORTED'],
        ],
      ],
      ...['2026-07', '2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01'].map((p) => [
        p,
        expect.any(String),
        [['t3', 'NOT_REPORTED']],
      ]),
    ]);
    expect(overdueTotal(months)).toBe(1 + 3 + 2 + 7);
    expect(overdueFirmCount(months)).toBe(3);
    const exited = months.find((m) => m.period === '2026-09')!.firms.find((f) => f.id === 't2')!;
    expect(exited).toEqual({
      id: 't2',
      name: '甲团队',
      creditCode: null,
      status: 'EXITED',
      reason: 'NOT_REPORTED',
    });
  });

  it('are none when every month due was received', () => {
    expect(overdueByMonth(tenants, '2026-08-20')).toEqual([
      { period: '2026-07', dueOn: '2026-08-15', firms: [expect.objectContaining({ id: 't3' })] },
      ...['2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01'].map((p) => ({
        period: p,
        dueOn: expect.any(String),
        firms: [expect.objectContaining({ id: 't3' })],
      })),
    ]);
    expect(overdueByMonth([tenants[0]], '2026-09-15')).toEqual([]);
  });
});

describe('a file chosen for import', () => {
  it('must be .xlsx or .csv, not empty, and at most the size the API takes', () => {
    expect(checkImportFile({ name: 'reports.xlsx', size: 1000 })).toBeNull();
    expect(checkImportFile({ name: 'REPORTS.CSV', size: 1 })).toBeNull();
    expect(checkImportFile({ name: 'reports.xls', size: 1000 })).toEqual({ code: 'TYPE' });
    expect(checkImportFile({ name: 'reports', size: 1000 })).toEqual({ code: 'TYPE' });
    expect(checkImportFile({ name: 'a.csv', size: 0 })).toEqual({ code: 'EMPTY' });
    expect(checkImportFile({ name: 'a.csv', size: MAX_IMPORT_BYTES })).toBeNull();
    expect(checkImportFile({ name: 'a.csv', size: MAX_IMPORT_BYTES + 1 })).toEqual({
      code: 'TOO_LARGE',
      maxBytes: MAX_IMPORT_BYTES,
      size: MAX_IMPORT_BYTES + 1,
    });
  });

  it('fits the body limit and the argument limit once base64-encoded', () => {
    expect(base64Length(3)).toBe(4);
    expect(base64Length(4)).toBe(8);
    expect(base64Length(MAX_IMPORT_BYTES) + REQUEST_ENVELOPE_BYTES).toBeLessThan(BODY_LIMIT_BYTES);
    expect(base64Length(MAX_IMPORT_BYTES)).toBeLessThan(MAX_BASE64_CHARS);
  });

  it('has its size and progress written for people', () => {
    expect(formatBytes(MAX_IMPORT_BYTES)).toBe('7 MB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
    expect(formatBytes(2000)).toBe('2 KB');
    expect(formatBytes(12)).toBe('12 B');
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 4)).toBe(100);
    expect(base64OfDataUrl('data:text/csv;base64,YWJj')).toBe('YWJj');
    expect(base64OfDataUrl('data:application/octet-stream;base64,')).toBe('');
  });
});

describe('the answer to an import', () => {
  it('is written when no row has a problem', () => {
    expect(
      importOutcome({
        fileName: 'a.csv',
        rowsRead: 3,
        imported: 2,
        newRevisions: 1,
        unchanged: 1,
        errorCount: 0,
        errors: [],
      }),
    ).toEqual({
      kind: 'WRITTEN',
      fileName: 'a.csv',
      rowsRead: 3,
      imported: 2,
      newRevisions: 1,
      unchanged: 1,
    });
  });

  it('is refused with each bad row and column when any row has one', () => {
    const outcome = importOutcome({
      fileName: 'a.xlsx',
      rowsRead: 5,
      imported: 0,
      newRevisions: 0,
      unchanged: 0,
      errorCount: 1200,
      errors: [
        { row: 3, column: 'outputValue', header: '产值', message: 'bad', sheet: '起步区' },
        { row: 3, column: 'period', header: null, message: 'bad month', sheet: '起步区' },
        { row: 4, column: 'creditCode', message: 'unknown', sheet: null },
      ],
    });
    expect(outcome).toEqual({
      kind: 'REFUSED',
      fileName: 'a.xlsx',
      rowsRead: 5,
      errorCount: 1200,
      badRows: 2,
      unlisted: 1197,
      problems: [
        {
          key: expect.any(String),
          sheet: '起步区',
          row: 3,
          column: 'outputValue',
          header: '产值',
          message: 'bad',
        },
        {
          key: expect.any(String),
          sheet: '起步区',
          row: 3,
          column: 'period',
          header: null,
          message: 'bad month',
        },
        {
          key: expect.any(String),
          sheet: null,
          row: 4,
          column: 'creditCode',
          header: null,
          message: 'unknown',
        },
      ],
    });
    if (outcome.kind === 'REFUSED')
      expect(new Set(outcome.problems.map((p) => p.key)).size).toBe(3);
    expect(isImportColumn('outputValue')).toBe(true);
    expect(isImportColumn('firmName')).toBe(false);
  });

  it('is read from the raw HTTP answer of the upload', () => {
    expect(readUploadAnswer(200, '{"data":{"x":1}}')).toEqual({ kind: 'DATA', data: { x: 1 } });
    expect(
      readUploadAnswer(
        200,
        '{"data":null,"errors":[{"message":"fileName: must end in .xlsx or .csv","extensions":{"code":"BAD_USER_INPUT"}}]}',
      ),
    ).toEqual({
      kind: 'ERRORS',
      errors: [
        {
          message: 'fileName: must end in .xlsx or .csv',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(readUploadAnswer(413, 'request entity too large')).toEqual({ kind: 'TOO_LARGE' });
    expect(readUploadAnswer(502, '<html>')).toEqual({ kind: 'HTTP', status: 502 });
    expect(readUploadAnswer(200, '{}')).toEqual({ kind: 'HTTP', status: 200 });
  });
});

describe('an export', () => {
  it('offers the years from 2025 to this one, newest first', () => {
    expect(exportYears('2026-12-02')).toEqual([2026, 2025]);
    expect(exportYears('2025-03-01')).toEqual([2025]);
  });

  it('turns the base64 content into the same bytes and back', () => {
    const text = '\uFEFF统一社会信用代码 Credit code,月份\r\n91141100MA0AHU829B,2026-01\r\n';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut < 3; cut++) {
      const part = bytes.slice(0, bytes.length - cut);
      const b64 = bytesToBase64(part);
      expect(b64).toBe(Buffer.from(part).toString('base64'));
      expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(part));
    }
    expect(
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        base64ToBytes(Buffer.from(text).toString('base64')),
      ),
    ).toBe(text);
    expect(Array.from(base64ToBytes('YW\nJj'))).toEqual([97, 98, 99]);
    expect(() => base64ToBytes('YW*j')).toThrow();
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });

  it('is saved under the API file name, made safe, with the right extension', () => {
    const fallback = { zoneCode: 'STARTUP', year: 2026, format: 'XLSX' as const };
    expect(downloadName('output-reports-STARTUP-2026.xlsx', fallback)).toBe(
      'output-reports-STARTUP-2026.xlsx',
    );
    expect(downloadName('../../etc/x.csv', { ...fallback, format: 'CSV' })).toBe('x.csv');
    expect(downloadName('re:po<r>t', fallback)).toBe('report.xlsx');
    expect(downloadName('', fallback)).toBe('output-reports-STARTUP-2026.xlsx');
    expect(downloadName(null, { ...fallback, format: 'CSV' })).toBe(
      'output-reports-STARTUP-2026.csv',
    );
    expect(downloadName('...', fallback)).toBe('output-reports-STARTUP-2026.xlsx');
  });
});
