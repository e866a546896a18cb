import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookEvent } from './webhook-event.entity.js';

/** The webhook tables' entities, for TypeOrmModule.forFeature. */
export const WEBHOOK_ENTITIES = [WebhookEndpoint, WebhookEvent, WebhookDelivery];
