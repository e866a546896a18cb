import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { ForeignReads, type Role } from '@jcv/shared';
import type {
  NotificationKind,
  NotificationParams,
  WebhookEventType,
} from '../notification-kinds.js';

/**
 * Who receives a notification: the active users of a firm with one of `tenantRoles`, and the
 * active users with one of `roles` (the committee's).
 */
export interface Recipients {
  tenantId?: string | null;
  tenantRoles?: readonly Role[];
  roles?: readonly Role[];
}

export interface NotificationDraft<K extends NotificationKind = NotificationKind> {
  kind: K;
  /** The matter's key: a user gets one notification per (kind, matter). */
  matter: string;
  to: Recipients;
  params: NotificationParams[K];
  /** A path of the console that shows the matter. */
  link?: string | null;
}

/** What the outbox reads of lib identity's users to find the recipients. */
export const RECIPIENT_READS = new ForeignReads(import.meta.url, 'OutboxService.notifyMany', {
  users: ['id', 'active', 'tenant_id', 'role'],
});

/** Crockford's base32 in lower case: the webhook-id's characters. */
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A webhook-id: `msg_`, ten characters of the time (so ids sort by creation) and sixteen of
 * randomness (80 bits), from `random` (16 bytes) when given.
 */
export function newEventId(now = Date.now(), random: Uint8Array = randomBytes(16)): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = BASE32[t % 32] + time;
  let rest = '';
  for (let i = 0; i < 16; i++) rest += BASE32[random[i] % 32];
  return `msg_${time}${rest}`;
}

/** Events from which a batch first asks whether any endpoint wants them at all. */
const BATCH_CHECK_FROM = 64;

/**
 * The outbox: notifications and webhook events written with the entity manager of the
 * transaction that makes the change, so they are committed with it or not at all. The worker
 * sends them afterwards (e-mail, webhook deliveries); nothing here talks to the network.
 */
@Injectable()
export class OutboxService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Notifies the recipients once per matter; returns how many notifications were made. */
  notify<K extends NotificationKind>(
    em: EntityManager,
    draft: NotificationDraft<K>,
  ): Promise<number> {
    return this.notifyMany(em, [draft]);
  }

  /**
   * Many drafts in one statement (a bill run notifies every billed firm at once). A draft whose
   * (user, kind, matter) is there already makes nothing: a rerun, a second worker or a retried
   * change never notifies twice. With SMTP_URL set, each new notification gets its e-mail row.
   */
  async notifyMany(em: EntityManager, drafts: readonly NotificationDraft[]): Promise<number> {
    if (!drafts.length) return 0;
    const rows = drafts.map((d) => ({
      kind: d.kind,
      matter: d.matter,
      params: d.params,
      link: d.link ?? null,
      tenant_id: d.to.tenantId ?? null,
      tenant_roles: d.to.tenantRoles ?? [],
      roles: d.to.roles ?? [],
    }));
    const email = this.config.smtpUrl
      ? `, mailed AS (INSERT INTO notification_emails (notification_id) SELECT id FROM made)`
      : '';
    const [{ made }] = await em.query(
      `WITH made AS (
         INSERT INTO notifications (user_id, kind, matter, params, link)
         SELECT u.id, d.kind, d.matter, d.params, d.link
         FROM jsonb_to_recordset($1::jsonb)
           AS d(kind text, matter text, params jsonb, link text, tenant_id uuid,
                tenant_roles text[], roles text[])
         JOIN users u ON u.active
           AND ((u.tenant_id = d.tenant_id AND u.role = ANY (d.tenant_roles)) OR u.role = ANY (d.roles))
         ON CONFLICT ON CONSTRAINT notifications_once_per_matter DO NOTHING
         RETURNING id
       )${email}
       SELECT count(*)::int AS made FROM made`,
      [JSON.stringify(rows)],
    );
    return made;
  }

  /** An event for the endpoints that subscribe to its type; with none, nothing is written. */
  emit(em: EntityManager, type: WebhookEventType, data: object): Promise<void> {
    return this.emitMany(em, type, [data]);
  }

  /**
   * Events of one type in one statement: each event's exact body (the one that is signed) and a
   * delivery per active endpoint that wants the type.
   */
  async emitMany(
    em: EntityManager,
    type: WebhookEventType,
    datas: readonly object[],
  ): Promise<void> {
    if (!datas.length) return;
    // A large batch (an import, a bill run) asks first, so that with no endpoint for the type
    // it builds no bodies and sends nothing; the insert below checks again in its own snapshot.
    if (datas.length >= BATCH_CHECK_FROM) {
      const [{ wanted }] = await em.query(
        `SELECT EXISTS (SELECT 1 FROM webhook_endpoints
           WHERE active AND (cardinality(events) = 0 OR $1 = ANY (events))) AS wanted`,
        [type],
      );
      if (!wanted) return;
    }
    const timestamp = new Date().toISOString();
    const now = Date.now();
    const random = randomBytes(16 * datas.length);
    const ids = datas.map((_, i) => newEventId(now, random.subarray(16 * i, 16 * i + 16)));
    const bodies = datas.map((data) => JSON.stringify({ type, timestamp, data }));
    await em.query(
      `WITH endpoints AS (
         SELECT id FROM webhook_endpoints
         WHERE active AND (cardinality(events) = 0 OR $1 = ANY (events))
       ), events AS (
         INSERT INTO webhook_events (id, type, body)
         SELECT e.id, $1, e.body FROM unnest($2::text[], $3::text[]) AS e(id, body)
         WHERE EXISTS (SELECT 1 FROM endpoints)
         RETURNING id
       )
       INSERT INTO webhook_deliveries (event_id, endpoint_id)
       SELECT events.id, endpoints.id FROM events CROSS JOIN endpoints`,
      [type, ids, bodies],
    );
  }
}
