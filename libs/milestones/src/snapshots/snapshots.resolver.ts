import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { COMMITTEE_ROLES, ConnectionType, Loaders, RequestLoaders, Roles } from '@jcv/shared';
import { MilestoneTarget } from '../targets/milestone-target.entity.js';
import { TargetsService } from '../targets/targets.service.js';
import { MilestoneAlert } from './milestone-alert.entity.js';
import { MilestoneSnapshot } from './milestone-snapshot.entity.js';
import { MilestoneAlertsArgs, MilestoneHistoryArgs } from './snapshots.args.js';
import { SnapshotsService } from './snapshots.service.js';

const MilestoneAlertConnection = ConnectionType(MilestoneAlert, 'MilestoneAlert');

@Resolver(() => MilestoneSnapshot)
export class SnapshotsResolver {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly targets: TargetsService,
  ) {}

  @Roles(...COMMITTEE_ROLES)
  @Query(() => [MilestoneSnapshot], {
    description: "A target's daily snapshots from `from` to `to`, oldest first: its trend.",
  })
  milestoneHistory(@Args() args: MilestoneHistoryArgs) {
    return this.snapshots.history(args.targetId, args.from, args.to);
  }

  @ResolveField(() => MilestoneTarget)
  target(@Parent() s: MilestoneSnapshot, @Loaders() loaders: RequestLoaders) {
    return loaders.get('targetById', () => this.targets.targetLoader()).load(s.targetId);
  }
}

@Resolver(() => MilestoneAlert)
export class AlertsResolver {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly targets: TargetsService,
  ) {}

  @Roles(...COMMITTEE_ROLES)
  @Query(() => MilestoneAlertConnection, {
    description: 'Targets whose status worsened, newest first.',
  })
  milestoneAlerts(@Args() args: MilestoneAlertsArgs) {
    return this.snapshots.alerts({ year: args.year, zoneId: args.zoneId }, args.first, args.after);
  }

  @ResolveField(() => MilestoneTarget)
  target(@Parent() a: MilestoneAlert, @Loaders() loaders: RequestLoaders) {
    return loaders.get('targetById', () => this.targets.targetLoader()).load(a.targetId);
  }
}
