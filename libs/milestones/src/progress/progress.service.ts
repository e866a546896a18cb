import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { ParkService } from '@jcv/park';
import { type Queryable, todayInShanghai } from '@jcv/shared';
import { MilestoneMetric } from '../targets/milestone-metric.enum.js';
import { MilestoneTarget } from '../targets/milestone-target.entity.js';
import { FAMILY_OF } from './counting.queries.js';
import {
  CountingService,
  runStatements,
  type Scope,
  type Tally,
  type TallyRequest,
} from './counting.service.js';
import { evaluateCount, evaluateOutput } from './milestone-rules.js';
import { MilestoneProgress } from './milestone-progress.type.js';

const METRIC_ORDER = Object.values(MilestoneMetric);

/** The plan's order: the zones' counts first, the park's output last. */
function byMetricThenZone(a: MilestoneTarget, b: MilestoneTarget): number {
  return (
    METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric) ||
    (a.zoneId ?? '\uffff').localeCompare(b.zoneId ?? '\uffff')
  );
}

/** What the contributors of one progress row are looked up by. */
interface ContributorKey {
  year: number;
  asOf: string;
  metric: MilestoneMetric;
  scope: Scope;
}

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counting: CountingService,
    private readonly park: ParkService,
  ) {}

  /** Every target of the year (only that zone's when zoneId is given) on asOf. */
  async progress(year: number, zoneId?: string, asOf?: string): Promise<MilestoneProgress[]> {
    if (zoneId) await this.park.requireZone(zoneId);
    const targets = await this.targetsOf(year, zoneId);
    const { progress } = await this.evaluateYear(year, targets, asOf ?? todayInShanghai());
    return progress;
  }

  /** A zone's targets do not include the park's (they have no zone). */
  targetsOf(year: number, zoneId?: string): Promise<MilestoneTarget[]> {
    return this.dataSource
      .getRepository(MilestoneTarget)
      .find({ where: zoneId ? { year, zoneId } : { year } });
  }

  /**
   * The progress of targets of one year, counted with one statement per family of metrics;
   * `also` adds figures the caller needs from the same statements (a dashboard's months).
   */
  async evaluateYear(
    year: number,
    targets: MilestoneTarget[],
    asOf: string,
    also: TallyRequest = {},
    q: Queryable = this.dataSource,
  ): Promise<{ progress: MilestoneProgress[]; tally: Tally }> {
    const scopes = (family: string) =>
      targets.filter((t) => FAMILY_OF[t.metric] === family).map((t) => t.zoneId);
    const tally = await this.counting.tally(
      year,
      asOf,
      {
        firms: scopes('firms'),
        projects: scopes('projects'),
        output: [...scopes('output'), ...(also.output ?? [])],
        outputMonthsOf: also.outputMonthsOf,
      },
      q,
    );
    const progress = [...targets].sort(byMetricThenZone).map((target) => {
      const actual = tally.actual(target.metric, target.zoneId);
      const e =
        target.metric === MilestoneMetric.ANNUAL_OUTPUT_VALUE
          ? evaluateOutput(
              year,
              asOf,
              target.target,
              actual,
              tally.outputOf(target.zoneId).complete,
            )
          : evaluateCount(year, asOf, target.target, actual);
      return Object.assign(new MilestoneProgress(), { target, asOf, ...e });
    });
    return { progress, tally };
  }

  /** Targets of any years on one day (the daily snapshot), one tally per year. */
  async evaluate(
    targets: MilestoneTarget[],
    asOf: string,
    q: Queryable = this.dataSource,
  ): Promise<MilestoneProgress[]> {
    const years = [...new Set(targets.map((t) => t.year))].sort();
    const results: MilestoneProgress[][] = new Array(years.length);
    await runStatements(
      q,
      years.map((y, i) => async () => {
        const targetsOfYear = targets.filter((t) => t.year === y);
        results[i] = (await this.evaluateYear(y, targetsOfYear, asOf, {}, q)).progress;
      }),
    );
    return results.flat();
  }

  /** Contributors of many progress rows of a request: one statement per family and date. */
  contributorsLoader(): DataLoader<ContributorKey, string[], string> {
    return new DataLoader(
      async (keys) => {
        const groups = new Map<string, number[]>();
        keys.forEach((k, i) => {
          const g = `${k.year}|${k.asOf}`;
          groups.set(g, [...(groups.get(g) ?? []), i]);
        });
        const out: string[][] = new Array(keys.length);
        await Promise.all(
          [...groups.values()].map(async (idx) => {
            const { year, asOf } = keys[idx[0]];
            const ids = await this.counting.contributorIds(
              year,
              asOf,
              idx.map((i) => keys[i]),
            );
            idx.forEach((i, j) => (out[i] = ids[j]));
          }),
        );
        return out;
      },
      { cacheKeyFn: (k) => `${k.year}|${k.asOf}|${k.metric}|${k.scope ?? ''}` },
    );
  }
}
