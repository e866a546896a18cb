import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '@jcv/shared';
import { Tenant } from '@jcv/tenants';
import { AnnualReport } from './annual-report.entity.js';
import { AnnualReportsService } from './annual-reports.service.js';

/** `Tenant.annualReports`: the statistics sit above tenants, so they add the field. */
@Resolver(() => Tenant)
export class TenantAnnualReportsResolver {
  constructor(private readonly reports: AnnualReportsService) {}

  @ResolveField(() => [AnnualReport], {
    description: 'The latest revision of each year, newest year first.',
  })
  annualReports(@Parent() tenant: Tenant, @Loaders() loaders: RequestLoaders) {
    // Who reads a firm's annual reports is the access policy's to say (statistics'
    // access-policy.ts).
    return loaders
      .get('annualReportsByTenantId', () => this.reports.latestByTenantLoader())
      .load(tenant.id);
  }
}
