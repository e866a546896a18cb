import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParkService, Zone } from '@jcv/park';
import {
  type Actor,
  CurrentUser,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
  YearPipe,
} from '@jcv/shared';
import { FIRM_ADMIN_READERS } from '../access-policy.js';
import { IndustrializationProject } from './industrialization-project.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { ProjectsService } from './projects.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { RecordProjectInput } from './record-project.input.js';

@Resolver(() => IndustrializationProject)
export class ProjectsResolver {
  constructor(
    private readonly projects: ProjectsService,
    private readonly tenants: TenantsService,
    private readonly park: ParkService,
  ) {}

  @Roles(...FIRM_ADMIN_READERS)
  @Query(() => [IndustrializationProject], {
    description:
      "Cultivated in year (all when left out). A firm's TENANT_ADMIN gets its own firm's.",
  })
  industrializationProjects(
    @CurrentUser() actor: Actor,
    @Args('year', { type: () => Int, nullable: true }, YearPipe) year?: number,
  ) {
    return this.projects.list(actor, year ?? undefined);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => IndustrializationProject)
  recordIndustrializationProject(
    @CurrentUser() actor: Actor,
    @Args('input') input: RecordProjectInput,
  ) {
    return this.projects.record(actor, input);
  }

  @ResolveField(() => Tenant)
  tenant(@Parent() project: IndustrializationProject, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(project.tenantId);
  }

  @ResolveField(() => Zone)
  zone(@Parent() project: IndustrializationProject, @Loaders() loaders: RequestLoaders) {
    return this.park.zoneById(loaders).load(project.zoneId);
  }
}
