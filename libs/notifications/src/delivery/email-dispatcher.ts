import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { ForeignReads } from '@jcv/shared';
import { emailLayout } from '../email/email-layout.js';
import { Mailer } from '../email/mailer.js';
import type {
  NotificationKind,
  NotificationLocale,
  NotificationParams,
} from '../notification-kinds.js';
import { renderNotification } from '../templates/render.js';
import { nextEmailAttemptAt } from './email-backoff.js';

/**
 * How long a claimed e-mail is its sender's: twice the longest a message may take
 * (SEND_TIMEOUT_MS), so a slow server is never sent the same attempt by two senders, and short
 * enough that an e-mail claimed by a worker that died goes out again soon after.
 */
export const EMAIL_LEASE_MS = 2 * 60_000;

/** E-mails claimed per statement and sent side by side: few, as mail servers limit connections. */
export const EMAIL_BATCH_SIZE = 5;

export interface EmailDispatchOptions {
  batchSize?: number;
}

export const EMAIL_DISPATCH_OPTIONS = Symbol('EMAIL_DISPATCH_OPTIONS');

/** What the dispatcher reads of lib identity's users: the address and language of now. */
export const EMAIL_RECIPIENT_READS = new ForeignReads(import.meta.url, 'EmailDispatcher.claim', {
  users: ['id', 'email', 'locale', 'active'],
});

interface Claimed {
  id: string;
  attempts: number;
  kind: NotificationKind;
  params: NotificationParams[NotificationKind];
  link: string | null;
  email: string;
  locale: string;
  active: boolean;
}

/** The Message-ID of a notification's e-mail: the same on every attempt, so a receiver can drop a repeat. */
export const emailMessageId = (notificationId: string) => `<${notificationId}@jcv.platform>`;

/**
 * Sends the notifications' e-mails (notification_emails) through the Mailer.
 *
 * A run claims the due e-mails in one short statement (FOR UPDATE SKIP LOCKED, so two workers
 * never take the same one, with a lease and the attempt counted), sends them outside any
 * transaction, and marks each SENT once the server has accepted it; an accepted e-mail is never
 * sent again. A refused one is tried again later (email-backoff.ts) and is FAILED after the last
 * attempt. A worker that dies between the claim and the mark leaves the lease to run out: the
 * e-mail is then claimed again and sent with the same Message-ID, so it arrives at least once.
 *
 * The address and the language are the user's when the e-mail is sent, not when the
 * notification was made: a user who switched to English since gets it in English.
 */
@Injectable()
export class EmailDispatcher {
  private readonly log = new Logger('EmailDispatcher');
  private readonly batchSize: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
    @Optional() @Inject(EMAIL_DISPATCH_OPTIONS) options: EmailDispatchOptions = {},
  ) {
    this.batchSize = options.batchSize ?? EMAIL_BATCH_SIZE;
  }

  /**
   * Sends every e-mail due at `now`, a batch at a time, until none is left; a refused one is
   * scheduled after `now`, so it waits for a later run. Without SMTP_URL it does nothing and
   * leaves the rows as they are, their attempts unspent.
   */
  async runOnce(now: Date): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    if (!this.mailer.enabled) return { sent, failed };
    for (;;) {
      const batch = await this.claim(now);
      if (!batch.length) break;
      const outcomes = await Promise.all(batch.map((e) => this.attempt(e)));
      const accepted = batch.filter((_, i) => outcomes[i] === null);
      await this.markSent(accepted, now);
      for (let i = 0; i < batch.length; i++) {
        const error = outcomes[i];
        if (error !== null) await this.recordFailure(batch[i], error, now);
      }
      sent += accepted.length;
      failed += batch.length - accepted.length;
      if (batch.length < this.batchSize) break;
    }
    return { sent, failed };
  }

  /** Takes due e-mails for this run, with what they say and to whom: lease and attempt at once. */
  private async claim(now: Date): Promise<Claimed[]> {
    const leaseEnd = new Date(now.getTime() + EMAIL_LEASE_MS);
    const [rows] = (await this.dataSource.query(
      `WITH due AS (
         SELECT notification_id FROM notification_emails
         WHERE status = 'PENDING' AND next_attempt_at <= $1
           AND (locked_until IS NULL OR locked_until <= $1)
         ORDER BY next_attempt_at, notification_id
         LIMIT $3
         FOR UPDATE SKIP LOCKED
       )
       UPDATE notification_emails m
       SET locked_until = $2, attempts = m.attempts + 1
       FROM due JOIN notifications n ON n.id = due.notification_id JOIN users u ON u.id = n.user_id
       WHERE m.notification_id = due.notification_id
       RETURNING m.notification_id AS id, m.attempts, n.kind, n.params, n.link,
         u.email, u.locale, u.active`,
      [now, leaseEnd, this.batchSize],
    )) as [Claimed[], number];
    return rows;
  }

  /** One attempt: null once the server has accepted the message, else why it was not. */
  private async attempt(e: Claimed): Promise<string | null> {
    if (!e.active) return 'the user is deactivated';
    try {
      const locale: NotificationLocale = e.locale === 'EN' ? 'EN' : 'ZH_CN';
      const { title, body } = renderNotification(e.kind, e.params, locale);
      const content = emailLayout({
        title,
        body,
        link: e.link,
        locale,
        publicUrl: this.config.publicUrl,
        recipient: e.email,
      });
      await this.mailer.send({ messageId: emailMessageId(e.id), to: e.email, ...content });
      return null;
    } catch (err) {
      return (err as Error).message || String(err);
    }
  }

  /**
   * Marks accepted e-mails SENT in one statement. It holds even if this run's lease ran out and
   * another sender took the e-mail meanwhile: the server has it, so no later attempt is made.
   */
  private async markSent(accepted: Claimed[], now: Date): Promise<void> {
    if (!accepted.length) return;
    await this.dataSource.query(
      `UPDATE notification_emails
       SET status = 'SENT', sent_at = $2, locked_until = NULL, last_error = NULL
       WHERE notification_id = ANY ($1::uuid[]) AND status <> 'SENT'`,
      [accepted.map((e) => e.id), now],
    );
  }

  /**
   * A refused attempt: the next one is scheduled, or after the last the e-mail is FAILED (the
   * notification stays in the console). A deactivated user's e-mail is FAILED at once. Written
   * only if the row is still this run's attempt, so a run whose lease ran out cannot undo what
   * a later attempt recorded.
   */
  private async recordFailure(e: Claimed, error: string, now: Date): Promise<void> {
    const next = e.active ? nextEmailAttemptAt(e.attempts, now) : null;
    await this.dataSource.query(
      `UPDATE notification_emails
       SET status = $3, next_attempt_at = coalesce($4, next_attempt_at), locked_until = NULL,
           last_error = $5
       WHERE notification_id = $1 AND attempts = $2 AND status = 'PENDING'`,
      [e.id, e.attempts, next ? 'PENDING' : 'FAILED', next, error.slice(0, 500)],
    );
    if (next) this.log.warn(`e-mail of notification ${e.id}, attempt ${e.attempts}: ${error}`);
    else this.log.error(`e-mail of notification ${e.id} FAILED after ${e.attempts}: ${error}`);
  }
}
