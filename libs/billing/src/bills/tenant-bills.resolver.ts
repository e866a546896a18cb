import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders, YearPipe } from '@jcv/shared';
import { Tenant } from '@jcv/tenants';
import { Bill } from './bill.entity.js';
import { BillsService } from './bills.service.js';

/** `Tenant.bills`: billing sits above tenants, so it adds the field. */
@Resolver(() => Tenant)
export class TenantBillsResolver {
  constructor(private readonly service: BillsService) {}

  @ResolveField(() => [Bill], {
    description: 'Oldest month first, VOID ones included; of one year, or all.',
  })
  bills(
    @Parent() tenant: Tenant,
    @Loaders() loaders: RequestLoaders,
    @Args('year', { type: () => Int, nullable: true }, YearPipe) year?: number | null,
  ) {
    // Who reads a firm's bills is the access policy's to say (billing's access-policy.ts).
    return loaders
      .get(`billsByTenantId:${year ?? 'all'}`, () => this.service.billsByTenantLoader(year))
      .load(tenant.id);
  }
}
