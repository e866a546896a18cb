import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@jcv/audit';
import { Notification } from './notifications/notification.entity.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { WEBHOOK_ENTITIES } from './webhooks/webhook-entities.js';
import { WebhookDeliveryResolver, WebhookEndpointsResolver } from './webhooks/webhooks.resolver.js';
import { WebhooksService } from './webhooks/webhooks.service.js';
// Declares the constraints to the error mapping.
import './notifications.constraints.js';

/**
 * Notifications and webhooks for the API: the caller's notifications, the committee's webhook
 * endpoints and their deliveries. The worker boots NotificationsDeliveryModule instead.
 */
@Module({
  imports: [
    OutboxModule,
    AuditModule,
    TypeOrmModule.forFeature(WEBHOOK_ENTITIES),
    TypeOrmModule.forFeature([Notification]),
  ],
  providers: [
    NotificationsService,
    NotificationsResolver,
    WebhooksService,
    WebhookEndpointsResolver,
    WebhookDeliveryResolver,
  ],
  exports: [OutboxModule],
})
export class NotificationsModule {}
