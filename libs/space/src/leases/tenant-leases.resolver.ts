import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '@jcv/shared';
import { Tenant } from '@jcv/tenants';
import { Lease } from './lease.entity.js';
import { LeasesService } from './leases.service.js';

/** `Tenant.leases`: space sits above tenants, so it adds the field. */
@Resolver(() => Tenant)
export class TenantLeasesResolver {
  constructor(private readonly leases: LeasesService) {}

  @ResolveField('leases', () => [Lease], {
    description: 'By start date, TERMINATED ones included.',
  })
  leasesOf(@Parent() tenant: Tenant, @Loaders() loaders: RequestLoaders) {
    // The access policy shows a firm's leases to the committee and to the firm itself.
    return loaders
      .get('leasesByTenantId', () => this.leases.leasesByTenantLoader())
      .load(tenant.id);
  }
}
