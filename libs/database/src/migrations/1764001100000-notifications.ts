import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = [
  'REPORT_DUE',
  'REPORT_OVERDUE',
  'REPORT_RETURNED',
  'SPACE_APPLICATION_DECIDED',
  'BENEFIT_DECIDED',
  'SERVICE_REQUEST_UPDATED',
  'CERTIFICATION_EXPIRING',
  'MILESTONE_ALERT',
  'BILL_ISSUED',
  'BILL_OVERDUE',
  'ANNUAL_REPORT_DUE',
];

const EVENT_TYPES = [
  'report.submitted',
  'report.reviewed',
  'tenant.registered',
  'tenant.exited',
  'lease.created',
  'lease.ended',
  'benefit.decided',
  'service_request.updated',
  'milestone.alert',
  'bill.issued',
  'bill.paid',
  'annual_report.submitted',
];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Notifications, their e-mails, and webhooks. Each is written in the transaction of the change
 * that causes it (an outbox), and sent by the worker afterwards:
 * - a notification is once per (user, kind, matter): a job run twice, or by two workers, or a
 *   change retried, makes no second one;
 * - an e-mail row per notification (its primary key), claimed by one sender at a time with a
 *   lease, so a crash mid-send is retried and an accepted message is marked once;
 * - an event is the exact body that is signed, and one delivery per (event, endpoint).
 */
export class Notifications1764001100000 implements MigrationInterface {
  name = 'Notifications1764001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT notifications_kind_check CHECK (kind IN (${list(KINDS)})),
        matter text NOT NULL CONSTRAINT notifications_matter_check CHECK (length(matter) BETWEEN 1 AND 200),
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        link text CONSTRAINT notifications_link_check CHECK (link IS NULL OR (link LIKE '/%' AND length(link) <= 500)),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notifications_once_per_matter UNIQUE (user_id, kind, matter)
      )`);
    await q.query(
      `CREATE INDEX notifications_user_newest_idx ON notifications (user_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE notification_emails (
        notification_id uuid PRIMARY KEY REFERENCES notifications(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING'
          CONSTRAINT notification_emails_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT notification_emails_attempts_check CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_emails_sent_check CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX notification_emails_due_idx ON notification_emails (next_attempt_at) WHERE status = 'PENDING'`,
    );

    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL CONSTRAINT webhook_endpoints_url_check CHECK (url ~ '^https?://' AND length(url) <= 2000),
        events text[] NOT NULL DEFAULT '{}'
          CONSTRAINT webhook_endpoints_events_check CHECK (events <@ ARRAY[${list(EVENT_TYPES)}]::text[]),
        secret text NOT NULL CONSTRAINT webhook_endpoints_secret_check CHECK (secret LIKE 'whsec_%'),
        active boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0
          CONSTRAINT webhook_endpoints_failures_check CHECK (consecutive_failures >= 0),
        deactivated_reason text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE webhook_events (
        id text PRIMARY KEY CONSTRAINT webhook_events_id_check CHECK (id ~ '^msg_[0-9a-z]{26}$'),
        type text NOT NULL CONSTRAINT webhook_events_type_check CHECK (type IN (${list(EVENT_TYPES)})),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id text NOT NULL REFERENCES webhook_events(id),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CONSTRAINT webhook_deliveries_status_check
          CHECK (status IN ('PENDING', 'SUCCEEDED', 'RETRYING', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT webhook_deliveries_attempts_check CHECK (attempts >= 0),
        next_attempt_at timestamptz DEFAULT now(),
        locked_until timestamptz,
        last_response_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_event_endpoint_key UNIQUE (event_id, endpoint_id),
        CONSTRAINT webhook_deliveries_schedule_check
          CHECK ((status IN ('PENDING', 'RETRYING')) = (next_attempt_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
       WHERE status IN ('PENDING', 'RETRYING')`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_endpoint_newest_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_newest_idx ON webhook_deliveries (created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_events`);
    await q.query(`DROP TABLE webhook_endpoints`);
    await q.query(`DROP TABLE notification_emails`);
    await q.query(`DROP TABLE notifications`);
  }
}
