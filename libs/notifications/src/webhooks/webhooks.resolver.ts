import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, ConnectionType, CurrentUser, Role, Roles } from '@jcv/shared';
import { CreateWebhookEndpointInput } from './create-webhook-endpoint.input.js';
import { CreatedWebhookEndpoint } from './created-webhook-endpoint.type.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookDeliveriesArgs } from './webhooks.args.js';
import { WebhooksService } from './webhooks.service.js';

const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointsResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @Roles(Role.ADMIN)
  @Query(() => [WebhookEndpoint], { description: 'ADMIN.' })
  webhookEndpoints() {
    return this.webhooks.listEndpoints();
  }

  @Roles(Role.ADMIN)
  @Query(() => WebhookDeliveryConnection)
  webhookDeliveries(@Args() args: WebhookDeliveriesArgs) {
    return this.webhooks.listDeliveries(
      { endpointId: args.endpointId, status: args.status },
      args.first,
      args.after,
    );
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CreatedWebhookEndpoint)
  createWebhookEndpoint(
    @CurrentUser() actor: Actor,
    @Args('input') input: CreateWebhookEndpointInput,
  ) {
    return this.webhooks.createEndpoint(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => WebhookEndpoint)
  setWebhookEndpointActive(
    @CurrentUser() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('active') active: boolean,
  ) {
    return this.webhooks.setEndpointActive(actor, id, active);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => WebhookDelivery, {
    description: 'Schedules a new attempt of a FAILED delivery, with the same webhook-id.',
  })
  redeliverWebhook(
    @CurrentUser() actor: Actor,
    @Args('deliveryId', { type: () => ID }) deliveryId: string,
  ) {
    return this.webhooks.redeliver(actor, deliveryId);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  // Every delivery the API reads is loaded with its event's type (WebhooksService.deliveries).
  @ResolveField(() => String)
  eventType(@Parent() delivery: WebhookDelivery): string {
    return delivery.event.type;
  }
}
