import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser, Loaders, RequestLoaders } from '@jcv/shared';
import { Tenant } from '@jcv/tenants';
import { Lease } from './entities/lease.entity.js';
import { LeasesService } from './leases.service.js';

/** `Tenant.leases`: space sits above tenants, so it adds the field. */
@Resolver(() => Tenant)
export class TenantLeasesResolver {
  constructor(private readonly leases: LeasesService) {}

  @ResolveField('leases', () => [Lease], {
    description: 'By start date, TERMINATED ones included.',
  })
  async leasesOf(
    @CurrentUser() actor: Actor,
    @Parent() tenant: Tenant,
    @Loaders() loaders: RequestLoaders,
  ) {
    const all = await loaders
      .get('leasesByTenantId', () => this.leases.leasesByTenantLoader())
      .load(tenant.id);
    return all.filter((l) => this.leases.visibleTo(actor, l));
  }
}
