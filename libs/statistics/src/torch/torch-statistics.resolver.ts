import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReportFileExport } from '@jcv/reporting';
import { COMMITTEE_ROLES, Loaders, type RequestLoaders, Roles } from '@jcv/shared';
import { Tenant, TenantsService } from '@jcv/tenants';
import './torch-access-policy.js';
import { TorchExportService } from './torch-export.service.js';
import { TorchStatisticsArgs } from './torch-statistics.args.js';
import { TorchStatisticsService } from './torch-statistics.service.js';
import { StatisticsCheck, TorchStatistics } from './torch-statistics.type.js';

/** Every firm the statistics name: the missing reports' and the failing checks'. */
const namedFirms = (s: TorchStatistics) => [
  ...new Set([
    ...s.firms.filter((f) => !f.report).map((f) => f.tenantId),
    ...s.checks.flatMap((c) => c.tenantIds),
  ]),
];

// The committee's and the analysts', like the dashboards: the checks name the firms behind them.
@Resolver(() => TorchStatistics)
export class TorchStatisticsResolver {
  constructor(
    private readonly statistics: TorchStatisticsService,
    private readonly exporter: TorchExportService,
    private readonly tenants: TenantsService,
  ) {}

  @Roles(...COMMITTEE_ROLES)
  @Query(() => TorchStatistics, {
    description:
      'Committee roles and ANALYST. parkId left out: the only park (BAD_USER_INPUT\nnaming parkId when the platform holds several).',
  })
  torchStatistics(@Args() args: TorchStatisticsArgs): Promise<TorchStatistics> {
    return this.statistics.compute(args.year, args.parkId);
  }

  @Roles(...COMMITTEE_ROLES)
  @Query(() => ReportFileExport, {
    description:
      "The statistics as a workbook: the incubator's sheet and one row per incubated firm, in 千元.",
  })
  exportTorchStatistics(@Args() args: TorchStatisticsArgs): Promise<ReportFileExport> {
    return this.exporter.exportBase64(args.year, args.parkId);
  }

  // Both edges to firms ask the request's tenant loader for every firm the statistics name, so
  // that whichever runs first loads them all in one statement and the other finds them cached.
  @ResolveField(() => [Tenant])
  async missingAnnualReports(
    @Parent() s: TorchStatistics,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Tenant[]> {
    const byId = await this.firmsOf(s, loaders);
    return s.firms.filter((f) => !f.report).map((f) => byId.get(f.tenantId)!);
  }

  @ResolveField(() => [StatisticsCheck])
  async checks(
    @Parent() s: TorchStatistics,
    @Loaders() loaders: RequestLoaders,
  ): Promise<StatisticsCheck[]> {
    const byId = await this.firmsOf(s, loaders);
    return s.checks.map((c) => ({ ...c, tenants: c.tenantIds.map((id) => byId.get(id)!) }));
  }

  private async firmsOf(s: TorchStatistics, loaders: RequestLoaders) {
    const ids = namedFirms(s);
    const rows = await this.tenants.tenantById(loaders).loadMany(ids);
    const byId = new Map<string, Tenant>();
    rows.forEach((t, i) => {
      if (t instanceof Error) throw t;
      if (t) byId.set(ids[i], t);
    });
    return byId;
  }
}
