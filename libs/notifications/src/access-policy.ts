// Who reads which notifications and webhook rows and fields (the one access policy of @jcv/shared).
import {
  ALL_ROLES,
  defineConnectionPolicy,
  definePolicy,
  EVERY_ROW,
  reaching,
  type Reach,
  Role,
} from '@jcv/shared';

// Webhook endpoints and their deliveries are the committee's integration settings: ADMIN's
// alone. An endpoint's secret is no field at all; it is shown once, in CreatedWebhookEndpoint.
const WEBHOOK_ADMINS = [Role.ADMIN];
definePolicy('WebhookEndpoint', {
  rows: { [Role.ADMIN]: EVERY_ROW },
  fields: [
    {
      group: 'endpoint',
      fields: [
        'active',
        'consecutiveFailures',
        'createdAt',
        'deactivatedReason',
        'events',
        'id',
        'url',
      ],
      readers: WEBHOOK_ADMINS,
    },
  ],
});
definePolicy('CreatedWebhookEndpoint', {
  rows: { [Role.ADMIN]: EVERY_ROW },
  fields: [{ group: 'created', fields: ['endpoint', 'secret'], readers: WEBHOOK_ADMINS }],
});
definePolicy('WebhookDelivery', {
  rows: { [Role.ADMIN]: EVERY_ROW },
  fields: [
    {
      group: 'delivery',
      fields: [
        'attempts',
        'createdAt',
        'endpoint',
        'eventId',
        'eventType',
        'id',
        'lastError',
        'lastResponseStatus',
        'nextAttemptAt',
        'status',
      ],
      readers: WEBHOOK_ADMINS,
    },
  ],
});
defineConnectionPolicy('WebhookDelivery', WEBHOOK_ADMINS);

// A notification is its recipient's alone, whatever the role: not even ADMIN reads another
// user's. Lists are limited by the recipient's id in their WHERE.
export const NOTIFICATION_READERS = ALL_ROLES;
const OWN_NOTIFICATIONS: Reach = {
  name: 'own',
  where: (alias, actor) => ({
    sql: `${alias}.user_id = :reachUserId`,
    params: { reachUserId: actor.userId },
  }),
  holds: (row, actor) => !!actor && (row as { userId?: unknown } | null)?.userId === actor.userId,
};
definePolicy('Notification', {
  rows: reaching(NOTIFICATION_READERS, OWN_NOTIFICATIONS),
  fields: [
    {
      group: 'notification',
      fields: ['body', 'createdAt', 'id', 'kind', 'link', 'readAt', 'title'],
      readers: NOTIFICATION_READERS,
    },
  ],
});
defineConnectionPolicy('Notification', NOTIFICATION_READERS);
definePolicy('NotificationConnection', {
  fields: [{ group: 'unread', fields: ['unreadCount'], readers: NOTIFICATION_READERS }],
});
