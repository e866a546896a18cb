import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import {
  type AnnualFigures,
  CHECK_CODES,
  type CheckResult,
  statisticsDay,
  toThousand,
  torchChecks,
  type TorchFirm,
  type TorchTotals,
} from './torch-rules.js';

const figures = (over: Partial<AnnualFigures> = {}): AnnualFigures => ({
  registeredCapital: '1000000.00',
  employees: 10,
  employeesDoctorate: 1,
  employeesCollege: 8,
  employeesReturnees: 1,
  employeesFreshGraduates: 2,
  totalRevenue: '1499.50',
  netProfit: '100.00',
  taxPaid: '10.00',
  rdExpense: '50.00',
  ventureFunding: '0.00',
  ipApplied: 2,
  ipGranted: 1,
  ipValid: 3,
  inventionPatentsValid: 1,
  softwareCopyrights: 0,
  techContracts: 0,
  techContractValue: '0.00',
  nationalProjects: 0,
  occupiedArea: '100.00',
  ...over,
});

let n = 0;
const firm = (
  report: AnnualFigures | null = figures(),
  over: Partial<TorchFirm> = {},
): TorchFirm => {
  n += 1;
  return {
    tenantId: `T${n}`,
    name: `Firm ${n}`,
    creditCode: null,
    foundedOn: null,
    enteredOn: '2024-01-01',
    industryChain: 'AI_PLUS',
    highTech: false,
    techSme: false,
    leasedArea: '100.00',
    report,
    ...over,
  };
};

/** The totals the service would sum from these firms, with 1 000 m² in service. */
function totalsOf(firms: TorchFirm[], over: Partial<TorchTotals> = {}): TorchTotals {
  const sum = (k: keyof AnnualFigures) =>
    firms.reduce((s, f) => s + (f.report ? Number(f.report[k]) : 0), 0);
  return {
    totalArea: '1000.00',
    incubatedFirmsArea: firms.reduce((s, f) => s.plus(f.leasedArea), new Decimal(0)).toFixed(2),
    incubatedFirms: firms.length,
    employees: sum('employees'),
    employeesDoctorate: sum('employeesDoctorate'),
    employeesCollege: sum('employeesCollege'),
    employeesReturnees: sum('employeesReturnees'),
    employeesFreshGraduates: sum('employeesFreshGraduates'),
    ipValid: sum('ipValid'),
    inventionPatentsValid: sum('inventionPatentsValid'),
    highTechFirms: firms.filter((f) => f.highTech).length,
    fundedFirms: firms.filter((f) => f.report && Number(f.report.ventureFunding) > 0).length,
    firmsWithValidIp: firms.filter(
      (f) => f.report && (f.report.ipValid > 0 || f.report.softwareCopyrights > 0),
    ).length,
    ...over,
  };
}

const check = (checks: CheckResult[], code: string) => {
  const found = checks.find((c) => c.code === code);
  if (!found) throw new Error(`no check ${code}`);
  return found;
};

/** Eight firms of 100 m² in 1 000 m²: 80 %, every report consistent. */
const healthy = () => Array.from({ length: 8 }, () => firm());

describe('toThousand', () => {
  it('rounds the exact sum once: three firms of 1 499.50 yuan are 4 千元, not 3 or 6', () => {
    const exact = new Decimal('1499.50').times(3).toFixed(2);
    expect(toThousand(exact)).toBe('4');
    // What rounding each firm first would give, to the 千元 (3) or to the yuan (6).
    expect(Number(toThousand('1499.50')) * 3).toBe(3);
  });

  it.each([
    ['0', '0'],
    ['0.00', '0'],
    ['499.99', '0'],
    ['500.00', '1'],
    ['1499.99', '1'],
    ['1500', '2'],
    ['2500.00', '3'],
    ['123456789012.34', '123456789'],
  ])('%s yuan is %s 千元', (yuan, thousand) => {
    expect(toThousand(yuan)).toBe(thousand);
  });

  it.each([
    ['-400.00', '0'],
    ['-499.99', '0'],
    ['-500.00', '-1'],
    ['-1499.99', '-1'],
    ['-1500.00', '-2'],
    ['-2500.00', '-3'],
  ])('a net loss of %s yuan is %s 千元: a half rounds away from zero', (yuan, thousand) => {
    expect(toThousand(yuan)).toBe(thousand);
  });

  it('is the nearest whole 千元, a half away from zero, for any amount to the fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (fen) => {
        const yuan = new Decimal(fen.toString()).dividedBy(100);
        const k = new Decimal(toThousand(yuan.toFixed(2)));
        expect(k.isInteger()).toBe(true);
        const gap = yuan.dividedBy(1000).minus(k).abs();
        expect(gap.lte('0.5')).toBe(true);
        if (gap.eq('0.5')) expect(k.abs().gt(yuan.dividedBy(1000).abs())).toBe(true);
      }),
    );
  });
});

describe('statisticsDay', () => {
  it('is 31 December of a past year, and today while the year runs', () => {
    expect(statisticsDay(2025, '2026-03-01')).toBe('2025-12-31');
    expect(statisticsDay(2026, '2026-03-01')).toBe('2026-03-01');
    expect(statisticsDay(2025, '2025-12-31')).toBe('2025-12-31');
  });
});

describe('torchChecks', () => {
  it('hold every code once, in a fixed order, all passing for consistent figures', () => {
    const firms = healthy();
    const checks = torchChecks(totalsOf(firms), firms);
    expect(checks.map((c) => c.code)).toEqual(CHECK_CODES);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    expect(checks.every((c) => c.tenantIds.length === 0 && c.message.length > 0)).toBe(true);
  });

  describe.each([
    ['EMPLOYEES_DOCTORATE_LE_TOTAL', 'employeesDoctorate', 'employees'],
    ['EMPLOYEES_COLLEGE_LE_TOTAL', 'employeesCollege', 'employees'],
    ['EMPLOYEES_RETURNEES_LE_TOTAL', 'employeesReturnees', 'employees'],
    ['EMPLOYEES_FRESH_GRADUATES_LE_TOTAL', 'employeesFreshGraduates', 'employees'],
    ['INVENTION_PATENTS_LE_VALID_IP', 'inventionPatentsValid', 'ipValid'],
  ] as const)('%s', (code, part, whole) => {
    it('passes when the part equals its total', () => {
      const firms = [...healthy(), firm(figures({ [part]: 3, [whole]: 3 }))];
      const c = check(torchChecks(totalsOf(firms), firms), code);
      expect(c.passed).toBe(true);
      expect(c.tenantIds).toEqual([]);
      expect(c.message).toContain(`${part} ≤ ${whole}`);
    });

    it('fails naming the firm whose part exceeds its total', () => {
      const broken = firm(figures({ [part]: 4, [whole]: 3 }), { name: '甲超标科技' });
      const firms = [...healthy(), broken];
      const c = check(torchChecks(totalsOf(firms), firms), code);
      expect(c.passed).toBe(false);
      expect(c.tenantIds).toEqual([broken.tenantId]);
      expect(c.message).toContain('甲超标科技 (4 > 3)');
    });

    it('fails on the totals alone, naming no firm', () => {
      const firms = healthy();
      const totals = totalsOf(firms);
      const c = check(torchChecks({ ...totals, [part]: totals[whole] + 1 }, firms), code);
      expect(c.passed).toBe(false);
      expect(c.tenantIds).toEqual([]);
      expect(c.message).toContain('in total');
    });
  });

  it('INCUBATED_AREA_LE_TOTAL passes at the total and fails above it', () => {
    const firms = healthy();
    const at = check(
      torchChecks(totalsOf(firms, { incubatedFirmsArea: '1000.00' }), firms),
      'INCUBATED_AREA_LE_TOTAL',
    );
    expect(at.passed).toBe(true);
    const above = check(
      torchChecks(totalsOf(firms, { incubatedFirmsArea: '1000.01' }), firms),
      'INCUBATED_AREA_LE_TOTAL',
    );
    expect(above).toMatchObject({ passed: false, tenantIds: [] });
    expect(above.message).toContain('1000.01 m² > total area in service 1000.00 m²');
  });

  it.each([
    ['INCUBATED_FIRMS_GE_FIRMS_WITH_IP', 'firmsWithValidIp'],
    ['INCUBATED_FIRMS_GE_FUNDED_FIRMS', 'fundedFirms'],
    ['INCUBATED_FIRMS_GE_HIGH_TECH_FIRMS', 'highTechFirms'],
  ] as const)('%s passes at equality and fails when %s exceeds the incubated firms', (code, k) => {
    const firms = healthy();
    const equal = check(torchChecks(totalsOf(firms, { [k]: 8 }), firms), code);
    expect(equal.passed).toBe(true);
    const more = check(torchChecks(totalsOf(firms, { [k]: 9 }), firms), code);
    expect(more).toMatchObject({ passed: false, tenantIds: [] });
    expect(more.message).toMatch(/^8 incubated firms < 9 /);
  });

  describe('EMPLOYEES_GE_INCUBATED_FIRMS', () => {
    it('passes when every reporting firm has employees', () => {
      const firms = [
        firm(figures({ employees: 1, employeesCollege: 1, employeesFreshGraduates: 0 })),
      ];
      expect(
        check(torchChecks(totalsOf(firms), firms), 'EMPLOYEES_GE_INCUBATED_FIRMS').passed,
      ).toBe(true);
    });

    it('fails listing the firms whose accepted report has 0 employees, whatever the total', () => {
      const empty = firm(
        figures({
          employees: 0,
          employeesDoctorate: 0,
          employeesCollege: 0,
          employeesReturnees: 0,
          employeesFreshGraduates: 0,
        }),
        { name: '空壳科技' },
      );
      const firms = [...healthy(), empty];
      const c = check(torchChecks(totalsOf(firms), firms), 'EMPLOYEES_GE_INCUBATED_FIRMS');
      expect(c.passed).toBe(false);
      expect(c.tenantIds).toEqual([empty.tenantId]);
      expect(c.message).toBe(
        '80 employees ≥ 9 incubated firms; 1 firm reports 0 employees: 空壳科技',
      );
    });

    it('fails when the total is below the number of firms', () => {
      const firms = healthy();
      const c = check(
        torchChecks(totalsOf(firms, { employees: 7 }), firms),
        'EMPLOYEES_GE_INCUBATED_FIRMS',
      );
      expect(c).toMatchObject({ passed: false, tenantIds: [] });
      expect(c.message).toBe('7 employees < 8 incubated firms');
    });
  });

  describe('INCUBATED_AREA_SHARE_GE_75', () => {
    it('passes at exactly 75 %', () => {
      const firms = healthy();
      const c = check(
        torchChecks(totalsOf(firms, { incubatedFirmsArea: '750.00' }), firms),
        'INCUBATED_AREA_SHARE_GE_75',
      );
      expect(c.passed).toBe(true);
      expect(c.message).toContain('75.0 %');
    });

    it('fails just below 75 %, and when no area is in service', () => {
      const firms = healthy();
      const below = check(
        torchChecks(totalsOf(firms, { incubatedFirmsArea: '749.99' }), firms),
        'INCUBATED_AREA_SHARE_GE_75',
      );
      expect(below).toMatchObject({ passed: false, tenantIds: [] });
      expect(below.message).toContain('below 75 %');
      const none = check(
        torchChecks(totalsOf([], { totalArea: '0.00', incubatedFirmsArea: '0.00' }), []),
        'INCUBATED_AREA_SHARE_GE_75',
      );
      expect(none.passed).toBe(false);
    });
  });

  describe('MISSING_ANNUAL_REPORTS', () => {
    it('passes when every incubated firm has an accepted report', () => {
      const firms = healthy();
      expect(check(torchChecks(totalsOf(firms), firms), 'MISSING_ANNUAL_REPORTS').passed).toBe(
        true,
      );
    });

    it('fails listing the firms without one; they break no other check', () => {
      const missing = [firm(null, { name: '乙未报' }), firm(null, { name: '丙未报' })];
      const firms = [...healthy(), ...missing];
      const checks = torchChecks(totalsOf(firms, { incubatedFirmsArea: '800.00' }), firms);
      const c = check(checks, 'MISSING_ANNUAL_REPORTS');
      expect(c.passed).toBe(false);
      expect(c.tenantIds).toEqual(missing.map((f) => f.tenantId));
      expect(c.message).toBe('2 incubated firms have no accepted annual report: 乙未报, 丙未报');
      expect(checks.filter((x) => !x.passed).map((x) => x.code)).toEqual([
        'MISSING_ANNUAL_REPORTS',
      ]);
    });

    it('names the first five firms and counts the rest', () => {
      const firms = Array.from({ length: 7 }, () => firm(null));
      const c = check(torchChecks(totalsOf(firms), firms), 'MISSING_ANNUAL_REPORTS');
      expect(c.tenantIds).toHaveLength(7);
      expect(c.message).toMatch(/and 2 more$/);
    });
  });
});
