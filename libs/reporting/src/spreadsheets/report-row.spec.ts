import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  checkRowsInContext,
  type KnownTenant,
  parseReportRow,
  type ReportRow,
  type RowError,
} from './report-row.js';

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
        sheet: 0,
        row: 7,
        creditCode: CODE,
        tenantId: null,
        period: '2025-04',
        outputValue: '1200000.50',
        revenue: '1000000',
        rdExpense: '0',
        employees: 12,
        patentsFiled: 3,
        patentsGranted: 0,
        revision: null,
      },
    });
  });

  it('reads the revision an export wrote, and takes a blank one as none', () => {
    expect(parse({ revision: 3 }).value?.revision).toBe(3);
    expect(parse({ revision: '2' }).value?.revision).toBe(2);
    expect(parse({ revision: '' }).value?.revision).toBeNull();
    for (const bad of ['0', '-1', '1.5', 'v2', '99999999999']) {
      expect(problems({ revision: bad })).toEqual([
        [
          'revision',
          `revision must be the revision the export wrote (a whole number from 1), or empty, got "${bad}"`,
        ],
      ]);
    }
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

  it('names the tenant by platform id when the row has one, a team without a credit code', () => {
    const id = '0b7c6f5e-1d2a-4c3b-9a8f-7e6d5c4b3a21';
    expect(parse({ creditCode: '', tenantId: id.toUpperCase() }).value).toMatchObject({
      creditCode: null,
      tenantId: id,
    });
    expect(problems({ creditCode: '', tenantId: 'team-1' })).toEqual([
      [
        'tenantId',
        'tenantId must be a tenant\'s platform id as the export writes it, got "team-1"',
      ],
    ]);
    expect(problems({ creditCode: '', tenantId: '' })).toEqual([
      ['creditCode', 'creditCode is required, or tenantId for a team (which has no credit code)'],
    ]);
  });

  it('quotes at most 60 characters of a bad cell', () => {
    const [[, message]] = problems({ outputValue: 'x'.repeat(10_000) });
    expect(message).toBe(`outputValue must be a decimal number, got "${'x'.repeat(60)}…"`);
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
  const TEAM = '0b7c6f5e-1d2a-4c3b-9a8f-7e6d5c4b3a21';
  const row = (r: number, period: string, key: Partial<ReportRow> = {}): ReportRow => ({
    sheet: 0,
    row: r,
    creditCode: CODE,
    tenantId: null,
    period,
    outputValue: '1',
    revenue: '1',
    rdExpense: '1',
    employees: 1,
    patentsFiled: 0,
    patentsGranted: 0,
    revision: null,
    ...key,
  });
  const firm: KnownTenant = {
    id: 't1',
    creditCode: CODE,
    enteredOn: '2025-03-10',
    exitedOn: '2025-09-30',
  };
  const team: KnownTenant = { id: TEAM, creditCode: null, enteredOn: '2025-01-01', exitedOn: null };
  const tenants = {
    byId: new Map([
      ['t1', firm],
      [TEAM, team],
    ]),
    byCode: new Map([[CODE, firm]]),
  };
  const check = (rows: ReportRow[]) => {
    const errors: RowError[] = [];
    const ids = checkRowsInContext(
      rows,
      tenants,
      '2025-09-01',
      (e) => errors.push(e),
      (i) => (i === 1 ? '团队 Teams' : '产值月报'),
    );
    return { ids, errors: errors.map((e) => [e.sheet, e.row, e.column, e.message]) };
  };

  it('applies the submission rules: known firm, begun month, residence, one row a month', () => {
    const { errors } = check([
      row(2, '2025-03'),
      row(3, '2025-02'),
      row(4, '2025-10'),
      row(5, '2025-03'),
      row(6, '2025-04', { creditCode: '91350100M000100Y43' }),
      row(7, '2025-09'),
    ]);
    expect(errors).toEqual([
      [0, 3, 'period', 'period 2025-02 is before the firm entered the park (2025-03-10)'],
      [0, 4, 'period', 'period 2025-10 has not begun yet'],
      [
        0,
        5,
        'period',
        'period 2025-03 of this firm is already on row 2: one row per tenant and month',
      ],
      [0, 6, 'creditCode', 'creditCode 91350100M000100Y43 is not the code of a registered firm'],
    ]);
  });

  it('finds teams by platform id, and refuses an id and a credit code of two tenants', () => {
    const { ids, errors } = check([
      row(2, '2025-04', { creditCode: null, tenantId: TEAM }),
      row(3, '2025-04', { tenantId: 't1' }),
      row(4, '2025-05', { tenantId: TEAM }),
      row(5, '2025-05', { creditCode: null, tenantId: '1b7c6f5e-1d2a-4c3b-9a8f-7e6d5c4b3a21' }),
      { ...row(2, '2025-04', { creditCode: null, tenantId: TEAM }), sheet: 1 },
    ]);
    expect(ids.slice(0, 2)).toEqual([TEAM, 't1']);
    expect(errors).toEqual([
      [
        0,
        4,
        'creditCode',
        `creditCode ${CODE} is not the code of tenant ${TEAM}, which has none (a team)`,
      ],
      [
        0,
        5,
        'tenantId',
        'tenantId 1b7c6f5e-1d2a-4c3b-9a8f-7e6d5c4b3a21 is not a registered firm or team',
      ],
      [
        1,
        2,
        'period',
        'period 2025-04 of this team is already on row 2 of sheet "产值月报": one row per tenant and month',
      ],
    ]);
  });
});
