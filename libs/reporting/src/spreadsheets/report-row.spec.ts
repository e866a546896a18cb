import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkRowsInContext, parseReportRow, type ReportRow } from './report-row.js';

const CODE = '91110108551385082Q';
const good = {
  creditCode: CODE,
  period: '2025-04',
  outputValue: '1200000.50',
  revenue: 1000000,
  rdExpense: '0',
  employees: 12,
  patentsFiled: '3',
  patentsGranted: 0,
};
const parse = (over: Record<string, unknown>) =>
  parseReportRow({ row: 7, cells: { ...good, ...over } });
const problems = (over: Record<string, unknown>) =>
  parse(over).errors.map((e) => [e.column, e.message]);

describe('parseReportRow', () => {
  it('reads a good row into exact decimals and whole numbers', () => {
    expect(parse({})).toEqual({
      errors: [],
      value: {
        row: 7,
        creditCode: CODE,
        period: '2025-04',
        outputValue: '1200000.50',
        revenue: '1000000',
        rdExpense: '0',
        employees: 12,
        patentsFiled: 3,
        patentsGranted: 0,
      },
    });
  });

  it('reads what Excel gives: date cells, formula results, rich text, lower case', () => {
    const r = parse({
      creditCode: { richText: [{ text: CODE.slice(0, 9).toLowerCase() }, { text: CODE.slice(9) }] },
      period: new Date(Date.UTC(2025, 3, 1)),
      outputValue: { formula: 'A1*2', result: 20.5 },
      employees: 12.0,
    });
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({ creditCode: CODE, period: '2025-04', outputValue: '20.5' });
    expect(parse({ period: '2025年4月' }).value?.period).toBe('2025-04');
    expect(parse({ period: '2025/4' }).value?.period).toBe('2025-04');
  });

  it.each([
    [{ outputValue: '-0.01' }, 'outputValue', 'outputValue must be at least 0'],
    [{ revenue: '1.005' }, 'revenue', 'revenue must have at most 2 decimal places'],
    [{ rdExpense: 'n/a' }, 'rdExpense', 'rdExpense must be a decimal number'],
    [{ rdExpense: '1,000.00' }, 'rdExpense', 'rdExpense must be a decimal number'],
    [{ outputValue: '' }, 'outputValue', 'outputValue is required'],
    [{ employees: -1 }, 'employees', 'employees must be at least 0'],
    [{ patentsFiled: '2.5' }, 'patentsFiled', 'patentsFiled must be a whole number'],
    [{ patentsGranted: 'many' }, 'patentsGranted', 'patentsGranted must be a whole number'],
    [{ period: '2025-13' }, 'period', 'period must be a month from 01 to 12'],
    [{ period: 'April' }, 'period', 'period must be a month written YYYY-MM'],
    [{ creditCode: '' }, 'creditCode', 'creditCode is required'],
    [{ creditCode: '91110108551385082R' }, 'creditCode', 'creditCode has a wrong check character'],
  ])('refuses %j', (over, column, message) => {
    const found = problems(over);
    expect(found).toHaveLength(1);
    expect(found[0][0]).toBe(column);
    expect(found[0][1]).toContain(message);
  });

  it('reports every bad column of a row, each with the row number', () => {
    const r = parse({ outputValue: '-1', revenue: 'x', employees: '1.5', period: '2025-00' });
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [7, 'period'],
      [7, 'outputValue'],
      [7, 'revenue'],
      [7, 'employees'],
    ]);
  });

  it('keeps any amount with at most two decimals exactly, refuses any with three', () => {
    const money = fc
      .tuple(fc.bigInt({ min: 0n, max: 99999999999n }), fc.integer({ min: 0, max: 99 }))
      .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 9 }), (m, digit) => {
        const value = parse({ outputValue: m }).value!;
        expect(value.outputValue.replace(/\.?0+$/, '')).toBe(m.replace(/\.?0+$/, ''));
        expect(problems({ outputValue: `${m}${digit}` })[0][1]).toContain('2 decimal places');
      }),
    );
  });
});

describe('checkRowsInContext', () => {
  const row = (r: number, period: string, creditCode = CODE): ReportRow => ({
    row: r,
    creditCode,
    period,
    outputValue: '1',
    revenue: '1',
    rdExpense: '1',
    employees: 1,
    patentsFiled: 0,
    patentsGranted: 0,
  });
  const tenants = new Map([[CODE, { id: 't1', enteredOn: '2025-03-10', exitedOn: '2025-09-30' }]]);

  it('applies the submission rules: known firm, begun month, residence, one row a month', () => {
    const errors = checkRowsInContext(
      [
        row(2, '2025-03'),
        row(3, '2025-02'),
        row(4, '2025-10'),
        row(5, '2025-03'),
        row(6, '2025-04', '91350100M000100Y43'),
        row(7, '2025-09'),
      ],
      tenants,
      '2025-09-01',
    );
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'period', 'period 2025-02 is before the firm entered the park (2025-03-10)'],
      [4, 'period', 'period 2025-10 has not begun yet'],
      [5, 'period', 'period 2025-03 of this firm is already on row 2: one row per firm and month'],
      [6, 'creditCode', 'creditCode 91350100M000100Y43 is not the code of a registered firm'],
    ]);
  });
});
