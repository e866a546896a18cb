import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParkService, Zone } from '@jcv/park';
import {
  type Actor,
  COMMITTEE_ROLES,
  CurrentUser,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
} from '@jcv/shared';
import { Tenant, TenantsService } from '@jcv/tenants';
import { Lease } from '../leases/lease.entity.js';
import { SpaceApplication } from './space-application.entity.js';
import { SpaceApplicationStatus } from '../space.enum.js';
import { LeasesService } from '../leases/leases.service.js';
import { SpaceApplicationsService } from './space-applications.service.js';
import { ApplyForSpaceInput } from './apply-for-space.input.js';

@Resolver(() => SpaceApplication)
export class SpaceApplicationsResolver {
  constructor(
    private readonly applications: SpaceApplicationsService,
    private readonly leases: LeasesService,
    private readonly tenants: TenantsService,
    private readonly park: ParkService,
  ) {}

  @Roles(...COMMITTEE_ROLES, Role.TENANT_ADMIN)
  @Query(() => [SpaceApplication], { description: 'Newest first; a firm sees its own only.' })
  spaceApplications(
    @CurrentUser() actor: Actor,
    @Args('status', { type: () => SpaceApplicationStatus, nullable: true })
    status?: SpaceApplicationStatus,
  ) {
    return this.applications.list(actor, status ?? undefined);
  }

  @Roles(Role.ADMIN, Role.TENANT_ADMIN)
  @Mutation(() => SpaceApplication, { description: "A firm's TENANT_ADMIN, for its own firm." })
  applyForSpace(@CurrentUser() actor: Actor, @Args('input') input: ApplyForSpaceInput) {
    return this.applications.apply(actor, input);
  }

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => SpaceApplication, {
    description: 'Lets the unit for the dates applied for, as allocateUnit would.',
  })
  approveSpaceApplication(
    @CurrentUser() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('note', { type: () => String, nullable: true }) note?: string,
  ) {
    return this.applications.approve(actor, id, unitId, note);
  }

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => SpaceApplication)
  rejectSpaceApplication(
    @CurrentUser() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
  ) {
    return this.applications.reject(actor, id, note);
  }

  @ResolveField(() => Tenant)
  tenant(@Parent() application: SpaceApplication, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(application.tenantId);
  }

  @ResolveField(() => Zone)
  zone(@Parent() application: SpaceApplication, @Loaders() loaders: RequestLoaders) {
    return this.park.zoneById(loaders).load(application.zoneId);
  }

  @ResolveField(() => Lease, { nullable: true })
  lease(@Parent() application: SpaceApplication, @Loaders() loaders: RequestLoaders) {
    if (!application.leaseId) return null;
    return loaders.get('leaseById', () => this.leases.leaseLoader()).load(application.leaseId);
  }
}
