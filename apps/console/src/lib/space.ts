import Decimal from 'decimal.js';
import type { LeaseStatus, SpaceApplicationStatus, UnitCondition, UnitKind } from '../gql/graphql';

/**
 * What the space pages work out themselves (domain.md, "Space"; libs/space): the vacancy map's
 * tile of a unit on a day, the floors of a building, the units offered for a space application,
 * and the rent a lease gets when none is given. Dates are YYYY-MM-DD calendar days (the park's,
 * Asia/Shanghai); money and areas stay Decimal strings.
 */

export const UNIT_KINDS: readonly UnitKind[] = [
  'OFFICE',
  'LAB',
  'WORKSHOP',
  'WORKSTATION',
  'PILOT_LINE',
  'WAREHOUSE',
];

export const UNIT_CONDITIONS: readonly UnitCondition[] = ['IN_SERVICE', 'MAINTENANCE', 'RETIRED'];

export const APPLICATION_STATUSES: readonly SpaceApplicationStatus[] = [
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
];

/**
 * A tile of the vacancy map (房态图) on a day:
 * - FREE: in service and no lease covers the day;
 * - LET: a lease covers the day and the unit stays let beyond the next ENDING_WITHIN_DAYS days;
 * - ENDING: let, and the let period ends within ENDING_WITHIN_DAYS days;
 * - UNAVAILABLE: under maintenance or retired (its condition says so; a lease may still run).
 */
export type TileStatus = 'FREE' | 'LET' | 'ENDING' | 'UNAVAILABLE';
export const TILE_STATUSES: readonly TileStatus[] = ['FREE', 'LET', 'ENDING', 'UNAVAILABLE'];
export const ENDING_WITHIN_DAYS = 90;

export interface LeaseLike {
  id: string;
  startDate: string;
  endDate: string;
  status: LeaseStatus;
}

export interface UnitLike<L extends LeaseLike = LeaseLike> {
  condition: UnitCondition;
  leases: readonly L[];
}

const DAY_MS = 86_400_000;

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A lease that holds the unit: not TERMINATED (a cancelled lease neither blocks nor counts). */
export const holds = (lease: LeaseLike) => lease.status !== 'TERMINATED';

/** The lease (not TERMINATED) covering `day`; leases of a unit never overlap, so at most one. */
export function leaseOn<L extends LeaseLike>(leases: readonly L[], day: string): L | null {
  return leases.find((l) => holds(l) && l.startDate <= day && day <= l.endDate) ?? null;
}

/** The first lease (not TERMINATED) that overlaps [from, to], both inclusive. */
export function overlapping<L extends LeaseLike>(
  leases: readonly L[],
  from: string,
  to: string,
): L | null {
  return (
    [...leases]
      .filter((l) => holds(l) && l.startDate <= to && from <= l.endDate)
      .sort((a, b) => a.startDate.localeCompare(b.startDate))[0] ?? null
  );
}

/**
 * The last day of the let period that covers `day`, following leases that begin the day after
 * the previous one ends (a renewal does not make the unit free); null when nothing covers `day`.
 */
export function letUntil(leases: readonly LeaseLike[], day: string): string | null {
  let current = leaseOn(leases, day);
  if (!current) return null;
  let until = current.endDate;
  for (;;) {
    const next = leaseOn(leases, addDays(until, 1));
    if (!next || next === current) return until;
    current = next;
    until = next.endDate;
  }
}

/** The next lease (not TERMINATED) beginning after `day`. */
export function nextLease<L extends LeaseLike>(leases: readonly L[], day: string): L | null {
  return (
    [...leases]
      .filter((l) => holds(l) && l.startDate > day)
      .sort((a, b) => a.startDate.localeCompare(b.startDate))[0] ?? null
  );
}

export interface Tile<L extends LeaseLike> {
  status: TileStatus;
  /** The lease covering the day, whatever the condition. */
  lease: L | null;
  /** The end of the let period covering the day (renewals followed). */
  letUntil: string | null;
  /** The next lease after the day, when the unit is free on it. */
  next: L | null;
}

/** The tile of a unit on `today`: the condition first (as the API's status), then the leases. */
export function tileOf<L extends LeaseLike>(unit: UnitLike<L>, today: string): Tile<L> {
  const lease = leaseOn(unit.leases, today);
  const until = letUntil(unit.leases, today);
  const next = lease ? null : nextLease(unit.leases, today);
  let status: TileStatus;
  if (unit.condition !== 'IN_SERVICE') status = 'UNAVAILABLE';
  else if (!lease || !until) status = 'FREE';
  else status = daysBetween(today, until) <= ENDING_WITHIN_DAYS ? 'ENDING' : 'LET';
  return { status, lease, letUntil: until, next };
}

export interface Floor<U> {
  floor: number;
  units: U[];
}

/** A building's floors, top floor first, each with its units by code (as on a lift's panel). */
export function floorsOf<U extends { floor: number; code: string }>(
  units: readonly U[],
): Floor<U>[] {
  const byFloor = new Map<number, U[]>();
  for (const u of units) byFloor.set(u.floor, [...(byFloor.get(u.floor) ?? []), u]);
  return [...byFloor.entries()]
    .sort(([a], [b]) => b - a)
    .map(([floor, list]) => ({
      floor,
      units: list.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })),
    }));
}

/** The rent a lease gets when none is given: area × monthly rent per m², to the fen, half up. */
export function defaultRent(area: string, monthlyRentPerSqm: string): string {
  return new Decimal(area)
    .times(monthlyRentPerSqm)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

/** Why a unit does not fit an application (none: it fits). */
export type Misfit = 'UNAVAILABLE' | 'LET_IN_PERIOD' | 'OTHER_KIND' | 'TOO_SMALL';

export interface AskedSpace {
  unitKind: UnitKind;
  area: string;
  fromDate: string;
  toDate: string;
}

export interface RankableUnit extends UnitLike {
  code: string;
  kind: UnitKind;
  area: string;
}

export interface RankedUnit<U> {
  unit: U;
  /** Empty when the unit fits: free for the whole period, of the kind asked, large enough. */
  misfits: Misfit[];
  /** Whether approving onto it can succeed (in service and free for the period). */
  pickable: boolean;
}

/**
 * The units offered for an application: those that fit first (the closest in area first, then by
 * code), then the pickable others (another kind or too small), then those that cannot be let for
 * the period (let, or out of service), each group by code.
 */
export function rankUnits<U extends RankableUnit>(
  units: readonly U[],
  asked: AskedSpace,
): RankedUnit<U>[] {
  const wanted = new Decimal(asked.area);
  const ranked = units.map((unit): RankedUnit<U> => {
    const misfits: Misfit[] = [];
    if (unit.condition !== 'IN_SERVICE') misfits.push('UNAVAILABLE');
    if (overlapping(unit.leases, asked.fromDate, asked.toDate)) misfits.push('LET_IN_PERIOD');
    if (unit.kind !== asked.unitKind) misfits.push('OTHER_KIND');
    if (new Decimal(unit.area).lt(wanted)) misfits.push('TOO_SMALL');
    const pickable = !misfits.includes('UNAVAILABLE') && !misfits.includes('LET_IN_PERIOD');
    return { unit, misfits, pickable };
  });
  const group = (r: RankedUnit<U>) => (r.misfits.length === 0 ? 0 : r.pickable ? 1 : 2);
  const byCode = (a: RankedUnit<U>, b: RankedUnit<U>) =>
    a.unit.code.localeCompare(b.unit.code, 'en', { numeric: true });
  return ranked.sort((a, b) => {
    const g = group(a) - group(b);
    if (g !== 0) return g;
    if (group(a) === 0) {
      const byArea = new Decimal(a.unit.area).comparedTo(b.unit.area);
      if (byArea !== 0) return byArea;
    }
    return byCode(a, b);
  });
}

/** The queue of applications: SUBMITTED first, otherwise the API's order (newest first). */
export function queueOrder<A extends { status: SpaceApplicationStatus }>(list: readonly A[]): A[] {
  return list
    .map((a, i) => ({ a, i }))
    .sort((x, y) => {
      const sx = x.a.status === 'SUBMITTED' ? 0 : 1;
      const sy = y.a.status === 'SUBMITTED' ? 0 : 1;
      return sx - sy || x.i - y.i;
    })
    .map(({ a }) => a);
}

/** An area typed in m²: more than 0, at most two decimals. */
export function isAreaText(text: string | null | undefined): boolean {
  const t = (text ?? '').trim();
  return /^\d{1,10}(\.\d{1,2})?$/.test(t) && new Decimal(t).gt(0);
}

/** A rate or fee in 元 per m²: 0 or more, at most two decimals. */
export function isRateText(text: string | null | undefined): boolean {
  return /^\d{1,10}(\.\d{1,2})?$/.test((text ?? '').trim());
}

/** A floor: a whole number from -10 (basements) to 300, as the database allows. */
export function isFloorText(text: string | number | null | undefined): boolean {
  const t = String(text ?? '').trim();
  return /^-?\d{1,3}$/.test(t) && Number(t) >= -10 && Number(t) <= 300;
}

/** A code of a building or unit: 1 to 40 letters, digits, - or _. */
export function isCodeText(text: string | null | undefined): boolean {
  return /^[A-Za-z0-9_-]{1,40}$/.test((text ?? '').trim());
}

export interface UnitFields {
  code: string;
  floor: number;
  kind: UnitKind;
  area: string;
  monthlyRentPerSqm: string;
}

/**
 * What an edit of a unit changes, for updateUnit (only the fields given change): equal
 * decimals (38 and 38.00) are no change, so an unchanged area is not sent to be refused.
 */
export function unitChanges(
  before: UnitFields,
  after: {
    code: string;
    floor: string | number;
    kind: UnitKind;
    area: string;
    monthlyRentPerSqm: string;
  },
): Partial<UnitFields> {
  const out: Partial<UnitFields> = {};
  const code = after.code.trim();
  if (code !== before.code) out.code = code;
  const floor = Number(String(after.floor).trim());
  if (floor !== before.floor) out.floor = floor;
  if (after.kind !== before.kind) out.kind = after.kind;
  if (!new Decimal(after.area.trim()).eq(before.area)) out.area = after.area.trim();
  if (!new Decimal(after.monthlyRentPerSqm.trim()).eq(before.monthlyRentPerSqm))
    out.monthlyRentPerSqm = after.monthlyRentPerSqm.trim();
  return out;
}
