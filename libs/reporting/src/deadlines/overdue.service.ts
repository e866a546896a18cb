import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ParkService } from '@jcv/park';
import { ForeignReads, todayInShanghai } from '@jcv/shared';
import { firstDayOf } from '../periods.js';
import { lastMonthDueBefore, REPORTING_SINCE } from './deadlines.js';

/**
 * Overdue reports, counted in SQL over whole zones for the dashboards. The months in scope are
 * those of `monthsDue` in deadlines.ts (each tenant's months of residence from REPORTING_SINCE
 * up to the last month due before asOf); a month is overdue when its latest revision is not
 * SUBMITTED or ACCEPTED.
 */
/** What overdueCount reads of other libs' tables: lib tenants' tenants. */
export const OVERDUE_COUNT_READS = new ForeignReads(import.meta.url, 'overdueCount', {
  tenants: ['id', 'zone_id', 'entered_on', 'exited_on'],
});

@Injectable()
export class OverdueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly park: ParkService,
  ) {}

  /** The `overdueReports` query: a known zone, asOf defaulting to today in Asia/Shanghai. */
  async forZone(zoneId: string, asOf?: string | null): Promise<number> {
    await this.park.requireZone(zoneId);
    return this.overdueCount(zoneId, asOf ?? todayInShanghai());
  }

  /**
   * Reports of the zone's tenants due before `asOf` and not received. Reads lib tenants'
   * tenants (OVERDUE_COUNT_READS).
   */
  async overdueCount(zoneId: string, asOf: string, em?: EntityManager): Promise<number> {
    // Per tenant: the months in scope, counted by arithmetic, less the months received, counted
    // on the (tenant, period) index. No month series: a planner estimate of a series per tenant
    // made it scan every report of the park.
    const [{ n }] = await (em ?? this.dataSource.manager).query(
      `SELECT coalesce(sum(
                (extract(year FROM s.to_m) * 12 + extract(month FROM s.to_m))
              - (extract(year FROM s.from_m) * 12 + extract(month FROM s.from_m)) + 1
              - (SELECT count(*) FROM output_reports r
                  WHERE r.tenant_id = s.id AND r.latest
                    AND r.period BETWEEN to_char(s.from_m, 'YYYY-MM')::char(7)
                                     AND to_char(s.to_m, 'YYYY-MM')::char(7)
                    AND r.status IN ('SUBMITTED', 'ACCEPTED'))), 0)::int AS n
       FROM (SELECT t.id,
                    greatest(date_trunc('month', t.entered_on), $2::date) AS from_m,
                    least(date_trunc('month', coalesce(t.exited_on, $3::date)), $3::date) AS to_m
               FROM tenants t WHERE t.zone_id = $1) s
       WHERE s.to_m >= s.from_m`,
      [zoneId, firstDayOf(REPORTING_SINCE), firstDayOf(lastMonthDueBefore(asOf))],
    );
    return n;
  }
}
