import { ForeignReads } from '@jcv/shared';
import { MilestoneMetric } from '../targets/milestone-metric.enum.js';

// The SQL of domain.md's counting rules. Each family of metrics has one "facts" query (the rows
// that make up actual: one per firm, project or report); the tallies aggregate it and the
// contributor lists read it, so a figure and its contributors can never disagree.

export type Family = 'firms' | 'projects' | 'output';

export const FAMILY_OF: Record<MilestoneMetric, Family> = {
  [MilestoneMetric.NEW_TECH_FIRMS]: 'firms',
  [MilestoneMetric.NEW_HIGH_TECH_FIRMS]: 'firms',
  [MilestoneMetric.NEW_SRDI_FIRMS]: 'firms',
  [MilestoneMetric.INDUSTRIALIZATION_PROJECTS]: 'projects',
  [MilestoneMetric.ANNUAL_OUTPUT_VALUE]: 'output',
};

/** Positional parameters of one statement. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** What a family's facts are limited to: the window W, and some zones (null: every zone). */
export interface FactScope {
  from: string;
  to: string;
  zones: string[] | null;
}

const zoneFilter = (column: string, zones: string[] | null, p: Params) =>
  zones ? `AND ${column} = ANY(${p.add(zones, 'uuid[]')})` : '';

/** A certificate of `kind` valid on the last day of W: issued by then, not expired before it. */
const heldOn = (kind: string, to: string) => `EXISTS (
      SELECT 1 FROM certifications c
      WHERE c.tenant_id = t.id AND c.kind = '${kind}'
        AND c.issued_on <= ${to} AND (c.expires_on IS NULL OR c.expires_on >= ${to}))`;

/** What firmFacts (with heldOn) reads of other libs' tables: lib tenants' tenants, certifications. */
export const FIRM_FACTS_READS = new ForeignReads(import.meta.url, 'firmFacts', {
  tenants: ['id', 'zone_id', 'is_tech_firm', 'entered_on'],
  certifications: ['tenant_id', 'kind', 'issued_on', 'expires_on'],
});

/**
 * NEW_TECH_FIRMS and its "其中" counts: technology tenants entering in W, with whether they hold
 * a HIGH_TECH / SRDI certificate on the last day of W. Exits do not matter: a firm that left
 * later still counts as added.
 */
export function firmFacts(s: FactScope, p: Params): string {
  const from = p.add(s.from, 'date');
  const to = p.add(s.to, 'date');
  return `
    SELECT t.zone_id, t.id AS tenant_id,
      ${heldOn('HIGH_TECH', to)} AS high_tech,
      ${heldOn('SRDI', to)} AS srdi
    FROM tenants t
    WHERE t.is_tech_firm AND t.entered_on BETWEEN ${from} AND ${to}
      ${zoneFilter('t.zone_id', s.zones, p)}`;
}

/** What projectFacts reads of other libs' tables: lib tenants' industrialization_projects. */
export const PROJECT_FACTS_READS = new ForeignReads(import.meta.url, 'projectFacts', {
  industrialization_projects: ['tenant_id', 'zone_id', 'cultivated_on'],
});

/** INDUSTRIALIZATION_PROJECTS: projects cultivated in W, in the zone they were recorded in. */
export function projectFacts(s: FactScope, p: Params): string {
  const from = p.add(s.from, 'date');
  const to = p.add(s.to, 'date');
  return `
    SELECT pr.zone_id, pr.tenant_id
    FROM industrialization_projects pr
    WHERE pr.cultivated_on BETWEEN ${from} AND ${to}
      ${zoneFilter('pr.zone_id', s.zones, p)}`;
}

/** What outputFacts reads of other libs' tables: lib reporting's output_reports, lib tenants' tenants. */
export const OUTPUT_FACTS_READS = new ForeignReads(import.meta.url, 'outputFacts', {
  output_reports: ['tenant_id', 'period', 'output_value', 'latest', 'status'],
  tenants: ['id', 'zone_id'],
});

/**
 * ANNUAL_OUTPUT_VALUE: the latest revision of each (tenant, month) for the months of Y up to
 * asOf's month, when SUBMITTED or ACCEPTED; a latest revision that was RETURNED counts nothing.
 */
export function outputFacts(s: FactScope, p: Params): string {
  const from = p.add(s.from.slice(0, 7), 'bpchar');
  const to = p.add(s.to.slice(0, 7), 'bpchar');
  return `
    SELECT t.zone_id, r.tenant_id, r.period, r.output_value
    FROM output_reports r
    JOIN tenants t ON t.id = r.tenant_id
    WHERE r.latest AND r.status IN ('SUBMITTED', 'ACCEPTED')
      AND r.period BETWEEN ${from} AND ${to}
      ${zoneFilter('t.zone_id', s.zones, p)}`;
}

/**
 * Per zone and for all the zones together, in one statement. Other libs' tables: those of
 * firmFacts (FIRM_FACTS_READS).
 */
export function firmTallySql(s: FactScope): { sql: string; params: unknown[] } {
  const p = new Params();
  const sql = `
    SELECT f.zone_id, GROUPING(f.zone_id) = 1 AS all_zones,
      count(*)::int AS tech,
      count(*) FILTER (WHERE f.high_tech)::int AS high_tech,
      count(*) FILTER (WHERE f.srdi)::int AS srdi
    FROM (${firmFacts(s, p)}) f
    GROUP BY GROUPING SETS ((f.zone_id), ())`;
  return { sql, params: p.values };
}

/** The same for projects. Other libs' tables: those of projectFacts (PROJECT_FACTS_READS). */
export function projectTallySql(s: FactScope): { sql: string; params: unknown[] } {
  const p = new Params();
  const sql = `
    SELECT f.zone_id, GROUPING(f.zone_id) = 1 AS all_zones, count(*)::int AS projects
    FROM (${projectFacts(s, p)}) f
    GROUP BY GROUPING SETS ((f.zone_id), ())`;
  return { sql, params: p.values };
}

/**
 * Output totals per zone and for all the zones, the part of them from months before
 * `firstOpenMonth` (the complete months, for the forecast), and with `byMonth` each zone's
 * months as well. Other libs' tables: those of outputFacts (OUTPUT_FACTS_READS).
 */
export function outputTallySql(
  s: FactScope,
  firstOpenMonth: string,
  byMonth: boolean,
): { sql: string; params: unknown[] } {
  const p = new Params();
  const facts = outputFacts(s, p);
  const open = p.add(firstOpenMonth, 'bpchar');
  const sql = `
    SELECT f.zone_id, GROUPING(f.zone_id) = 1 AS all_zones,
      ${byMonth ? 'f.period, GROUPING(f.period) = 1' : 'NULL AS period, true'} AS all_months,
      coalesce(sum(f.output_value), 0)::text AS value,
      coalesce(sum(f.output_value) FILTER (WHERE f.period < ${open}), 0)::text AS complete
    FROM (${facts}) f
    GROUP BY GROUPING SETS ((f.zone_id), ()${byMonth ? ', (f.zone_id, f.period)' : ''})`;
  return { sql, params: p.values };
}

const FACTS: Record<Family, (s: FactScope, p: Params) => string> = {
  firms: firmFacts,
  projects: projectFacts,
  output: outputFacts,
};

/** What contributorSql reads besides its family's facts: lib tenants' tenants, for the names. */
export const CONTRIBUTORS_READS = new ForeignReads(import.meta.url, 'contributorSql', {
  tenants: ['id', 'name'],
});

/**
 * The tenants behind a family's facts, each once per zone, in name order. Firms come with the
 * certificates they count for. Other libs' tables: the family's facts', and tenants
 * (CONTRIBUTORS_READS).
 */
export function contributorSql(family: Family, s: FactScope): { sql: string; params: unknown[] } {
  const p = new Params();
  const flags =
    family === 'firms'
      ? 'bool_or(f.high_tech) AS high_tech, bool_or(f.srdi) AS srdi'
      : 'false AS high_tech, false AS srdi';
  // Grouped before the names are joined: one row a tenant, however many reports it has.
  const sql = `
    SELECT c.zone_id, c.tenant_id, c.high_tech, c.srdi
    FROM (
      SELECT f.zone_id, f.tenant_id, ${flags}
      FROM (${FACTS[family](s, p)}) f
      GROUP BY f.zone_id, f.tenant_id
    ) c
    JOIN tenants n ON n.id = c.tenant_id
    ORDER BY n.name, c.tenant_id`;
  return { sql, params: p.values };
}
