import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  daysBetween,
  defaultRent,
  floorsOf,
  isAreaText,
  isFloorText,
  isRateText,
  type LeaseLike,
  letUntil,
  overlapping,
  queueOrder,
  rankUnits,
  tileOf,
  unitChanges,
} from './space';

const lease = (
  id: string,
  startDate: string,
  endDate: string,
  status: LeaseLike['status'] = 'ACTIVE',
): LeaseLike => ({ id, startDate, endDate, status });

const TODAY = '2026-05-10';

describe('dates', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-05-10', '2026-08-08')).toBe(90);
    expect(daysBetween('2026-05-10', '2026-05-09')).toBe(-1);
  });
});

describe('tileOf', () => {
  it('is FREE with no lease covering today, and names the next lease', () => {
    const next = lease('n', '2026-06-01', '2027-05-31');
    const tile = tileOf(
      { condition: 'IN_SERVICE', leases: [lease('old', '2025-01-01', '2026-05-09'), next] },
      TODAY,
    );
    expect(tile).toEqual({ status: 'FREE', lease: null, letUntil: null, next });
  });

  it('is LET when the period runs past 90 days from today', () => {
    const l = lease('a', '2026-01-01', '2026-08-09');
    expect(tileOf({ condition: 'IN_SERVICE', leases: [l] }, TODAY)).toMatchObject({
      status: 'LET',
      lease: l,
      letUntil: '2026-08-09',
    });
  });

  it('is ENDING when the period ends within 90 days (the 90th day included)', () => {
    expect(
      tileOf({ condition: 'IN_SERVICE', leases: [lease('a', '2026-01-01', '2026-08-08')] }, TODAY)
        .status,
    ).toBe('ENDING');
    expect(
      tileOf({ condition: 'IN_SERVICE', leases: [lease('a', '2026-01-01', TODAY)] }, TODAY).status,
    ).toBe('ENDING');
  });

  it('follows a renewal that begins the day after: not ending', () => {
    const leases = [lease('a', '2026-01-01', '2026-06-30'), lease('b', '2026-07-01', '2027-06-30')];
    expect(letUntil(leases, TODAY)).toBe('2027-06-30');
    expect(tileOf({ condition: 'IN_SERVICE', leases }, TODAY).status).toBe('LET');
  });

  it('ignores TERMINATED leases', () => {
    const leases = [lease('t', '2026-01-01', '2027-12-31', 'TERMINATED')];
    expect(tileOf({ condition: 'IN_SERVICE', leases }, TODAY).status).toBe('FREE');
    expect(overlapping(leases, '2026-01-01', '2026-12-31')).toBeNull();
  });

  it('is UNAVAILABLE under maintenance or retired, keeping the lease that runs', () => {
    const l = lease('a', '2026-01-01', '2027-12-31');
    expect(tileOf({ condition: 'MAINTENANCE', leases: [l] }, TODAY)).toMatchObject({
      status: 'UNAVAILABLE',
      lease: l,
    });
    expect(tileOf({ condition: 'RETIRED', leases: [] }, TODAY).status).toBe('UNAVAILABLE');
  });
});

describe('floorsOf', () => {
  it('lists the top floor first, units by code with numbers in order', () => {
    const units = [
      { code: 'A-110', floor: 1 },
      { code: 'A-301', floor: 3 },
      { code: 'A-102', floor: 1 },
      { code: 'A-B01', floor: -1 },
      { code: 'A-19', floor: 1 },
    ];
    expect(floorsOf(units).map((f) => [f.floor, f.units.map((u) => u.code)])).toEqual([
      [3, ['A-301']],
      [1, ['A-19', 'A-102', 'A-110']],
      [-1, ['A-B01']],
    ]);
  });
});

describe('defaultRent', () => {
  it('is area × rate to the fen, halves rounded up, never through a float', () => {
    expect(defaultRent('123.45', '38.00')).toBe('4691.10');
    expect(defaultRent('0.05', '0.10')).toBe('0.01'); // 0.005 rounds half up
    expect(defaultRent('10.01', '12.50')).toBe('125.13'); // 125.125
    expect(defaultRent('1234567.89', '99.99')).toBe('123444443.32');
  });
});

describe('rankUnits', () => {
  const asked = {
    unitKind: 'LAB' as const,
    area: '180',
    fromDate: '2026-06-01',
    toDate: '2029-05-31',
  };
  const unit = (code: string, kind: 'LAB' | 'OFFICE', area: string, more = {}) => ({
    code,
    kind,
    area,
    condition: 'IN_SERVICE' as const,
    leases: [] as LeaseLike[],
    ...more,
  });

  it('offers fitting units first, closest in area first, then the others marked', () => {
    const units = [
      unit('A-101', 'LAB', '260.00'),
      unit('A-102', 'LAB', '180.00'),
      unit('A-103', 'LAB', '150.00'),
      unit('A-104', 'OFFICE', '200.00'),
      unit('A-105', 'LAB', '300.00', { leases: [lease('x', '2025-01-01', '2026-06-01')] }),
      unit('A-106', 'LAB', '300.00', { condition: 'MAINTENANCE' }),
      unit('A-107', 'LAB', '190.00', {
        leases: [lease('y', '2025-01-01', '2026-06-01', 'TERMINATED')],
      }),
    ];
    const ranked = rankUnits(units, asked);
    expect(ranked.map((r) => [r.unit.code, r.misfits, r.pickable])).toEqual([
      ['A-102', [], true],
      ['A-107', [], true],
      ['A-101', [], true],
      ['A-103', ['TOO_SMALL'], true],
      ['A-104', ['OTHER_KIND'], true],
      ['A-105', ['LET_IN_PERIOD'], false],
      ['A-106', ['UNAVAILABLE'], false],
    ]);
  });

  it('counts a lease ending the day before the period as no overlap', () => {
    const u = unit('A-201', 'LAB', '200', { leases: [lease('z', '2025-06-01', '2026-05-31')] });
    expect(rankUnits([u], asked)[0].misfits).toEqual([]);
  });
});

describe('queueOrder', () => {
  it('puts SUBMITTED first and keeps the API order within', () => {
    const list = [
      { id: '1', status: 'APPROVED' as const },
      { id: '2', status: 'SUBMITTED' as const },
      { id: '3', status: 'REJECTED' as const },
      { id: '4', status: 'SUBMITTED' as const },
    ];
    expect(queueOrder(list).map((a) => a.id)).toEqual(['2', '4', '1', '3']);
  });
});

describe('inputs', () => {
  it('checks areas, rates and floors as the API does', () => {
    expect(isAreaText('120.5')).toBe(true);
    expect(isAreaText('0')).toBe(false);
    expect(isAreaText('1.234')).toBe(false);
    expect(isRateText('0')).toBe(true);
    expect(isRateText('-1')).toBe(false);
    expect(isFloorText('-2')).toBe(true);
    expect(isFloorText('301')).toBe(false);
    expect(isFloorText('1.5')).toBe(false);
  });

  it('sends only what changed in a unit, equal decimals being no change', () => {
    const before = {
      code: 'A-101',
      floor: 1,
      kind: 'OFFICE' as const,
      area: '120.50',
      monthlyRentPerSqm: '38.00',
    };
    expect(unitChanges(before, { ...before, area: '120.5', monthlyRentPerSqm: '38' })).toEqual({});
    expect(
      unitChanges(before, { ...before, floor: '2', area: '121', monthlyRentPerSqm: '40.5' }),
    ).toEqual({ floor: 2, area: '121', monthlyRentPerSqm: '40.5' });
  });
});
