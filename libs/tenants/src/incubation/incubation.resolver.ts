import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { todayInShanghai } from '@jcv/shared';
import { Tenant } from '../tenants/tenant.entity.js';
import { incubationOf } from './incubation.js';
import { Incubation } from './incubation.type.js';

/** `Tenant.incubation`: computed from the firm's own dates, so it costs no statement. */
@Resolver(() => Tenant)
export class TenantIncubationResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @ResolveField(() => Incubation, {
    description:
      'Where the firm is in its incubation, on today in Asia/Shanghai (domain.md, Incubation).',
  })
  incubation(@Parent() tenant: Tenant): Incubation {
    return Object.assign(
      new Incubation(),
      incubationOf(tenant, todayInShanghai(), this.config.incubationMonths),
    );
  }
}
