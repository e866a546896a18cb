import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import {
  billFirm,
  daysCovered,
  daysInMonth,
  monthOfResidence,
  reliefShare,
  type ComputedBill,
  type FirmFacts,
  type LeaseFacts,
  type ReliefGrant,
  type RentReliefSpec,
} from './bill-rules.js';

const lease = (over: Partial<LeaseFacts> = {}): LeaseFacts => ({
  leaseId: 'L1',
  unitLabel: 'A栋 101',
  area: '100.00',
  monthlyRent: '5000.00',
  propertyFeePerSqm: '0.00',
  startDate: '2025-01-01',
  endDate: '2029-12-31',
  ...over,
});

// Wuhan's 武昌区 rule (domain.md): 1–12 share 1, 13–36 share 0.5, 80 per m², 1 000 m².
const WUCHANG: RentReliefSpec = {
  steps: [
    { fromMonth: 1, toMonth: 12, share: '1' },
    { fromMonth: 13, toMonth: 36, share: '0.5' },
  ],
  maxRatePerSqm: '80.00',
  maxArea: '1000.00',
};

const grant = (over: Partial<ReliefGrant> = {}): ReliefGrant => ({
  applicationId: 'G1',
  policyCode: 'RENT-1',
  rule: WUCHANG,
  grantedAmount: '1000000.00',
  relieved: '0.00',
  ...over,
});

const firm = (over: Partial<FirmFacts> = {}): FirmFacts => ({
  tenantId: 'T1',
  enteredOn: '2026-01-10',
  leases: [lease()],
  grants: [],
  ...over,
});

const amountsOf = (bill: ComputedBill | null, kind: string) =>
  bill!.lines.filter((l) => l.kind === kind).map((l) => l.amount);

describe('daysInMonth', () => {
  it.each([
    ['2026-01', 31],
    ['2026-04', 30],
    ['2027-02', 28],
    ['2028-02', 29],
    ['2100-02', 28],
    ['2000-02', 29],
    ['2026-12', 31],
  ])('%s has %i days', (period, days) => {
    expect(daysInMonth(period)).toBe(days);
  });
});

describe('daysCovered', () => {
  it.each([
    ['starting on the 17th', '2026-03', '2026-03-17', '2027-03-16', 15],
    ['ending on the 3rd', '2026-03', '2025-04-04', '2026-03-03', 3],
    ['over all of February 2028', '2028-02', '2027-06-01', '2029-05-31', 29],
    ['over all of February 2027', '2027-02', '2026-06-01', '2028-05-31', 28],
    ['of one day', '2026-03', '2026-03-31', '2026-03-31', 1],
    ['inside the month', '2026-03', '2026-03-05', '2026-03-09', 5],
    ['ended before the month', '2026-03', '2025-03-01', '2026-02-28', 0],
    ['starting after the month', '2026-03', '2026-04-01', '2027-03-31', 0],
  ])('a lease %s', (_, period, start, end, days) => {
    expect(daysCovered(period, start, end)).toBe(days);
  });

  it('counts the days of the month inside the lease, one by one', () => {
    const DAY = 86_400_000;
    const day = fc
      .integer({ min: Date.UTC(2024, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY })
      .map((n) => new Date(n * DAY).toISOString().slice(0, 10));
    const period = fc
      .tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(period, day, day, (p, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        let expected = 0;
        for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`);) {
          if (new Date(t).toISOString().startsWith(p)) expected++;
          t += DAY;
        }
        expect(daysCovered(p, start, end)).toBe(expected);
      }),
    );
  });
});

describe('monthOfResidence and reliefShare', () => {
  it.each([
    ['2026-03', 1],
    ['2027-02', 12],
    ['2027-03', 13],
    ['2029-02', 36],
    ['2029-03', 37],
    ['2026-02', 0],
    ['2025-03', -11],
  ])('in %s a firm entered on 2026-03-20 is in its month %i', (period, k) => {
    expect(monthOfResidence('2026-03-20', period)).toBe(k);
  });

  it.each([
    [1, '1'],
    [12, '1'],
    [13, '0.5'],
    [36, '0.5'],
    [37, null],
    [0, null],
    [-3, null],
  ])('month %i relieves %s', (k, share) => {
    expect(reliefShare(WUCHANG, k)?.toFixed() ?? null).toBe(share);
  });

  it('counts one more for each month later', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: -60, max: 600 }),
        (y, m, d, n) => {
          const entered = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const index = y * 12 + m - 1 + n;
          const period = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
          expect(monthOfResidence(entered, period)).toBe(n + 1);
        },
      ),
    );
  });
});

describe('billFirm: rent and property fee by days', () => {
  it('bills a lease starting on the 17th for 15 of 31 days', () => {
    const bill = billFirm(
      '2026-03',
      firm({
        leases: [
          lease({ monthlyRent: '3100.00', propertyFeePerSqm: '3.10', startDate: '2026-03-17' }),
        ],
      }),
    );
    expect(bill).toEqual({
      tenantId: 'T1',
      lines: [
        {
          position: 1,
          kind: 'RENT',
          leaseId: 'L1',
          benefitApplicationId: null,
          days: 15,
          monthDays: 31,
          description: '租金 A栋 101 2026-03-17至2026-03-31（15/31天）',
          amount: '1500.00',
        },
        {
          position: 2,
          kind: 'PROPERTY_FEE',
          leaseId: 'L1',
          benefitApplicationId: null,
          days: 15,
          monthDays: 31,
          description: '物业费 A栋 101 2026-03-17至2026-03-31（15/31天）',
          amount: '150.00',
        },
      ],
      total: '1650.00',
      relief: [],
    });
  });

  it('bills a lease ending on the 3rd for 3 of 31 days', () => {
    const bill = billFirm(
      '2026-03',
      firm({ leases: [lease({ monthlyRent: '3000.00', endDate: '2026-03-03' })] }),
    );
    expect(bill!.lines).toEqual([
      expect.objectContaining({
        kind: 'RENT',
        days: 3,
        monthDays: 31,
        description: '租金 A栋 101 2026-03-01至2026-03-03（3/31天）',
        amount: '290.32',
      }),
    ]);
    expect(bill!.total).toBe('290.32');
  });

  it.each([
    ['2028-02', 29],
    ['2027-02', 28],
  ])('bills all of %s (%i days) at the full monthly rent', (period, days) => {
    const bill = billFirm(period, firm({ leases: [lease({ propertyFeePerSqm: '2.50' })] }));
    expect(bill!.lines.map((l) => [l.kind, l.days, l.monthDays, l.amount])).toEqual([
      ['RENT', days, days, '5000.00'],
      ['PROPERTY_FEE', days, days, '250.00'],
    ]);
    expect(bill!.lines[0].description).toBe(
      `租金 A栋 101 ${period}-01至${period}-${days}（${days}/${days}天）`,
    );
    expect(bill!.total).toBe('5250.00');
  });

  it('makes no lines for a lease outside the month, and no bill when no lease covers a day', () => {
    const outside = lease({ leaseId: 'L0', startDate: '2025-01-01', endDate: '2026-02-28' });
    expect(billFirm('2026-03', firm({ leases: [outside] }))).toBeNull();
    expect(billFirm('2026-03', firm({ leases: [] }))).toBeNull();
    const bill = billFirm('2026-03', firm({ leases: [outside, lease()] }));
    expect(bill!.lines.map((l) => l.leaseId)).toEqual(['L1']);
  });

  it('rounds each line half up to the fen on its own', () => {
    // 1000.00 × 1 / 31 = 32.258…
    const one = billFirm(
      '2026-03',
      firm({ leases: [lease({ monthlyRent: '1000.00', startDate: '2026-03-31' })] }),
    );
    expect(amountsOf(one, 'RENT')).toEqual(['32.26']);
    // 3.09 × 15 / 30 = 1.545 exactly; 10.30 m² × 0.30 × 15 / 30 = 1.545 exactly.
    const half = billFirm(
      '2026-04',
      firm({
        leases: [
          lease({
            area: '10.30',
            monthlyRent: '3.09',
            propertyFeePerSqm: '0.30',
            startDate: '2026-04-16',
          }),
        ],
      }),
    );
    expect(half!.lines.map((l) => [l.kind, l.days, l.monthDays, l.amount])).toEqual([
      ['RENT', 15, 30, '1.55'],
      ['PROPERTY_FEE', 15, 30, '1.55'],
    ]);
    expect(half!.total).toBe('3.10');
  });

  it('puts leases in order of start date, then id, whatever the order given', () => {
    const bill = billFirm(
      '2026-03',
      firm({
        leases: [
          lease({ leaseId: 'L3', startDate: '2026-02-01' }),
          lease({ leaseId: 'L2', startDate: '2025-06-01' }),
          lease({ leaseId: 'L1', startDate: '2026-02-01' }),
        ],
      }),
    );
    expect(bill!.lines.map((l) => [l.position, l.leaseId])).toEqual([
      [1, 'L2'],
      [2, 'L1'],
      [3, 'L3'],
    ]);
  });
});

describe('billFirm: rent relief', () => {
  // 50 per m², under the rate cap: the share of the whole rent is relieved.
  const inMonth = (k: number) => {
    const index = 2026 * 12 + 0 + (k - 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };

  it.each([
    [1, '5000.00', '1'],
    [12, '5000.00', '1'],
    [13, '2500.00', '0.5'],
    [36, '2500.00', '0.5'],
  ])('relieves in month of residence %i: %s (share %s)', (k, relief, share) => {
    const period = inMonth(k);
    const bill = billFirm(
      period,
      firm({
        enteredOn: '2026-01-10',
        leases: [lease({ propertyFeePerSqm: '2.00' })],
        grants: [grant()],
      }),
    );
    const days = daysInMonth(period);
    expect(bill!.lines).toEqual([
      expect.objectContaining({ position: 1, kind: 'RENT', amount: '5000.00' }),
      expect.objectContaining({ position: 2, kind: 'PROPERTY_FEE', amount: '200.00' }),
      {
        position: 3,
        kind: 'RENT_RELIEF',
        leaseId: 'L1',
        benefitApplicationId: 'G1',
        days,
        monthDays: days,
        description: `房租减免 RENT-1 第${k}个月 减免比例${share}`,
        amount: `-${relief}`,
      },
    ]);
    expect(bill!.total).toBe(new Decimal('5200.00').minus(relief).toFixed(2));
    expect(bill!.relief).toEqual([{ applicationId: 'G1', amount: relief }]);
  });

  it.each([
    ['month 37', '2026-01-10', inMonth(37)],
    ['a firm entered after the month', '2026-04-01', '2026-03'],
  ])('relieves nothing in %s', (_, enteredOn, period) => {
    const bill = billFirm(period, firm({ enteredOn, grants: [grant()] }));
    expect(bill!.lines.map((l) => l.kind)).toEqual(['RENT']);
    expect(bill!.total).toBe('5000.00');
    expect(bill!.relief).toEqual([]);
  });

  it('counts relief on at most maxRatePerSqm per m²', () => {
    const at = (monthlyRent: string) =>
      amountsOf(
        billFirm('2026-03', firm({ leases: [lease({ monthlyRent })], grants: [grant()] })),
        'RENT_RELIEF',
      );
    expect(at('10000.00')).toEqual(['-8000.00']); // 100 per m² above 80: 80 × 100 m²
    expect(at('8000.00')).toEqual(['-8000.00']); // exactly 80 per m²
    expect(at('7999.99')).toEqual(['-7999.99']);
    // With share 0.5 (month 13) and 15 of 31 days: 0.5 × 80 × 100 × 15 / 31 = 1935.48…
    const bill = billFirm(
      '2027-01',
      firm({
        leases: [lease({ monthlyRent: '10000.00', startDate: '2027-01-17' })],
        grants: [grant()],
      }),
    );
    expect(amountsOf(bill, 'RENT')).toEqual(['4838.71']);
    expect(amountsOf(bill, 'RENT_RELIEF')).toEqual(['-1935.48']);
  });

  it('shares maxArea across the leases in order of start date, whatever the order given', () => {
    const bill = billFirm(
      '2026-03',
      firm({
        leases: [
          lease({
            leaseId: 'L2',
            area: '500.00',
            monthlyRent: '25000.00',
            startDate: '2026-02-01',
          }),
          lease({
            leaseId: 'L1',
            area: '800.00',
            monthlyRent: '40000.00',
            startDate: '2026-01-01',
          }),
        ],
        grants: [grant()],
      }),
    );
    expect(bill!.lines.map((l) => [l.position, l.kind, l.leaseId, l.amount])).toEqual([
      [1, 'RENT', 'L1', '40000.00'],
      [2, 'RENT_RELIEF', 'L1', '-40000.00'], // 800 m²
      [3, 'RENT', 'L2', '25000.00'],
      [4, 'RENT_RELIEF', 'L2', '-10000.00'], // the 200 m² left at 50 per m²
    ]);
    expect(bill!.total).toBe('15000.00');
    expect(bill!.relief).toEqual([{ applicationId: 'G1', amount: '50000.00' }]);
  });

  it('divides once at the end, so that an exact half fen rounds up', () => {
    // 1.03 × 1.5 m² / 3 m² = 0.515 exactly, though 1.03 / 3 per m² never ends.
    const bill = billFirm(
      '2026-03',
      firm({
        leases: [lease({ area: '3.00', monthlyRent: '1.03' })],
        grants: [grant({ rule: { ...WUCHANG, maxArea: '1.50' } })],
      }),
    );
    expect(amountsOf(bill, 'RENT_RELIEF')).toEqual(['-0.52']);
    // 0.5 × 6.18 × 15 / 30 = 1.545 exactly, under a rent line of 3.09.
    const half = billFirm(
      '2027-04',
      firm({
        leases: [lease({ area: '3.00', monthlyRent: '6.18', startDate: '2027-04-16' })],
        grants: [grant()],
      }),
    );
    expect(amountsOf(half, 'RENT')).toEqual(['3.09']);
    expect(amountsOf(half, 'RENT_RELIEF')).toEqual(['-1.55']);
    expect(half!.total).toBe('1.54');
  });

  it('gives what the grant has left, to the fen, and nothing once it is used up', () => {
    const left = (relieved: string) =>
      billFirm(
        '2026-03',
        firm({
          leases: [
            lease({ leaseId: 'L1', startDate: '2025-01-01' }),
            lease({ leaseId: 'L2', startDate: '2025-02-01' }),
          ],
          grants: [grant({ grantedAmount: '12000.00', relieved })],
        }),
      );
    expect(amountsOf(left('11990.01'), 'RENT_RELIEF')).toEqual(['-9.99']);
    expect(amountsOf(left('4000.00'), 'RENT_RELIEF')).toEqual(['-5000.00', '-3000.00']);
    expect(left('4000.00')!.relief).toEqual([{ applicationId: 'G1', amount: '8000.00' }]);
    const used = left('12000.00');
    expect(used!.lines.map((l) => l.kind)).toEqual(['RENT', 'RENT']);
    expect(used!.relief).toEqual([]);
  });

  it('applies two grants in the order given, the second on what the first left', () => {
    const half = grant({
      applicationId: 'GA',
      policyCode: 'HALF',
      rule: {
        steps: [{ fromMonth: 1, toMonth: 120, share: '0.5' }],
        maxRatePerSqm: null,
        maxArea: null,
      },
    });
    const all = grant({
      applicationId: 'GB',
      policyCode: 'ALL',
      rule: {
        steps: [{ fromMonth: 1, toMonth: 120, share: '1' }],
        maxRatePerSqm: null,
        maxArea: null,
      },
    });
    const bill = billFirm('2026-03', firm({ grants: [half, all] }));
    expect(bill!.lines.map((l) => [l.kind, l.benefitApplicationId, l.amount])).toEqual([
      ['RENT', null, '5000.00'],
      ['RENT_RELIEF', 'GA', '-2500.00'],
      ['RENT_RELIEF', 'GB', '-2500.00'],
    ]);
    expect(bill!.lines[1].description).toBe('房租减免 HALF 第3个月 减免比例0.5');
    expect(bill!.lines[2].description).toBe('房租减免 ALL 第3个月 减免比例1');
    expect(bill!.total).toBe('0.00');
    expect(bill!.relief).toEqual([
      { applicationId: 'GA', amount: '2500.00' },
      { applicationId: 'GB', amount: '2500.00' },
    ]);

    const reversed = billFirm('2026-03', firm({ grants: [all, half] }));
    expect(reversed!.lines.map((l) => [l.kind, l.benefitApplicationId, l.amount])).toEqual([
      ['RENT', null, '5000.00'],
      ['RENT_RELIEF', 'GB', '-5000.00'],
    ]);
    expect(reversed!.relief).toEqual([{ applicationId: 'GB', amount: '5000.00' }]);

    const nearlyUsed = billFirm(
      '2026-03',
      firm({ grants: [{ ...half, grantedAmount: '100.00', relieved: '0.00' }, all] }),
    );
    expect(amountsOf(nearlyUsed, 'RENT_RELIEF')).toEqual(['-100.00', '-4900.00']);
  });
});

describe('billFirm: properties', () => {
  const fen = (max: number, min = 0) =>
    fc.integer({ min, max }).map((n) => new Decimal(n).div(100).toFixed(2));
  const DAY = 86_400_000;
  const day = fc
    .integer({ min: Date.UTC(2023, 0, 1) / DAY, max: Date.UTC(2031, 11, 31) / DAY })
    .map((n) => new Date(n * DAY).toISOString().slice(0, 10));
  const period = fc
    .tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  // Mostly before the period, sometimes after it.
  const entered = fc
    .integer({ min: Date.UTC(2020, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY })
    .map((n) => new Date(n * DAY).toISOString().slice(0, 10));
  const leaseArb = fc
    .record({
      leaseId: fc.uuid(),
      unitLabel: fc.constantFrom('A栋 101', 'B栋 202'),
      area: fen(500_000, 1),
      monthlyRent: fen(100_000_000),
      propertyFeePerSqm: fen(5_000),
      a: day,
      b: day,
    })
    .map(({ a, b, ...l }) => ({ ...l, startDate: a <= b ? a : b, endDate: a <= b ? b : a }));
  const share = fc
    .integer({ min: 1, max: 10_000 })
    .map((n) => new Decimal(n).div(10_000).toFixed());
  const ruleArb: fc.Arbitrary<RentReliefSpec> = fc.record({
    steps: fc
      .array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), share), {
        maxLength: 3,
      })
      .map((steps) =>
        steps.map(([from, len, s]) => ({ fromMonth: from, toMonth: from + len, share: s })),
      ),
    maxRatePerSqm: fc.option(fen(20_000, 1), { nil: null }),
    maxArea: fc.option(fen(300_000, 1), { nil: null }),
  });
  const grantArb = fc
    .record({
      applicationId: fc.uuid(),
      policyCode: fc.constant('P'),
      rule: ruleArb,
      g: fen(50_000_000),
      r: fen(50_000_000),
    })
    .map(({ g, r, ...rest }) => {
      const [relieved, grantedAmount] = new Decimal(g).lte(r) ? [g, r] : [r, g];
      return { ...rest, grantedAmount, relieved };
    });
  const firmArb = fc.record({
    tenantId: fc.constant('T'),
    enteredOn: entered,
    leases: fc.uniqueArray(leaseArb, { maxLength: 4, selector: (l) => l.leaseId }),
    grants: fc.uniqueArray(grantArb, { maxLength: 3, selector: (g) => g.applicationId }),
  });
  const TWO_DP = /^-?\d+\.\d{2}$/;

  it('keeps every total, line and grant within its limits', () => {
    fc.assert(
      fc.property(period, firmArb, (p, f) => {
        const bill = billFirm(p, f);
        const covering = f.leases.filter((l) => daysCovered(p, l.startDate, l.endDate) > 0);
        if (covering.length === 0) {
          expect(bill).toBeNull();
          return;
        }
        expect(bill).not.toBeNull();
        const { lines } = bill!;
        expect(lines.map((l) => l.position)).toEqual(lines.map((_, i) => i + 1));
        for (const l of lines) {
          expect(l.amount).toMatch(TWO_DP);
          if (l.kind === 'RENT_RELIEF') {
            expect(new Decimal(l.amount).lt(0)).toBe(true);
            expect(l.benefitApplicationId).not.toBeNull();
          } else {
            expect(new Decimal(l.amount).gte(0)).toBe(true);
            expect(l.benefitApplicationId).toBeNull();
          }
        }
        const sum = lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
        expect(bill!.total).toMatch(TWO_DP);
        expect(bill!.total).toBe(sum.toFixed(2));
        expect(sum.gte(0)).toBe(true);

        // One RENT line per covering lease, first of its lines, with d / D and half-up rounding.
        const D = daysInMonth(p);
        for (const l of covering) {
          const own = lines.filter((x) => x.leaseId === l.leaseId);
          const d = daysCovered(p, l.startDate, l.endDate);
          expect(own[0].kind).toBe('RENT');
          expect(own.every((x) => x.days === d && x.monthDays === D)).toBe(true);
          const rent = new Decimal(l.monthlyRent).times(d).div(D);
          expect(own[0].amount).toBe(rent.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
          const relieved = own
            .filter((x) => x.kind === 'RENT_RELIEF')
            .reduce((s, x) => s.minus(x.amount), new Decimal(0));
          expect(relieved.lte(own[0].amount)).toBe(true);
        }

        // A grant gives at most what it has left, and the bill says what each gave.
        for (const g of f.grants) {
          const given = lines
            .filter((x) => x.benefitApplicationId === g.applicationId)
            .reduce((s, x) => s.minus(x.amount), new Decimal(0));
          expect(given.lte(new Decimal(g.grantedAmount).minus(g.relieved))).toBe(true);
          const entry = bill!.relief.find((r) => r.applicationId === g.applicationId);
          expect(entry?.amount ?? '0.00').toBe(given.toFixed(2));
          if (reliefShare(g.rule, monthOfResidence(f.enteredOn, p)) === null) {
            expect(given.isZero()).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives exactly what is left of a nearly used-up grant', () => {
    const unlimited: RentReliefSpec = {
      steps: [{ fromMonth: 1, toMonth: 1200, share: '1' }],
      maxRatePerSqm: null,
      maxArea: null,
    };
    fc.assert(
      fc.property(
        period,
        fc.array(leaseArb, { minLength: 1, maxLength: 3 }),
        fen(50_000_000),
        fc.integer({ min: 1, max: 1_000_000 }),
        (p, leases, relieved, leftFen) => {
          const f = firm({
            enteredOn: '2023-01-01',
            leases,
            grants: [
              grant({
                rule: unlimited,
                relieved,
                grantedAmount: new Decimal(relieved).plus(new Decimal(leftFen).div(100)).toFixed(2),
              }),
            ],
          });
          const bill = billFirm(p, f);
          if (bill === null) return;
          const rent = bill.lines
            .filter((l) => l.kind === 'RENT')
            .reduce((s, l) => s.plus(l.amount), new Decimal(0));
          const left = new Decimal(leftFen).div(100);
          const given = bill.relief.reduce((s, r) => s.plus(r.amount), new Decimal(0));
          expect(given.toFixed(2)).toBe(Decimal.min(rent, left).toFixed(2));
        },
      ),
    );
  });
});
