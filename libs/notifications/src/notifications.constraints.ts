import { INTERNAL, registerConstraints } from '@jcv/database';

/**
 * The constraints of notifications, their e-mails and the webhooks, and what a caller is told
 * when a change breaks one. Every row here is written by the platform itself (the outbox, the
 * dispatchers) or after the services' checks, so most are internal.
 */
registerConstraints({
  notifications_once_per_matter: { internal: 'written ON CONFLICT DO NOTHING by the outbox' },
  notifications_user_id_fkey: { internal: 'recipients are read from users in the same statement' },
  notification_emails_notification_id_fkey: {
    internal: 'written beside its notification in the same statement',
  },
  webhook_endpoints_created_by_fkey: INTERNAL.actor,
  webhook_deliveries_event_id_fkey: { internal: 'written with its event in the same statement' },
  webhook_deliveries_endpoint_id_fkey: {
    internal: 'fanned out to endpoints read in the same statement; endpoints are never deleted',
  },
  notifications_kind_check: { internal: 'a NotificationKind chosen by the platform' },
  notifications_matter_check: { internal: "the matter's key is made by the platform" },
  notifications_link_check: { internal: 'console paths are made by the platform' },
  notification_emails_status_check: { internal: 'set by the e-mail dispatcher' },
  notification_emails_attempts_check: { internal: 'counted by the e-mail dispatcher' },
  notification_emails_sent_check: { internal: 'set by the e-mail dispatcher' },
  webhook_endpoints_url_check: {
    code: 'BAD_USER_INPUT',
    field: 'url',
    message: 'must be an https:// URL of at most 2000 characters',
  },
  webhook_endpoints_events_check: {
    code: 'BAD_USER_INPUT',
    field: 'events',
    message: 'must be event types of the platform, such as report.submitted',
  },
  webhook_endpoints_secret_check: { internal: 'the secret is made by the platform' },
  webhook_endpoints_failures_check: { internal: 'counted by the webhook dispatcher' },
  webhook_events_id_check: { internal: 'event ids are made by the outbox' },
  webhook_events_type_check: { internal: 'a WebhookEventType chosen by the platform' },
  webhook_deliveries_event_endpoint_key: {
    internal: 'one delivery per event and endpoint, by the outbox',
  },
  webhook_deliveries_status_check: { internal: 'set by the webhook dispatcher' },
  webhook_deliveries_attempts_check: { internal: 'counted by the webhook dispatcher' },
  webhook_deliveries_schedule_check: { internal: 'set by the webhook dispatcher' },
});
