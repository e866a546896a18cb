import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { webhookHeaders } from '../webhooks/signature.js';
import { checkWebhookUrl, type UrlCheck } from '../webhooks/url-guard.js';
import { nextWebhookAttemptAt } from './retry-schedule.js';
import { type WebhookAnswer, WebhookSender } from './webhook-sender.js';

/** Failed attempts in a row after which an endpoint is deactivated. */
export const WEBHOOK_FAILURES_TO_DEACTIVATE = 20;

/**
 * How long a claimed delivery is its sender's: longer than the answer may take, so a slow
 * receiver is never sent the same attempt twice, and short enough that a delivery claimed by a
 * worker that died goes out again soon after.
 */
export const WEBHOOK_LEASE_MS = 2 * 60_000;

/** Deliveries claimed per statement, and sent side by side. */
export const WEBHOOK_BATCH_SIZE = 50;

/** Batches a run has out at once: at most WEBHOOK_LANES × WEBHOOK_BATCH_SIZE requests. */
export const WEBHOOK_LANES = 2;

export interface WebhookDispatchOptions {
  batchSize?: number;
  lanes?: number;
  /** In [0, 1): the jitter of the retry schedule (Math.random). */
  random?: () => number;
}

export const WEBHOOK_DISPATCH_OPTIONS = Symbol('WEBHOOK_DISPATCH_OPTIONS');

interface Claimed {
  id: string;
  event_id: string;
  endpoint_id: string;
  attempts: number;
  body: string;
  url: string;
  secret: string;
}

type Outcome =
  { ok: true; status: number } | { ok: false; status: number | null; error: string; gone: boolean };

/**
 * Delivers the webhook outbox (webhook_deliveries) as Standard Webhooks v1.
 *
 * A run claims the due deliveries of active endpoints in short transactions (FOR UPDATE SKIP
 * LOCKED, so two workers never take the same one, and a lease with the attempt counted), sends
 * them outside any transaction, then records each answer. A worker that dies between the claim
 * and the record leaves the lease to run out: the delivery is then claimed again and sent with
 * the same webhook-id, so a receiver sees it at least once and can drop a repeat by that id.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly log = new Logger('WebhookDispatcher');
  private readonly batchSize: number;
  private readonly lanes: number;
  private readonly random: () => number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sender: WebhookSender,
    @Optional() @Inject(WEBHOOK_DISPATCH_OPTIONS) options: WebhookDispatchOptions = {},
  ) {
    this.batchSize = options.batchSize ?? WEBHOOK_BATCH_SIZE;
    this.lanes = options.lanes ?? WEBHOOK_LANES;
    this.random = options.random ?? Math.random;
  }

  /**
   * Sends every delivery due at `now`, a batch at a time, until none is left; a failed attempt
   * is scheduled after `now`, so it waits for a later run.
   */
  async runOnce(now: Date): Promise<{ succeeded: number; failed: number }> {
    const totals = { succeeded: 0, failed: 0 };
    await Promise.all(Array.from({ length: this.lanes }, () => this.lane(now, totals)));
    return totals;
  }

  /**
   * One lane: claim a batch, send it, record it, and again until nothing is due. The lanes run
   * side by side, so that one claims and records while another's requests are out.
   */
  private async lane(now: Date, totals: { succeeded: number; failed: number }): Promise<void> {
    for (;;) {
      const batch = await this.claim(now);
      if (!batch.length) return;
      // One check per URL and batch: the batch's deliveries to an endpoint share its answer.
      const checks = new Map<string, Promise<UrlCheck>>();
      const outcomes = await Promise.all(
        batch.map((d) =>
          this.attempt(d, now, checks).catch((err: unknown): Outcome => ({
            ok: false,
            status: null,
            error: err instanceof Error ? err.message : String(err),
            gone: false,
          })),
        ),
      );
      const delivered: { claim: Claimed; status: number }[] = [];
      for (let i = 0; i < batch.length; i++) {
        const outcome = outcomes[i];
        if (outcome.ok) delivered.push({ claim: batch[i], status: outcome.status });
        else await this.recordFailure(batch[i], outcome, now);
      }
      await this.recordSuccesses(delivered, now);
      totals.succeeded += delivered.length;
      totals.failed += batch.length - delivered.length;
      if (batch.length < this.batchSize) return;
    }
  }

  /** Takes due deliveries for this run: the lease is set and the attempt counted at once. */
  private async claim(now: Date): Promise<Claimed[]> {
    const leaseEnd = new Date(now.getTime() + WEBHOOK_LEASE_MS);
    const [rows] = (await this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.active
         WHERE d.status IN ('PENDING', 'RETRYING') AND d.next_attempt_at <= $1
           AND (d.locked_until IS NULL OR d.locked_until <= $1)
         ORDER BY d.next_attempt_at
         LIMIT $3
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_deliveries d
       SET locked_until = $2, attempts = d.attempts + 1, updated_at = $1
       FROM due, webhook_events ev, webhook_endpoints e
       WHERE d.id = due.id AND ev.id = d.event_id AND e.id = d.endpoint_id
       RETURNING d.id, d.event_id, d.endpoint_id, d.attempts, ev.body, e.url, e.secret`,
      [now, leaseEnd, this.batchSize],
    )) as [Claimed[], number];
    return rows;
  }

  /**
   * One attempt. The URL is checked again, with its name resolved now, and the request goes
   * to the addresses found then: a name that has come to point inside the park's network since
   * the endpoint was registered is refused, not reached.
   */
  private async attempt(
    d: Claimed,
    now: Date,
    checks: Map<string, Promise<UrlCheck>>,
  ): Promise<Outcome> {
    let checking = checks.get(d.url);
    if (!checking) {
      checking = checkWebhookUrl(d.url, {
        allowInsecure: this.config.webhookAllowInsecure,
        allowedHosts: this.config.webhookAllowedHosts,
        lookup: this.sender.lookup,
      });
      checks.set(d.url, checking);
    }
    const check = await checking;
    if (!check.ok) return { ok: false, status: null, error: check.reason, gone: false };
    const answer: WebhookAnswer = await this.sender.send({
      url: check.url,
      addresses: check.addresses,
      headers: webhookHeaders(d.secret, d.event_id, now, d.body),
      body: d.body,
    });
    if ('error' in answer) return { ok: false, status: null, error: answer.error, gone: false };
    if (answer.status >= 200 && answer.status < 300) return { ok: true, status: answer.status };
    return {
      ok: false,
      status: answer.status,
      error: `answered ${answer.status}`,
      gone: answer.status === 410,
    };
  }

  /**
   * Marks the delivered ones SUCCEEDED in one statement, and their endpoints as answering. Each
   * row is written only if it is still the attempt this run claimed (the same attempt count): a
   * run whose lease ran out must not undo what a later attempt recorded.
   */
  private async recordSuccesses(
    delivered: { claim: Claimed; status: number }[],
    now: Date,
  ): Promise<void> {
    if (!delivered.length) return;
    await this.dataSource.query(
      `WITH done AS (
         UPDATE webhook_deliveries d
         SET status = 'SUCCEEDED', next_attempt_at = NULL, locked_until = NULL,
             last_response_status = s.status, last_error = NULL, updated_at = $4
         FROM unnest($1::uuid[], $2::int[], $3::int[]) AS s(id, attempts, status)
         WHERE d.id = s.id AND d.attempts = s.attempts AND d.status IN ('PENDING', 'RETRYING')
         RETURNING d.endpoint_id
       )
       UPDATE webhook_endpoints SET consecutive_failures = 0, updated_at = $4
       WHERE id IN (SELECT endpoint_id FROM done) AND consecutive_failures <> 0`,
      [
        delivered.map((x) => x.claim.id),
        delivered.map((x) => x.claim.attempts),
        delivered.map((x) => x.status),
        now,
      ],
    );
  }

  /**
   * A failed attempt: the next one is scheduled (or the delivery is FAILED after the last, or
   * at once on a 410), and the endpoint's failures in a row go up by one; at the limit, or on a
   * 410, the endpoint is deactivated and gets no more deliveries until the committee turns it
   * back on.
   */
  private async recordFailure(
    d: Claimed,
    outcome: Extract<Outcome, { ok: false }>,
    now: Date,
  ): Promise<void> {
    const next = outcome.gone ? null : nextWebhookAttemptAt(d.attempts, now, this.random);
    await this.dataSource.transaction(async (em) => {
      const [, n] = (await em.query(
        `UPDATE webhook_deliveries
         SET status = $3, next_attempt_at = $4, locked_until = NULL,
             last_response_status = $5, last_error = $6, updated_at = $7
         WHERE id = $1 AND attempts = $2 AND status IN ('PENDING', 'RETRYING')`,
        [
          d.id,
          d.attempts,
          next ? 'RETRYING' : 'FAILED',
          next,
          outcome.status,
          outcome.error.slice(0, 500),
          now,
        ],
      )) as [unknown, number];
      if (!n) return;
      const [rows] = (await em.query(
        `WITH before AS (SELECT id, active FROM webhook_endpoints WHERE id = $1 FOR UPDATE)
         UPDATE webhook_endpoints e
         SET consecutive_failures = e.consecutive_failures + 1,
             active = e.active AND NOT ($2 OR e.consecutive_failures + 1 >= $3),
             deactivated_reason = CASE
               WHEN NOT e.active THEN e.deactivated_reason
               WHEN $2 THEN $4
               WHEN e.consecutive_failures + 1 >= $3 THEN $5
               ELSE e.deactivated_reason END,
             updated_at = $6
         FROM before
         WHERE e.id = before.id
         RETURNING before.active AS was_active, e.active, e.deactivated_reason`,
        [
          d.endpoint_id,
          outcome.gone,
          WEBHOOK_FAILURES_TO_DEACTIVATE,
          'answered 410 Gone',
          `${WEBHOOK_FAILURES_TO_DEACTIVATE} failed attempts in a row`,
          now,
        ],
      )) as [{ was_active: boolean; active: boolean; deactivated_reason: string }[], number];
      if (rows[0]?.was_active && !rows[0].active)
        this.log.warn(`endpoint ${d.endpoint_id} deactivated: ${rows[0].deactivated_reason}`);
    });
  }
}
