import { Field, ObjectType } from '@nestjs/graphql';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/** The answer of createWebhookEndpoint: the only time the secret leaves the platform. */
@ObjectType()
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field({ description: 'whsec_…: shown once, here.' })
  secret: string;
}
