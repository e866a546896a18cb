import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  CurrentUser,
  DateScalar,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
} from '@jcv/shared';
import { Tenant, TenantsService } from '@jcv/tenants';
import { Lease } from './lease.entity.js';
import { type ReadLease, unitReadWith } from './lease-rows.js';
import { Unit } from '../units/unit.entity.js';
import { LeasesService } from './leases.service.js';
import { UnitsService } from '../units/units.service.js';
import { AllocateUnitInput } from './allocate-unit.input.js';

@Resolver(() => Lease)
export class LeasesResolver {
  constructor(
    private readonly leases: LeasesService,
    private readonly units: UnitsService,
    private readonly tenants: TenantsService,
  ) {}

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => Lease, {
    description: 'CONFLICT when the unit is already let for any day of the period.',
  })
  allocateUnit(@CurrentUser() actor: Actor, @Args('input') input: AllocateUnitInput) {
    return this.leases.allocate(actor, input);
  }

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => Lease, {
    description:
      'Shortens a lease to end on endDate (never before its start). A lease not begun yet that ' +
      'is cut to end before its start is cancelled: TERMINATED.',
  })
  endLease(
    @CurrentUser() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('endDate', { type: () => DateScalar }) endDate: string,
  ) {
    return this.leases.end(actor, id, endDate);
  }

  @ResolveField(() => Unit)
  unit(@Parent() lease: ReadLease, @Loaders() loaders: RequestLoaders) {
    return (
      unitReadWith(lease) ??
      loaders.get('unitById', () => this.units.unitLoader()).load(lease.unitId)
    );
  }

  @ResolveField(() => Tenant)
  tenant(@Parent() lease: ReadLease, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(lease.tenantId);
  }
}
