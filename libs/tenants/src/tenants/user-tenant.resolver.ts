import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@jcv/identity';
import { Loaders, RequestLoaders } from '@jcv/shared';
import { Tenant } from './tenant.entity.js';
import { TenantsService } from './tenants.service.js';

/** `User.tenant`: a user's own firm (users are only ever read by themselves or by ADMIN). */
@Resolver(() => User)
export class UserTenantResolver {
  constructor(private readonly tenants: TenantsService) {}

  @ResolveField(() => Tenant, {
    nullable: true,
    description: 'Set for TENANT_ADMIN and TENANT_REPORTER.',
  })
  tenant(@Parent() user: User, @Loaders() loaders: RequestLoaders) {
    if (!user.tenantId) return null;
    return this.tenants.tenantById(loaders).load(user.tenantId);
  }
}
