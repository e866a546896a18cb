import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { COMMITTEE_ROLES, Loaders, RequestLoaders, Roles } from '@jcv/shared';
import { Tenant, TenantsService } from '@jcv/tenants';
import { MilestoneProgressArgs } from './milestone-progress.args.js';
import { MilestoneProgress } from './milestone-progress.type.js';
import { ProgressService } from './progress.service.js';

// Progress names the firms behind each figure (contributors), so it is the committee's to read,
// as every firm's data is; a firm reads its own figures through its own reports.
@Resolver(() => MilestoneProgress)
export class ProgressResolver {
  constructor(
    private readonly progress: ProgressService,
    private readonly tenants: TenantsService,
  ) {}

  @Roles(...COMMITTEE_ROLES)
  @Query(() => [MilestoneProgress], {
    description: "Every target of the year, or only that zone's, as counted on asOf.",
  })
  milestoneProgress(@Args() args: MilestoneProgressArgs) {
    return this.progress.progress(args.year, args.zoneId, args.asOf);
  }

  @ResolveField(() => [Tenant], { description: 'The tenants whose facts make up actual.' })
  async contributors(@Parent() p: MilestoneProgress, @Loaders() loaders: RequestLoaders) {
    const ids = await loaders
      .get('contributorsByMilestone', () => this.progress.contributorsLoader())
      .load({ year: p.target.year, asOf: p.asOf, metric: p.target.metric, scope: p.target.zoneId });
    const tenants = await this.tenants.tenantById(loaders).loadMany(ids);
    return tenants.filter((t): t is Tenant => t !== null && !(t instanceof Error));
  }
}
