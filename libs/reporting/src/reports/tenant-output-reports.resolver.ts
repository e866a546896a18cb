import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Tenant } from '@jcv/tenants';
import { Loaders, RequestLoaders, YearPipe } from '@jcv/shared';
import { OutputReport } from './output-report.entity.js';
import { OutputReportsService } from './output-reports.service.js';

/** `Tenant.outputReports`: the reporting side of the tenant type. */
@Resolver(() => Tenant)
export class TenantOutputReportsResolver {
  constructor(private readonly reports: OutputReportsService) {}

  @ResolveField(() => [OutputReport], {
    description: 'The latest revision of each month, oldest month first.',
  })
  outputReports(
    @Parent() tenant: Tenant,
    @Loaders() loaders: RequestLoaders,
    @Args('year', { type: () => Int, nullable: true }, YearPipe) year?: number | null,
  ) {
    // Who reads a firm's reports, through whichever edge the firm was reached, is the access
    // policy's to say (reporting's access-policy.ts), as for every field.
    return loaders
      .get(`outputReportsByTenantId:${year ?? 'all'}`, () =>
        this.reports.latestByTenantLoader(year),
      )
      .load(tenant.id);
  }
}
