import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ParkService } from '@jcv/park';
import { todayInShanghai } from '@jcv/shared';
import { firstDayOf } from '../periods.js';
import { lastMonthDueBefore, REPORTING_SINCE } from './deadlines.js';

/**
 * Overdue reports, counted in SQL over whole zones for the dashboards. The months in scope are
 * those of `monthsDue` in deadlines.ts (each tenant's months of residence from REPORTING_SINCE
 * up to the last month due before asOf); a month is overdue when its latest revision is not
 * SUBMITTED or ACCEPTED.
 */
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

  /** Reports of the zone's tenants due before `asOf` and not received. */
  async overdueCount(zoneId: string, asOf: string, em?: EntityManager): Promise<number> {
    const [{ n }] = await (em ?? this.dataSource.manager).query(
      `SELECT count(*)::int AS n
       FROM tenants t
       CROSS JOIN LATERAL generate_series(
         greatest(date_trunc('month', t.entered_on), $2::date),
         least(date_trunc('month', coalesce(t.exited_on, $3::date)), $3::date),
         interval '1 month') AS m(month)
       WHERE t.zone_id = $1
         AND NOT EXISTS (
           SELECT 1 FROM output_reports r
           WHERE r.tenant_id = t.id AND r.latest
             AND r.period = to_char(m.month, 'YYYY-MM')::char(7)
             AND r.status IN ('SUBMITTED', 'ACCEPTED'))`,
      [zoneId, firstDayOf(REPORTING_SINCE), firstDayOf(lastMonthDueBefore(asOf))],
    );
    return n;
  }
}
