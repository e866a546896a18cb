import { Args, Query, Resolver } from '@nestjs/graphql';
import { COMMITTEE_ROLES, Roles } from '@jcv/shared';
import { DashboardService } from './dashboard.service.js';
import { ZoneDashboardArgs } from './zone-dashboard.args.js';
import { ZoneDashboard } from './zone-dashboard.type.js';

@Resolver(() => ZoneDashboard)
export class DashboardResolver {
  constructor(private readonly dashboards: DashboardService) {}

  // The committee's, like milestoneProgress: its milestones name the firms behind each figure.
  @Roles(...COMMITTEE_ROLES)
  @Query(() => ZoneDashboard, { description: "A zone's figures for the year on asOf." })
  zoneDashboard(@Args() args: ZoneDashboardArgs) {
    return this.dashboards.zoneDashboard(args.zoneId, args.year, args.asOf);
  }
}
