import { Decimal } from 'decimal.js';

// The lines of a firm's rent bill for a month (domain.md, "Rent bills"), as pure functions of
// calendar dates ('YYYY-MM-DD', months 'YYYY-MM') and exact decimals (strings). Dates are counted
// with integer arithmetic, never in the machine's time zone.

/** One lease of the firm that is not TERMINATED, with what its lines are computed from. */
export interface LeaseFacts {
  leaseId: string;
  /** e.g. "A栋 101" (building code + unit code). */
  unitLabel: string;
  area: string;
  monthlyRent: string;
  propertyFeePerSqm: string;
  /** YYYY-MM-DD, inclusive. */
  startDate: string;
  /** YYYY-MM-DD, inclusive. */
  endDate: string;
}

/** A RENT_SUBSIDY policy's rent relief: share by month of residence, rate and area caps. */
export interface RentReliefSpec {
  steps: { fromMonth: number; toMonth: number; share: string }[];
  maxRatePerSqm: string | null;
  maxArea: string | null;
}

/** An APPROVED or DISBURSED application of the firm to a policy with rent relief. */
export interface ReliefGrant {
  applicationId: string;
  policyCode: string;
  rule: RentReliefSpec;
  grantedAmount: string;
  /** Relieved so far, before this bill. */
  relieved: string;
}

export interface FirmFacts {
  tenantId: string;
  enteredOn: string;
  leases: LeaseFacts[];
  /** In decision order: earlier grants relieve first. */
  grants: ReliefGrant[];
}

export type LineKind = 'RENT' | 'PROPERTY_FEE' | 'RENT_RELIEF';

export interface ComputedLine {
  /** 1..n in the bill. */
  position: number;
  kind: LineKind;
  leaseId: string;
  /** The grant a RENT_RELIEF line draws on; null for the other kinds. */
  benefitApplicationId: string | null;
  /** Days of the month the lease covers. */
  days: number;
  /** Days of the month. */
  monthDays: number;
  description: string;
  /** 2 decimals, negative for RENT_RELIEF. */
  amount: string;
}

export interface ComputedBill {
  tenantId: string;
  lines: ComputedLine[];
  /** Sum of the lines, never negative. */
  total: string;
  /** What each grant gives on this bill (positive), grants that give nothing left out. */
  relief: { applicationId: string; amount: string }[];
}

// Products of numeric(16,2) amounts, areas, shares and day counts need more than the default 20
// significant digits to stay exact; the only inexact step is the final division of each line.
const Exact = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_UP });

const toFen = (value: Decimal): Decimal => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const money = (value: Decimal): string => value.toFixed(2);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const yearOf = (date: string) => Number(date.slice(0, 4));
const monthOf = (date: string) => Number(date.slice(5, 7));
const dayOf = (date: string) => Number(date.slice(8, 10));
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of the month 'YYYY-MM' (28 to 31). */
export function daysInMonth(period: string): number {
  const month = monthOf(period);
  return month === 2 && isLeapYear(yearOf(period)) ? 29 : MONTH_DAYS[month - 1];
}

/** The days of `period` within [startDate, endDate] (both inclusive), or null when none. */
function coveredSpan(
  period: string,
  startDate: string,
  endDate: string,
): { from: string; to: string } | null {
  const first = `${period}-01`;
  const last = `${period}-${String(daysInMonth(period)).padStart(2, '0')}`;
  const from = startDate > first ? startDate : first;
  const to = endDate < last ? endDate : last;
  return from <= to ? { from, to } : null;
}

/** How many days of `period` the lease [startDate, endDate] covers: 0 to daysInMonth(period). */
export function daysCovered(period: string, startDate: string, endDate: string): number {
  const span = coveredSpan(period, startDate, endDate);
  return span ? dayOf(span.to) - dayOf(span.from) + 1 : 0;
}

/** The firm's month of residence in `period`: 1 in enteredOn's month, 0 or less before it. */
export function monthOfResidence(enteredOn: string, period: string): number {
  return (yearOf(period) - yearOf(enteredOn)) * 12 + monthOf(period) - monthOf(enteredOn) + 1;
}

/** The share relieved in month of residence `month`, or null when no step holds it. */
export function reliefShare(rule: RentReliefSpec, month: number): Decimal | null {
  if (month < 1) return null;
  const step = rule.steps.find((s) => s.fromMonth <= month && month <= s.toMonth);
  return step ? new Exact(step.share) : null;
}

/**
 * Relief of one lease under one grant before the caps of the RENT line and of the grant:
 * share × min(rent per m², maxRatePerSqm) × reliefArea × d / D, with one division at the end so
 * that an exact half fen rounds up.
 */
function leaseRelief(
  share: Decimal,
  lease: LeaseFacts,
  reliefArea: Decimal,
  maxRatePerSqm: string | null,
  days: number,
  monthDays: number,
): Decimal {
  const area = new Exact(lease.area);
  if (area.lte(0) || reliefArea.lte(0)) return new Exact(0);
  const rent = new Exact(lease.monthlyRent);
  const base = share.times(reliefArea).times(days);
  const exact =
    maxRatePerSqm === null || rent.lte(area.times(maxRatePerSqm))
      ? base.times(rent).div(area.times(monthDays))
      : base.times(maxRatePerSqm).div(monthDays);
  return toFen(exact);
}

/**
 * The firm's bill for `period`, or null when none of its leases covers a day of the month.
 * Leases go in order of start date (then id); each gives its RENT line, its PROPERTY_FEE line
 * (none when the fee is 0) and a RENT_RELIEF line per grant that relieves it, in grant order.
 */
export function billFirm(period: string, firm: FirmFacts): ComputedBill | null {
  const monthDays = daysInMonth(period);
  const leases = [...firm.leases]
    .sort((a, b) => compare(a.startDate, b.startDate) || compare(a.leaseId, b.leaseId))
    .map((lease) => ({ lease, span: coveredSpan(period, lease.startDate, lease.endDate) }))
    .filter((l): l is { lease: LeaseFacts; span: { from: string; to: string } } => l.span !== null);
  if (leases.length === 0) return null;

  const k = monthOfResidence(firm.enteredOn, period);
  const grants = firm.grants.map((grant) => ({
    grant,
    share: reliefShare(grant.rule, k),
    areaLeft: grant.rule.maxArea === null ? null : new Exact(grant.rule.maxArea),
    left: Exact.max(0, new Exact(grant.grantedAmount).minus(grant.relieved)),
    drawn: new Exact(0),
  }));

  const lines: Omit<ComputedLine, 'position'>[] = [];
  for (const { lease, span } of leases) {
    const days = dayOf(span.to) - dayOf(span.from) + 1;
    const what = `${lease.unitLabel} ${span.from}至${span.to}（${days}/${monthDays}天）`;
    const line = (kind: LineKind, amount: Decimal, description: string, grantId: string | null) =>
      lines.push({
        kind,
        leaseId: lease.leaseId,
        benefitApplicationId: grantId,
        days,
        monthDays,
        description,
        amount: money(amount),
      });

    const rent = toFen(new Exact(lease.monthlyRent).times(days).div(monthDays));
    line('RENT', rent, `租金 ${what}`, null);
    const fee = toFen(
      new Exact(lease.area).times(lease.propertyFeePerSqm).times(days).div(monthDays),
    );
    if (!fee.isZero()) line('PROPERTY_FEE', fee, `物业费 ${what}`, null);

    let rentLeft = rent;
    for (const g of grants) {
      if (g.share === null) continue;
      const area = new Exact(lease.area);
      const reliefArea = g.areaLeft === null ? area : Exact.min(area, g.areaLeft);
      if (g.areaLeft !== null) g.areaLeft = g.areaLeft.minus(reliefArea);
      const relief = Exact.min(
        leaseRelief(g.share, lease, reliefArea, g.grant.rule.maxRatePerSqm, days, monthDays),
        rentLeft,
        g.left,
      );
      if (relief.lte(0)) continue;
      rentLeft = rentLeft.minus(relief);
      g.left = g.left.minus(relief);
      g.drawn = g.drawn.plus(relief);
      line(
        'RENT_RELIEF',
        relief.negated(),
        `房租减免 ${g.grant.policyCode} 第${k}个月 减免比例${g.share.toFixed()}`,
        g.grant.applicationId,
      );
    }
  }

  const total = lines.reduce((sum, l) => sum.plus(l.amount), new Exact(0));
  return {
    tenantId: firm.tenantId,
    lines: lines.map((l, i) => ({ position: i + 1, ...l })),
    total: money(total),
    relief: grants
      .filter((g) => g.drawn.gt(0))
      .map((g) => ({ applicationId: g.grant.applicationId, amount: money(g.drawn) })),
  };
}
