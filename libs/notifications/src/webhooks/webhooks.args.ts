import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '@jcv/shared';
import { WebhookDeliveryStatus } from './webhook-delivery-status.js';

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'endpointId must be an id' })
  endpointId?: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true })
  @IsOptional()
  @IsEnum(WebhookDeliveryStatus, { message: 'status must be a delivery status' })
  status?: WebhookDeliveryStatus;
}
