import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ParkService, Zone } from '@jcv/park';
import {
  type Actor,
  CurrentUser,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
  ConnectionType,
  selectedFields,
} from '@jcv/shared';
import { FIRM_READERS } from '../access-policy.js';
import { Certification } from '../certifications/certification.entity.js';
import { Tenant } from './tenant.entity.js';
import { CertificationsService } from '../certifications/certifications.service.js';
import { TenantsService } from './tenants.service.js';
import { TenantsArgs } from './tenants.args.js';
import { RegisterTenantInput } from './register-tenant.input.js';
import { ExitTenantInput } from './exit-tenant.input.js';
import { UpdateTenantInput } from './update-tenant.input.js';
import { AddCertificationInput } from '../certifications/add-certification.input.js';

const TenantConnection = ConnectionType(Tenant, 'Tenant');

@Resolver(() => Tenant)
export class TenantsResolver {
  constructor(
    private readonly tenantsService: TenantsService,
    private readonly certifications: CertificationsService,
    private readonly park: ParkService,
  ) {}

  @Roles(...FIRM_READERS)
  @Query(() => TenantConnection, { description: "By name. A firm's users get their own firm." })
  tenants(
    @CurrentUser() actor: Actor,
    @Args() args: TenantsArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The total costs a count of the whole list: only when it is asked for.
    const count = selectedFields(info).has('totalCount');
    return this.tenantsService.list(actor, args.filter ?? undefined, args.first, args.after, {
      count,
    });
  }

  @Roles(...FIRM_READERS)
  @Query(() => Tenant, {
    nullable: true,
    description: "Null when unknown; another firm's id is FORBIDDEN to a firm's users.",
  })
  tenant(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.tenantsService.find(actor, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Tenant)
  registerTenant(@CurrentUser() actor: Actor, @Args('input') input: RegisterTenantInput) {
    return this.tenantsService.register(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Tenant)
  updateTenant(@CurrentUser() actor: Actor, @Args('input') input: UpdateTenantInput) {
    return this.tenantsService.update(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Tenant, { description: 'Leases that outlast the exit end on exitedOn.' })
  exitTenant(@CurrentUser() actor: Actor, @Args('input') input: ExitTenantInput) {
    return this.tenantsService.exit(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Certification)
  addCertification(@CurrentUser() actor: Actor, @Args('input') input: AddCertificationInput) {
    return this.certifications.add(actor, input);
  }

  @ResolveField(() => Zone)
  zone(@Parent() tenant: Tenant, @Loaders() loaders: RequestLoaders) {
    return this.park.zoneById(loaders).load(tenant.zoneId);
  }

  @ResolveField('certifications', () => [Certification])
  certificationsOf(@Parent() tenant: Tenant, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get('certificationsByTenantId', () => this.certifications.byTenantLoader())
      .load(tenant.id);
  }
}
