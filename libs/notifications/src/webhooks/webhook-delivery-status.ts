import { registerEnumType } from '@nestjs/graphql';

/** Where a delivery of one event to one endpoint stands. */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  RETRYING = 'RETRYING',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesMap: {
    RETRYING: { description: 'Failed, another attempt is scheduled.' },
    FAILED: { description: 'Every attempt failed, or the endpoint answered 410.' },
  },
});
