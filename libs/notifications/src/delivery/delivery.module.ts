import { Module } from '@nestjs/common';
import { Mailer } from '../email/mailer.js';
import { DeliveryLoop } from './delivery-loop.js';
import { EmailDispatcher } from './email-dispatcher.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookSender } from './webhook-sender.js';

/**
 * What sends the outboxes: the e-mail and webhook dispatchers and the loop that polls them. The
 * worker boots it (and the API, for WORKER_IN_PROCESS); the configuration and the database come
 * from the app's root. Without SMTP_URL the mailer opens no connection and no e-mail goes out.
 */
@Module({
  providers: [Mailer, EmailDispatcher, WebhookSender, WebhookDispatcher, DeliveryLoop],
  exports: [Mailer, EmailDispatcher, WebhookSender, WebhookDispatcher, DeliveryLoop],
})
export class NotificationsDeliveryModule {}
