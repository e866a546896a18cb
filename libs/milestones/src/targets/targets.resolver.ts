import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParkService, Zone } from '@jcv/park';
import {
  type Actor,
  ALL_ROLES,
  CurrentUser,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
  YearPipe,
} from '@jcv/shared';
import { MilestoneTarget } from './milestone-target.entity.js';
import { MilestoneTargetInput } from './milestone-target.input.js';
import { TargetsService } from './targets.service.js';

@Resolver(() => MilestoneTarget)
export class TargetsResolver {
  constructor(
    private readonly targets: TargetsService,
    private readonly park: ParkService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [MilestoneTarget])
  milestoneTargets(@Args('year', { type: () => Int, nullable: true }, YearPipe) year?: number) {
    return this.targets.list(year ?? undefined);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => MilestoneTarget)
  setMilestoneTarget(@CurrentUser() actor: Actor, @Args('input') input: MilestoneTargetInput) {
    return this.targets.set(actor, input);
  }

  @ResolveField(() => Zone, { nullable: true, description: 'Null: the whole park.' })
  zone(@Parent() target: MilestoneTarget, @Loaders() loaders: RequestLoaders) {
    if (!target.zoneId) return null;
    return this.park.zoneById(loaders).load(target.zoneId);
  }
}
