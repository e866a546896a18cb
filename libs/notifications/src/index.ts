// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './notifications.module.js';
export * from './notification-kinds.js';
export { OutboxModule } from './outbox/outbox.module.js';
export {
  newEventId,
  type NotificationDraft,
  OutboxService,
  RECIPIENT_READS,
  type Recipients,
} from './outbox/outbox.service.js';
export * from './delivery/webhook-dispatcher.js';
export * from './delivery/webhook-sender.js';
export * from './webhooks/url-guard.js';
export * from './delivery/delivery-loop.js';
export { NotificationsDeliveryModule } from './delivery/delivery.module.js';
export * from './delivery/email-dispatcher.js';
export { Mailer } from './email/mailer.js';
export * from './webhooks/webhook-endpoint.entity.js';
export * from './webhooks/webhook-event.entity.js';
export * from './webhooks/webhook-delivery.entity.js';
export * from './webhooks/webhook-delivery-status.js';
export { WEBHOOK_ENTITIES } from './webhooks/webhook-entities.js';
export { WebhooksService } from './webhooks/webhooks.service.js';
export { renderNotification } from './templates/render.js';
export { Notification } from './notifications/notification.entity.js';
export { NotificationsService } from './notifications/notifications.service.js';
export { NOTIFICATION_LOCALE_READS } from './notifications/notifications.service.js';
