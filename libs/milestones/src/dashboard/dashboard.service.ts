import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BenefitsService } from '@jcv/benefits';
import { billingFigures } from '@jcv/billing';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { ParkService } from '@jcv/park';
import { OverdueService } from '@jcv/reporting';
import { ServiceRequestsService } from '@jcv/service-desk';
import { ForeignReads, NotFoundError, todayInShanghai } from '@jcv/shared';
import { OccupancyService } from '@jcv/space';
import { dueToGraduateOnSql, overstayingOnSql } from '@jcv/tenants';
import { countingWindow } from '../progress/milestone-rules.js';
import { dashboardDay } from './dashboard-day.js';
import { ProgressService } from '../progress/progress.service.js';
import { ZoneDashboard } from './zone-dashboard.type.js';

/** What tenantCounts reads of other libs' tables: lib tenants' tenants. */
export const TENANT_COUNTS_READS = new ForeignReads(import.meta.url, 'tenantCounts', {
  tenants: ['zone_id', 'entered_on', 'exited_on'],
});

@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly park: ParkService,
    private readonly progress: ProgressService,
    private readonly overdue: OverdueService,
    private readonly benefits: BenefitsService,
    private readonly occupancy: OccupancyService,
    private readonly serviceRequests: ServiceRequestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every figure of a zone's dashboard, each from one statement, run side by side: the tenant
   * counts, the zone's milestones (one statement per family) with its output month by month
   * from the same output statement, and the other capabilities' own counts.
   * Asked on D, the point-in-time figures are taken on E (dashboardDay): a past year shows the
   * park as that year ended. The milestones stay evaluated on D, as milestoneProgress is, so
   * that a past year's unmet target reads MISSED rather than a forecast.
   */
  async zoneDashboard(zoneId: string, year: number, asOf?: string): Promise<ZoneDashboard> {
    const zone = await this.park.zone(zoneId);
    if (!zone) throw new NotFoundError('Zone', zoneId);
    const day = asOf ?? todayInShanghai();
    const w = countingWindow(year, day);
    const e = dashboardDay(year, day);
    const [
      evaluated,
      tenants,
      occupancy,
      overdueReports,
      openServiceRequests,
      benefitsGranted,
      bills,
    ] = await Promise.all([
      this.progress
        .targetsOf(year, zoneId)
        .then((targets) =>
          this.progress.evaluateYear(year, targets, day, { outputMonthsOf: [zoneId] }),
        ),
      this.tenantCounts(zoneId, e, w),
      this.occupancy.occupancy(zoneId, e),
      this.overdue.overdueCount(zoneId, e),
      this.serviceRequests.openInZone(zoneId, e),
      w ? this.benefits.grantedInZone(zoneId, w.from, w.to) : Promise.resolve('0'),
      billingFigures(this.dataSource.manager, zoneId, year, e),
    ]);
    const output = evaluated.tally.outputOf(zoneId);
    return Object.assign(new ZoneDashboard(), {
      zone,
      year,
      asOf: e,
      ...tenants,
      occupancy,
      outputValueYtd: output.total,
      outputByMonth: output.months,
      milestones: evaluated.progress,
      overdueReports,
      openServiceRequests,
      benefitsGranted,
      ...bills,
    });
  }

  /**
   * Resident on E (entered, not gone before it), new in W whatever their kind, and of the
   * residents those within 6 months of the end of their incubation period on E and those past
   * it (the rules of @jcv/tenants' incubation). Reads lib tenants' tenants (TENANT_COUNTS_READS).
   */
  private async tenantCounts(
    zoneId: string,
    asOf: string,
    w: { from: string; to: string } | null,
  ): Promise<{
    residentTenants: number;
    newTenants: number;
    dueToGraduate: number;
    overstaying: number;
  }> {
    const [row] = await this.dataSource.query(
      `SELECT
         count(*) FILTER (WHERE t.entered_on <= $2::date
                            AND (t.exited_on IS NULL OR t.exited_on >= $2::date))::int AS resident,
         count(*) FILTER (WHERE t.entered_on BETWEEN $3::date AND $4::date)::int AS new,
         count(*) FILTER (WHERE ${dueToGraduateOnSql('t', '$2', '$5')})::int AS due,
         count(*) FILTER (WHERE ${overstayingOnSql('t', '$2', '$5')})::int AS overstaying
       FROM tenants t
       WHERE t.zone_id = $1::uuid`,
      [zoneId, asOf, w?.from ?? null, w?.to ?? null, this.config.incubationMonths],
    );
    return {
      residentTenants: row.resident,
      newTenants: row.new,
      dueToGraduate: row.due,
      overstaying: row.overstaying,
    };
  }
}
