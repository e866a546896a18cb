import { Module } from '@nestjs/common';
import { AuditModule } from '@jcv/audit';
import { OutboxModule } from './outbox/outbox.module.js';
// Declares the constraints to the error mapping.
import './notifications.constraints.js';

/**
 * Notifications and webhooks for the API: the caller's notifications, the committee's webhook
 * endpoints and their deliveries. The worker boots NotificationsDeliveryModule instead.
 */
@Module({
  imports: [OutboxModule, AuditModule],
  providers: [],
  exports: [OutboxModule],
})
export class NotificationsModule {}
