import Decimal from 'decimal.js';
import { isIsoDate, monthOf } from './dates';
import { formatCount, formatWan, formatYuan } from './numbers';

/**
 * What the zone cockpit (驾驶舱) works out itself (web-console.md, "The cockpit"; domain.md,
 * "Counting rules", "Status of a milestone", "A zone's dashboard"): the year and day it shows,
 * taken from and written to the URL; the words and colours of a milestone status; which card
 * goes in which zone; the three-year plan as rows; the series of the output chart (monthly bars,
 * their cumulative sum and the straight pace line to the year's target); and what each firm
 * behind a milestone contributes to it. Every value stays a Decimal string: decimal.js does the
 * sums, and a float appears only where a chart needs geometry (chartNumber, in the page).
 */

// ---------------------------------------------------------------------------------------------
// The API's enums, as the cockpit uses them.

export type MilestoneStatus =
  'ACHIEVED' | 'ON_TRACK' | 'AT_RISK' | 'BEHIND' | 'MISSED' | 'NOT_STARTED';

export type MilestoneMetric =
  | 'NEW_TECH_FIRMS'
  | 'NEW_HIGH_TECH_FIRMS'
  | 'NEW_SRDI_FIRMS'
  | 'INDUSTRIALIZATION_PROJECTS'
  | 'ANNUAL_OUTPUT_VALUE';

export const MILESTONE_STATUSES: readonly MilestoneStatus[] = [
  'ACHIEVED',
  'ON_TRACK',
  'AT_RISK',
  'BEHIND',
  'MISSED',
  'NOT_STARTED',
];

/** The order the plan lists its targets in (吕政办发〔2025〕10号, III(IV)). */
export const METRIC_ORDER: readonly MilestoneMetric[] = [
  'NEW_TECH_FIRMS',
  'NEW_HIGH_TECH_FIRMS',
  'NEW_SRDI_FIRMS',
  'INDUSTRIALIZATION_PROJECTS',
  'ANNUAL_OUTPUT_VALUE',
];

/** A park-wide target (no zone) is shown under this scope. */
export const PARK = 'PARK';

// ---------------------------------------------------------------------------------------------
// Year and day, in the URL.

/** The years of the action plan (2025–2027): the only ones the cockpit offers. */
export const COCKPIT_YEARS: readonly number[] = [2025, 2026, 2027];

/** A year brought into the plan's years. */
export function clampYear(year: number): number {
  const first = COCKPIT_YEARS[0];
  const last = COCKPIT_YEARS[COCKPIT_YEARS.length - 1];
  if (!Number.isInteger(year)) return first;
  return Math.min(last, Math.max(first, year));
}

/** The year shown when none is asked: today's (in Asia/Shanghai), clamped into the plan. */
export function defaultYear(today: string): number {
  return clampYear(Number(today.slice(0, 4)));
}

export interface CockpitView {
  year: number;
  asOf: string;
  /** Whether the URL already says exactly this (otherwise the page writes it there). */
  canonical: boolean;
}

/**
 * The view a URL asks for: `?year=Y&asOf=YYYY-MM-DD`. A missing or unreadable year is today's,
 * one outside 2025..2027 is clamped into it; a missing or impossible date is today.
 */
export function parseCockpitQuery(search: URLSearchParams | string, today: string): CockpitView {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const yearText = params.get('year');
  const asOfText = params.get('asOf');
  const year =
    yearText !== null && /^\d{4}$/.test(yearText)
      ? clampYear(Number(yearText))
      : defaultYear(today);
  const asOf = asOfText !== null && isIsoDate(asOfText) ? asOfText : today;
  return { year, asOf, canonical: yearText === String(year) && asOfText === asOf };
}

/** The query string of a view, in the order the route documents: `year=2026&asOf=2026-12-02`. */
export function cockpitSearch(year: number, asOf: string): string {
  return new URLSearchParams({ year: String(year), asOf }).toString();
}

/**
 * The day a year's figures are taken on (E in domain.md): the earlier of asOf and 31 December.
 * Null when asOf is before the year began (its window is empty).
 */
export function countingEnd(year: number, asOf: string): string | null {
  if (asOf < `${year}-01-01`) return null;
  const last = `${year}-12-31`;
  return asOf < last ? asOf : last;
}

/** The days a milestone's history covers for the view: 1 January to E, or none. */
export function historyRange(year: number, asOf: string): { from: string; to: string } | null {
  const to = countingEnd(year, asOf);
  return to ? { from: `${year}-01-01`, to } : null;
}

// ---------------------------------------------------------------------------------------------
// Status: words and colour.

/**
 * Each status's colour, dark enough for white text on it and for a bar on white (contrast at
 * least 4.5:1 against #fff): green reached, blue on track, amber at risk, red behind, dark red
 * missed, grey not begun.
 */
export const STATUS_COLOURS: Readonly<Record<MilestoneStatus, string>> = {
  ACHIEVED: '#15803d',
  ON_TRACK: '#1d4ed8',
  AT_RISK: '#b45309',
  BEHIND: '#b91c1c',
  MISSED: '#7f1d1d',
  NOT_STARTED: '#4b5563',
};

/** The colour of a status (grey for one the console does not know yet). */
export function statusColour(status: string): string {
  return STATUS_COLOURS[status as MilestoneStatus] ?? STATUS_COLOURS.NOT_STARTED;
}

/** The key of a status's words in the cockpit namespace. */
export function statusLabelKey(status: string): string {
  return `status.${status}`;
}

// ---------------------------------------------------------------------------------------------
// Figures.

/** Whether a metric counts money (yuan) rather than firms or projects. */
export function isMoneyMetric(metric: string): boolean {
  return metric === 'ANNUAL_OUTPUT_VALUE';
}

/** The key of a metric's unit in the cockpit namespace. */
export function unitKey(metric: string, short = false): string {
  if (isMoneyMetric(metric)) return short ? 'units.wan' : 'units.yuan';
  return metric === 'INDUSTRIALIZATION_PROJECTS' ? 'units.projects' : 'units.firms';
}

/**
 * The number that picks a unit's plural form (1 firm, 2 firms) for a count; null for money,
 * whose unit has no plural. Only a count becomes a JavaScript number here.
 */
export function countOf(metric: string, value: string | number): number | null {
  if (isMoneyMetric(metric)) return null;
  return new Decimal(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * A metric's value as shown: a count as an integer, money in 元 with two decimals, or in 万元
 * where a card is short of room (`short`). The unit is shown beside it (unitKey).
 */
export function formatMetricValue(metric: string, value: string, short = false): string {
  if (isMoneyMetric(metric)) return short ? formatWan(value) : formatYuan(value);
  return formatCount(value);
}

/** An axis tick (a float ECharts chose) as text: money in 万元 without decimals, counts as is. */
export function formatAxisTick(metric: string, tick: number): string {
  const text = new Decimal(tick).toFixed();
  return isMoneyMetric(metric) ? formatWan(text, 0) : formatCount(text);
}

// ---------------------------------------------------------------------------------------------
// Milestones: cards by zone, the three-year plan.

export interface TargetLike {
  id: string;
  metric: string;
  target: string;
  year: number;
  zone: { id: string; code: string } | null;
}

export interface ProgressLike {
  actual: string;
  forecast: string;
  status: string;
  target: TargetLike;
}

/** The scope a target is shown under: its zone's code, or PARK for a park-wide one. */
export function scopeOf(target: { zone: { code: string } | null }): string {
  return target.zone ? target.zone.code : PARK;
}

function metricRank(metric: string): number {
  const i = METRIC_ORDER.indexOf(metric as MilestoneMetric);
  return i < 0 ? METRIC_ORDER.length : i;
}

function scopeRank(scope: string, scopes: readonly string[]): number {
  const i = scopes.indexOf(scope);
  return i < 0 ? scopes.length : i;
}

/**
 * The cards of each scope in `scopes` (zone codes, then PARK), each scope's milestones in the
 * plan's order. Targets of other zones are left out; a scope with no target has an empty list.
 */
export function cardsByScope<P extends ProgressLike>(
  progress: readonly P[],
  scopes: readonly string[],
): { scope: string; cards: P[] }[] {
  return scopes.map((scope) => ({
    scope,
    cards: progress
      .filter((p) => scopeOf(p.target) === scope)
      .sort((a, b) => metricRank(a.target.metric) - metricRank(b.target.metric)),
  }));
}

export interface PlanRow<P extends ProgressLike> {
  key: string;
  scope: string;
  metric: string;
  /** Each year's progress of this target, null where the plan sets none that year. */
  cells: Record<number, P | null>;
}

/**
 * The three-year plan as one table: one row per (scope, metric) set in any of the years, in the
 * order of `scopes` and then of the plan's metrics, with each year's progress (or null).
 */
export function planRows<P extends ProgressLike>(
  byYear: Readonly<Record<number, readonly P[]>>,
  scopes: readonly string[],
  years: readonly number[] = COCKPIT_YEARS,
): PlanRow<P>[] {
  const rows = new Map<string, PlanRow<P>>();
  for (const year of years) {
    for (const p of byYear[year] ?? []) {
      const scope = scopeOf(p.target);
      if (!scopes.includes(scope)) continue;
      const key = `${scope}:${p.target.metric}`;
      let row = rows.get(key);
      if (!row) {
        row = { key, scope, metric: p.target.metric, cells: {} };
        for (const y of years) row.cells[y] = null;
        rows.set(key, row);
      }
      row.cells[year] = p;
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      scopeRank(a.scope, scopes) - scopeRank(b.scope, scopes) ||
      metricRank(a.metric) - metricRank(b.metric),
  );
}

export interface ZoneLike {
  id: string;
  code: string;
  kind: string;
  park: { id: string };
}

/**
 * The cockpit's two zones (domain.md, "The two zones"): the startup zone and the expansion
 * zone of one park (the park of the first startup zone, should the database hold several).
 */
export function pickZones<Z extends ZoneLike>(
  zones: readonly Z[],
): { startup: Z | null; expansion: Z | null } {
  const startup = zones.find((z) => z.kind === 'STARTUP') ?? null;
  const parkId = startup?.park.id ?? zones[0]?.park.id;
  const expansion = zones.find((z) => z.kind === 'EXPANSION' && z.park.id === parkId) ?? null;
  return { startup, expansion };
}

// ---------------------------------------------------------------------------------------------
// Output chart: monthly bars, cumulative line, pace line.

export interface MonthlyValue {
  period: string;
  value: string;
}

/** The twelve months of a year, YYYY-MM. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Running sums of Decimal strings, exact: ['1.10', '2'] → ['1.1', '3.1']. */
export function cumulativeSums(values: readonly string[]): string[] {
  let acc = new Decimal(0);
  return values.map((v) => {
    acc = acc.plus(v);
    return acc.toString();
  });
}

/**
 * The straight pace line to a year's target: after month m of `months`, target × m / months,
 * to the fen (half up), so the last point is the target itself.
 */
export function paceLine(target: string, months = 12): string[] {
  const t = new Decimal(target);
  return Array.from({ length: months }, (_, i) =>
    t
      .times(i + 1)
      .div(months)
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
      .toFixed(2),
  );
}

export interface OutputSeries {
  months: string[];
  /** Each zone's output month by month; null for a month the dashboard has not reached. */
  zones: { code: string; values: (string | null)[] }[];
  /** The zones together, month by month (null beyond asOf's month). */
  total: (string | null)[];
  /** The running sum of total (null beyond asOf's month). */
  cumulative: (string | null)[];
  /** The pace line to the target over all twelve months, or null without a target. */
  pace: string[] | null;
  /** The sum of every month shown. */
  sum: string;
}

/**
 * The output chart's series for a year: the zones' monthly values (as their dashboards give
 * them, up to asOf's month) on the twelve months of the year, their total and its cumulative
 * sum, against the pace line to the park's target.
 */
export function outputSeries(
  year: number,
  zones: readonly { code: string; months: readonly MonthlyValue[] }[],
  target: string | null,
): OutputSeries {
  const months = monthsOfYear(year);
  const zoneSeries = zones.map((z) => {
    const byPeriod = new Map(z.months.map((m) => [m.period, m.value]));
    return { code: z.code, values: months.map((p) => byPeriod.get(p) ?? null) };
  });
  const total = months.map((_, i) => {
    const present = zoneSeries.map((z) => z.values[i]).filter((v): v is string => v !== null);
    if (!present.length) return null;
    return present.reduce((acc, v) => acc.plus(v), new Decimal(0)).toString();
  });
  const reached = total.filter((v): v is string => v !== null);
  const sums = cumulativeSums(reached);
  let k = 0;
  const cumulative = total.map((v) => (v === null ? null : sums[k++]));
  return {
    months,
    zones: zoneSeries,
    total,
    cumulative,
    pace: target === null ? null : paceLine(target, months.length),
    sum: sums.length ? sums[sums.length - 1] : '0',
  };
}

// ---------------------------------------------------------------------------------------------
// Contributors: what each firm counted adds to a milestone.

export interface ContributorFacts {
  id: string;
  name: string;
  enteredOn: string;
  certifications?: readonly {
    kind: string;
    certificateNo: string;
    issuedOn: string;
    expiresOn?: string | null;
  }[];
  outputReports?: readonly { period: string; outputValue: string; status: string }[];
}

export interface ProjectFacts {
  id: string;
  name: string;
  cultivatedOn?: string | null;
  tenant: { id: string };
  zone: { id: string };
}

export type ContributionBasis =
  | { kind: 'entered'; date: string }
  | { kind: 'certificate'; certificateNo: string; issuedOn: string }
  | { kind: 'projects'; names: string[] }
  | { kind: 'output'; months: number };

export interface Contribution {
  tenantId: string;
  name: string;
  /** What the firm adds to `actual`: 1 firm, its projects, or its output (Decimal string). */
  value: string;
  basis: ContributionBasis;
}

const COUNTED_REPORTS = new Set(['SUBMITTED', 'ACCEPTED']);
const CERTIFICATE_OF: Readonly<Record<string, string>> = {
  NEW_HIGH_TECH_FIRMS: 'HIGH_TECH',
  NEW_SRDI_FIRMS: 'SRDI',
};

/**
 * What each contributor of a milestone adds to its actual, by the counting rules: a new
 * technology firm counts 1 (its entry day in the window); a high-tech or SRDI firm 1 (its
 * certificate valid on E); a firm with industrialisation projects the number of its projects of
 * the zone cultivated in the window; a firm's output the sum of its latest reports, SUBMITTED or
 * ACCEPTED, for the months of the year up to asOf's month. Largest first, then by name.
 */
export function contributionsOf(
  metric: string,
  contributors: readonly ContributorFacts[],
  options: {
    year: number;
    asOf: string;
    zoneId: string | null;
    projects?: readonly ProjectFacts[];
  },
): Contribution[] {
  const { year, asOf, zoneId } = options;
  const end = countingEnd(year, asOf);
  const from = `${year}-01-01`;
  const inWindow = (day: string | null | undefined) =>
    !!day && end !== null && day >= from && day <= end;
  const out = contributors.map((c): Contribution => {
    if (metric === 'ANNUAL_OUTPUT_VALUE') {
      const lastMonth = end === null ? null : monthOf(end);
      const counted = (c.outputReports ?? []).filter(
        (r) =>
          lastMonth !== null &&
          r.period >= `${year}-01` &&
          r.period <= lastMonth &&
          COUNTED_REPORTS.has(r.status),
      );
      const value = counted.reduce((acc, r) => acc.plus(r.outputValue), new Decimal(0));
      return {
        tenantId: c.id,
        name: c.name,
        value: value.toFixed(2),
        basis: { kind: 'output', months: counted.length },
      };
    }
    if (metric === 'INDUSTRIALIZATION_PROJECTS') {
      const names = (options.projects ?? [])
        .filter(
          (p) =>
            p.tenant.id === c.id &&
            (zoneId === null || p.zone.id === zoneId) &&
            inWindow(p.cultivatedOn),
        )
        .map((p) => p.name)
        .sort((a, b) => a.localeCompare(b, 'zh-CN'));
      return {
        tenantId: c.id,
        name: c.name,
        value: String(names.length),
        basis: { kind: 'projects', names },
      };
    }
    const kind = CERTIFICATE_OF[metric];
    if (kind) {
      const cert = (c.certifications ?? [])
        .filter(
          (x) =>
            x.kind === kind &&
            end !== null &&
            x.issuedOn <= end &&
            (!x.expiresOn || x.expiresOn >= end),
        )
        .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0))[0];
      if (cert) {
        return {
          tenantId: c.id,
          name: c.name,
          value: '1',
          basis: {
            kind: 'certificate',
            certificateNo: cert.certificateNo,
            issuedOn: cert.issuedOn,
          },
        };
      }
    }
    return {
      tenantId: c.id,
      name: c.name,
      value: '1',
      basis: { kind: 'entered', date: c.enteredOn },
    };
  });
  return out.sort(
    (a, b) => new Decimal(b.value).cmp(a.value) || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** The sum of the contributions, exact (what `actual` should be). */
export function contributionTotal(contributions: readonly Contribution[]): string {
  return contributions.reduce((acc, c) => acc.plus(c.value), new Decimal(0)).toString();
}
