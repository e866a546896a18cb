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
