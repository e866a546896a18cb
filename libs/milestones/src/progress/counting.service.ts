import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Queryable } from '@jcv/shared';
import { MilestoneMetric } from '../targets/milestone-metric.enum.js';
import {
  contributorSql,
  type FactScope,
  type Family,
  FAMILY_OF,
  firmTallySql,
  outputTallySql,
  projectTallySql,
} from './counting.queries.js';
import { countedMonths, countingWindow } from './milestone-rules.js';

/**
 * Runs independent statements: side by side on the data source, where each takes a pooled
 * connection of its own, and one after another on a transaction's manager, whose one connection
 * must not be sent a statement while it runs another (node-postgres deprecates it; pg 9 throws).
 */
export async function runStatements(
  q: Queryable,
  statements: (() => Promise<void>)[],
): Promise<void> {
  const pooled = q instanceof DataSource || (q instanceof EntityManager && !q.queryRunner);
  if (pooled) {
    await Promise.all(statements.map((s) => s()));
    return;
  }
  for (const s of statements) await s();
}

/** A zone's id, or null for the whole park. */
export type Scope = string | null;

export interface TallyRequest {
  firms?: Scope[];
  projects?: Scope[];
  output?: Scope[];
  /** Zones whose output is wanted month by month too (dashboards). */
  outputMonthsOf?: string[];
}

export interface OutputTally {
  total: string;
  /** The part of total from Y's complete months before asOf's month. */
  complete: string;
  /** Every counted month of Y, 0 where nothing counts. */
  months: { period: string; value: string }[];
}

const ALL = '';

type FirmCounts = Map<string, { tech: number; highTech: number; srdi: number }>;
type ProjectCounts = Map<string, number>;
type OutputSums = Map<string, { total: string; complete: string; months: Map<string, string> }>;
const keyOf = (scope: Scope) => scope ?? ALL;

/** The figures of one year on one date, per scope, from at most one statement per family. */
export class Tally {
  constructor(
    readonly year: number,
    readonly asOf: string,
    private readonly firms: FirmCounts,
    private readonly projects: ProjectCounts,
    private readonly output: OutputSums,
  ) {}

  actual(metric: MilestoneMetric, scope: Scope): string {
    const key = keyOf(scope);
    switch (metric) {
      case MilestoneMetric.NEW_TECH_FIRMS:
        return String(this.firms.get(key)?.tech ?? 0);
      case MilestoneMetric.NEW_HIGH_TECH_FIRMS:
        return String(this.firms.get(key)?.highTech ?? 0);
      case MilestoneMetric.NEW_SRDI_FIRMS:
        return String(this.firms.get(key)?.srdi ?? 0);
      case MilestoneMetric.INDUSTRIALIZATION_PROJECTS:
        return String(this.projects.get(key) ?? 0);
      case MilestoneMetric.ANNUAL_OUTPUT_VALUE:
        return this.outputOf(scope).total;
    }
  }

  outputOf(scope: Scope): OutputTally {
    const o = this.output.get(keyOf(scope));
    return {
      total: o?.total ?? '0',
      complete: o?.complete ?? '0',
      months: countedMonths(this.year, this.asOf).map((period) => ({
        period,
        value: o?.months.get(period) ?? '0',
      })),
    };
  }
}

interface ZoneRow {
  zone_id: string | null;
  all_zones: boolean;
}

/** The zones a family's statement covers: every zone when one of its scopes is the park. */
function zonesFor(scopes: Scope[]): string[] | null {
  return scopes.includes(null) ? null : [...new Set(scopes as string[])];
}

@Injectable()
export class CountingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts the facts of year Y effective on asOf for the scopes asked, in PostgreSQL: one
   * aggregate statement per family asked for, none when asOf is before the year.
   */
  async tally(
    year: number,
    asOf: string,
    req: TallyRequest,
    q: Queryable = this.dataSource,
  ): Promise<Tally> {
    const firms: FirmCounts = new Map();
    const projects: ProjectCounts = new Map();
    const output: OutputSums = new Map();
    const tally = new Tally(year, asOf, firms, projects, output);
    const w = countingWindow(year, asOf);
    if (!w) return tally;
    const scope = (scopes: Scope[]): FactScope => ({ ...w, zones: zonesFor(scopes) });
    const jobs: (() => Promise<void>)[] = [];

    if (req.firms?.length) {
      const { sql, params } = firmTallySql(scope(req.firms));
      jobs.push(() =>
        q
          .query(sql, params)
          .then((rows: (ZoneRow & { tech: number; high_tech: number; srdi: number })[]) => {
            for (const r of rows)
              firms.set(r.all_zones ? ALL : r.zone_id!, {
                tech: r.tech,
                highTech: r.high_tech,
                srdi: r.srdi,
              });
          }),
      );
    }
    if (req.projects?.length) {
      const { sql, params } = projectTallySql(scope(req.projects));
      jobs.push(() =>
        q.query(sql, params).then((rows: (ZoneRow & { projects: number })[]) => {
          for (const r of rows) projects.set(r.all_zones ? ALL : r.zone_id!, r.projects);
        }),
      );
    }
    const monthsOf = req.outputMonthsOf ?? [];
    if (req.output?.length || monthsOf.length) {
      const scopes = [...(req.output ?? []), ...monthsOf];
      const { sql, params } = outputTallySql(scope(scopes), asOf.slice(0, 7), monthsOf.length > 0);
      type Row = ZoneRow & {
        period: string | null;
        all_months: boolean;
        value: string;
        complete: string;
      };
      jobs.push(() =>
        q.query(sql, params).then((rows: Row[]) => {
          const entry = (key: string) => {
            let o = output.get(key);
            if (!o) output.set(key, (o = { total: '0', complete: '0', months: new Map() }));
            return o;
          };
          for (const r of rows) {
            const o = entry(r.all_zones ? ALL : r.zone_id!);
            if (r.all_months) Object.assign(o, { total: r.value, complete: r.complete });
            else o.months.set(r.period!, r.value);
          }
        }),
      );
    }
    await runStatements(q, jobs);
    return tally;
  }

  /**
   * The tenants behind each (metric, scope) of year Y on asOf, as tenant ids in name order: one
   * statement per family asked for.
   */
  async contributorIds(
    year: number,
    asOf: string,
    keys: readonly { metric: MilestoneMetric; scope: Scope }[],
    q: Queryable = this.dataSource,
  ): Promise<string[][]> {
    const w = countingWindow(year, asOf);
    if (!w) return keys.map(() => []);
    const families = [...new Set(keys.map((k) => FAMILY_OF[k.metric]))];
    type Row = { zone_id: string; tenant_id: string; high_tech: boolean; srdi: boolean };
    const rowsOf = new Map<Family, Row[]>();
    await runStatements(
      q,
      families.map((family) => async () => {
        const scopes = keys.filter((k) => FAMILY_OF[k.metric] === family).map((k) => k.scope);
        const { sql, params } = contributorSql(family, { ...w, zones: zonesFor(scopes) });
        rowsOf.set(family, await q.query(sql, params));
      }),
    );
    return keys.map(({ metric, scope }) => {
      const rows = rowsOf
        .get(FAMILY_OF[metric])!
        .filter(
          (r) =>
            (scope === null || r.zone_id === scope) &&
            (metric !== MilestoneMetric.NEW_HIGH_TECH_FIRMS || r.high_tech) &&
            (metric !== MilestoneMetric.NEW_SRDI_FIRMS || r.srdi),
        );
      return [...new Set(rows.map((r) => r.tenant_id))];
    });
  }
}
