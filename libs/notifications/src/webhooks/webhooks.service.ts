import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { translateConstraints } from '@jcv/database';
import {
  type Actor,
  BadInputError,
  ConflictError,
  type Connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  type FieldError,
  isUuid,
  NotFoundError,
  toConnection,
} from '@jcv/shared';
import { WEBHOOK_EVENT_TYPES } from '../notification-kinds.js';
import type { CreateWebhookEndpointInput } from './create-webhook-endpoint.input.js';
import type { CreatedWebhookEndpoint } from './created-webhook-endpoint.type.js';
import { WEBHOOK_SECRET_PREFIX } from './signature.js';
import { checkWebhookUrl } from './url-guard.js';
import { WebhookDeliveryStatus } from './webhook-delivery-status.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

export interface WebhookDeliveryFilter {
  endpointId?: string | null;
  status?: WebhookDeliveryStatus | null;
}

/** 24 random bytes: the key length Standard Webhooks libraries generate. */
const SECRET_BYTES = 24;

const EVENT_TYPES: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

/** A delivery's creation time in microseconds since 1970, exact: the page's sort key. */
const SORT_KEY = 'CAST(extract(epoch FROM d.created_at) * 1000000 AS bigint)';

/** Why a delivery in another status cannot be sent again by hand. */
const NOT_REDELIVERABLE: Record<
  Exclude<WebhookDeliveryStatus, WebhookDeliveryStatus.FAILED>,
  string
> = {
  [WebhookDeliveryStatus.PENDING]: 'is PENDING: an attempt is scheduled already',
  [WebhookDeliveryStatus.RETRYING]: 'is RETRYING: another attempt is scheduled already',
  [WebhookDeliveryStatus.SUCCEEDED]: 'SUCCEEDED: the endpoint has received the event',
};

/**
 * The committee's webhook endpoints and what was delivered to them. The deliveries themselves
 * are made by the outbox (in the change's transaction) and sent by the worker; here an
 * administrator registers, turns off and on, and sends a FAILED delivery again.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newest first. */
  listEndpoints(): Promise<WebhookEndpoint[]> {
    return this.dataSource
      .getRepository(WebhookEndpoint)
      .find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Newest first, each with its endpoint and its event's type, in one statement per page. */
  async listDeliveries(
    filter: WebhookDeliveryFilter = {},
    first = DEFAULT_PAGE_SIZE,
    after?: string | null,
  ): Promise<Connection<WebhookDelivery>> {
    const filtered = <Q extends SelectQueryBuilder<WebhookDelivery>>(qb: Q): Q => {
      if (filter.endpointId)
        qb.andWhere('d.endpoint_id = :endpointId', { endpointId: filter.endpointId });
      if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
      return qb;
    };
    const totalCount = await filtered(
      this.dataSource.getRepository(WebhookDelivery).createQueryBuilder('d'),
    ).getCount();
    const qb = filtered(this.deliveries(this.dataSource.manager));
    if (after) {
      const [micros, id] = decodeCursor(after, ['bigint', 'uuid']);
      qb.andWhere(
        `(d.created_at, d.id) <
           (timestamptz 'epoch' + CAST(:afterMicros AS bigint) * interval '1 microsecond', :afterId)`,
        { afterMicros: String(micros), afterId: String(id) },
      );
    }
    const { entities, raw } = await qb
      .addSelect(SORT_KEY, 'sort_key')
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(first + 1)
      .getRawAndEntities<{ d_id: string; sort_key: string }>();
    const sortKey = new Map(raw.map((r) => [r.d_id, String(r.sort_key)]));
    return toConnection(entities, first, totalCount, (d) => [sortKey.get(d.id)!, d.id]);
  }

  /**
   * Registers an endpoint and makes its secret, which the answer shows this once. The URL must
   * pass the guard now (it is checked again before every delivery, with the name resolved then).
   */
  async createEndpoint(
    actor: Actor,
    input: CreateWebhookEndpointInput,
  ): Promise<CreatedWebhookEndpoint> {
    const problems: FieldError[] = [];
    const unknown = [...new Set(input.events.filter((e) => !EVENT_TYPES.has(e)))];
    if (unknown.length) {
      problems.push({
        field: 'events',
        message: `${unknown.map((e) => JSON.stringify(e)).join(', ')} ${unknown.length === 1 ? 'is not an event type' : 'are not event types'}; the types are ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      });
    }
    const check = await checkWebhookUrl(input.url, {
      allowInsecure: this.config.webhookAllowInsecure,
      allowedHosts: this.config.webhookAllowedHosts,
    });
    if (!check.ok) problems.push({ field: 'url', message: check.reason });
    if (problems.length || !check.ok) throw new BadInputError(problems);

    // The URL as it will be called; the types in the order given, each once (none: every type).
    const url = check.url.href;
    const events = [...new Set(input.events)];
    const secret = WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
    return translateConstraints(() =>
      this.dataSource.transaction(async (em) => {
        const [{ id }] = await em.query(
          `INSERT INTO webhook_endpoints (url, events, secret, created_by)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [url, events, secret, actor.userId],
        );
        const endpoint = await em.getRepository(WebhookEndpoint).findOneByOrFail({ id });
        await this.audit.record(em, {
          actor,
          operation: 'createWebhookEndpoint',
          entity: 'WebhookEndpoint',
          entityId: id,
          after: { url, events, active: endpoint.active },
        });
        return { endpoint, secret };
      }),
    );
  }

  /**
   * Turns an endpoint off or on. Its deliveries wait while it is off; turned on again it starts
   * with a clean count of failures, so the limit is counted afresh.
   */
  async setEndpointActive(actor: Actor, id: string, active: boolean): Promise<WebhookEndpoint> {
    if (!isUuid(id)) throw new NotFoundError('WebhookEndpoint', id);
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(WebhookEndpoint);
      const endpoint = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
      if (endpoint.active === active) return endpoint;
      if (active) {
        await em.query(
          `UPDATE webhook_endpoints
           SET active = true, consecutive_failures = 0, deactivated_reason = NULL, updated_at = now()
           WHERE id = $1`,
          [id],
        );
      } else {
        await em.query(
          `UPDATE webhook_endpoints
           SET active = false, deactivated_reason = $2, updated_at = now() WHERE id = $1`,
          [id, `Turned off by ${actor.role}`],
        );
      }
      const changed = await repo.findOneByOrFail({ id });
      await this.audit.record(em, {
        actor,
        operation: 'setWebhookEndpointActive',
        entity: 'WebhookEndpoint',
        entityId: id,
        before: pick(endpoint),
        after: pick(changed),
      });
      return changed;
    });
  }

  /**
   * Schedules a FAILED delivery again, now, with a fresh schedule of attempts: the same event
   * (the same webhook-id and body), so a receiver that did get it after all can drop it.
   */
  async redeliver(actor: Actor, deliveryId: string): Promise<WebhookDelivery> {
    if (!isUuid(deliveryId)) throw new NotFoundError('WebhookDelivery', deliveryId);
    return this.dataSource.transaction(async (em) => {
      const [row]: { status: WebhookDeliveryStatus; attempts: number; event_id: string }[] =
        await em.query(
          `SELECT status, attempts, event_id FROM webhook_deliveries WHERE id = $1 FOR UPDATE`,
          [deliveryId],
        );
      if (!row) throw new NotFoundError('WebhookDelivery', deliveryId);
      if (row.status !== WebhookDeliveryStatus.FAILED) {
        throw new ConflictError(
          `The delivery ${NOT_REDELIVERABLE[row.status]}; only a FAILED delivery can be redelivered`,
        );
      }
      await em.query(
        `UPDATE webhook_deliveries
         SET status = 'PENDING', attempts = 0, next_attempt_at = now(), locked_until = NULL,
             updated_at = now()
         WHERE id = $1`,
        [deliveryId],
      );
      await this.audit.record(em, {
        actor,
        operation: 'redeliverWebhook',
        entity: 'WebhookDelivery',
        entityId: deliveryId,
        before: { status: row.status, attempts: row.attempts },
        after: { status: WebhookDeliveryStatus.PENDING, attempts: 0, eventId: row.event_id },
      });
      return this.deliveries(em).where('d.id = :id', { id: deliveryId }).getOneOrFail();
    });
  }

  /** Deliveries with their endpoint (never its secret) and their event's id and type. */
  private deliveries(em: EntityManager): SelectQueryBuilder<WebhookDelivery> {
    return em
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.endpoint', 'e')
      .innerJoin('d.event', 'ev')
      .addSelect(['ev.id', 'ev.type']);
  }
}

/** What the audit trail keeps of an endpoint's state. */
const pick = (e: WebhookEndpoint) => ({
  active: e.active,
  consecutiveFailures: e.consecutiveFailures,
  deactivatedReason: e.deactivatedReason,
});
