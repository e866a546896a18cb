import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  COMMITTEE_ROLES,
  CurrentUser,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
} from '@jcv/shared';
import { Tenant, TenantsService } from '@jcv/tenants';
import { ServiceProvider } from '../providers/service-provider.entity.js';
import { ServiceProvidersService } from '../providers/service-providers.service.js';
import { ServiceRequest } from './service-request.entity.js';
import { ServiceRequestEvent } from './service-request-event.entity.js';
import { ServiceRequestsService } from './service-requests.service.js';
import { ServiceRequestWorkflowService } from './service-request-workflow.service.js';
import { OpenServiceRequestInput } from './open-service-request.input.js';
import {
  AssignServiceRequestArgs,
  RateServiceRequestArgs,
  ServiceRequestsArgs,
  UpdateServiceRequestStatusArgs,
} from './service-requests.args.js';

@Resolver(() => ServiceRequest)
export class ServiceRequestsResolver {
  constructor(
    private readonly requests: ServiceRequestsService,
    private readonly workflow: ServiceRequestWorkflowService,
    private readonly providers: ServiceProvidersService,
    private readonly tenants: TenantsService,
  ) {}

  // TENANT_REPORTER only reports figures (domain.md): requests are the firm admin's.
  @Roles(...COMMITTEE_ROLES, Role.TENANT_ADMIN, Role.SERVICE_PROVIDER)
  @Query(() => [ServiceRequest], {
    description: 'Newest first. A firm sees its own, a provider those assigned to it.',
  })
  serviceRequests(@CurrentUser() actor: Actor, @Args() args: ServiceRequestsArgs) {
    return this.requests.list(actor, args);
  }

  @Roles(Role.TENANT_ADMIN, Role.SERVICE_DESK, Role.ADMIN)
  @Mutation(() => ServiceRequest)
  openServiceRequest(@CurrentUser() actor: Actor, @Args('input') input: OpenServiceRequestInput) {
    return this.requests.open(actor, input);
  }

  @Roles(Role.SERVICE_DESK, Role.ADMIN)
  @Mutation(() => ServiceRequest)
  assignServiceRequest(@CurrentUser() actor: Actor, @Args() args: AssignServiceRequestArgs) {
    return this.workflow.assign(actor, args.id, args.providerId);
  }

  @Roles(Role.SERVICE_DESK, Role.ADMIN, Role.SERVICE_PROVIDER)
  @Mutation(() => ServiceRequest)
  updateServiceRequestStatus(
    @CurrentUser() actor: Actor,
    @Args() args: UpdateServiceRequestStatusArgs,
  ) {
    return this.workflow.updateStatus(actor, args.id, args.status, args.note);
  }

  @Roles(Role.TENANT_ADMIN)
  @Mutation(() => ServiceRequest)
  rateServiceRequest(@CurrentUser() actor: Actor, @Args() args: RateServiceRequestArgs) {
    return this.workflow.rate(actor, args.id, args.rating, args.comment);
  }

  // The request is in the caller's reach; what it may read of the firm is the policy's to say
  // (a provider: its name).
  @ResolveField(() => Tenant)
  tenant(@Parent() request: ServiceRequest, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(request.tenantId);
  }

  @ResolveField(() => ServiceProvider, { nullable: true })
  assignee(@Parent() request: ServiceRequest, @Loaders() loaders: RequestLoaders) {
    if (!request.assigneeId) return null;
    return loaders
      .get('serviceProviderById', () => this.providers.providerLoader())
      .load(request.assigneeId);
  }

  @ResolveField(() => [ServiceRequestEvent], { description: 'Every change, oldest first.' })
  history(@Parent() request: ServiceRequest, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get('historyByServiceRequestId', () => this.requests.historyLoader())
      .load(request.id);
  }
}

@Resolver(() => ServiceRequestEvent)
export class ServiceRequestEventResolver {
  constructor(private readonly providers: ServiceProvidersService) {}

  @ResolveField(() => ServiceProvider, {
    nullable: true,
    description: 'The provider given the request, on ASSIGNED events.',
  })
  assignee(@Parent() event: ServiceRequestEvent, @Loaders() loaders: RequestLoaders) {
    if (!event.assigneeId) return null;
    return loaders
      .get('serviceProviderById', () => this.providers.providerLoader())
      .load(event.assigneeId);
  }
}
