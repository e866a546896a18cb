import { Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Loaders, RequestLoaders, selectedFields } from '@jcv/shared';
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
  leasesOf(
    @Parent() tenant: Tenant,
    @Loaders() loaders: RequestLoaders,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The access policy shows a firm's leases to the committee and to the firm itself. A
    // request that asks for the leases' units reads them in the same statement.
    const withUnits = selectedFields(info).has('unit');
    return loaders
      .get(withUnits ? 'leasesWithUnitsByTenantId' : 'leasesByTenantId', () =>
        this.leases.leasesByTenantLoader(withUnits),
      )
      .load(tenant.id);
  }
}
