import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, ALL_ROLES, CurrentUser, Role, Roles } from '@jcv/shared';
import { ServiceProvider } from './service-provider.entity.js';
import { CreateServiceProviderInput } from './create-service-provider.input.js';
import { ServiceProvidersService } from './service-providers.service.js';

@Resolver(() => ServiceProvider)
export class ServiceProvidersResolver {
  constructor(private readonly providers: ServiceProvidersService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [ServiceProvider])
  serviceProviders() {
    return this.providers.list();
  }

  @Roles(Role.SERVICE_DESK, Role.ADMIN)
  @Mutation(() => ServiceProvider)
  createServiceProvider(
    @CurrentUser() actor: Actor,
    @Args('input') input: CreateServiceProviderInput,
  ) {
    return this.providers.create(actor, input);
  }
}
