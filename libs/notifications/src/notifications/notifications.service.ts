import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  type Actor,
  applyReach,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  ForeignReads,
  isUuid,
  toConnection,
} from '@jcv/shared';
import type { NotificationLocale } from '../notification-kinds.js';
import type { NotificationConnection } from './notification-connection.type.js';
import { Notification } from './notification.entity.js';

/** What the notifications read of lib identity's users: the reader's locale. */
export const NOTIFICATION_LOCALE_READS = new ForeignReads(import.meta.url, 'localeLoader', {
  users: ['id', 'locale'],
});

/**
 * A notification's place in the list: its creation time in microseconds since 1970 (the
 * precision PostgreSQL keeps, which a JavaScript Date would round to milliseconds), then its id.
 */
const CURSOR_MICROS = `(extract(epoch FROM n.created_at) * 1000000)::bigint::text`;

/** The caller's notifications: their list, their counts, and marking them read. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The caller's notifications, newest first, paged by (created_at, id). Whose rows they are is
   * the query's WHERE (the policy's reach), so no other user's row is ever read.
   */
  async list(
    actor: Actor,
    unreadOnly = false,
    first = DEFAULT_PAGE_SIZE,
    after?: string | null,
  ): Promise<NotificationConnection> {
    const qb = applyReach(
      this.dataSource.getRepository(Notification).createQueryBuilder('n'),
      actor,
      'Notification',
      'n',
    );
    const [counts] = await qb
      .clone()
      .select('count(*)::int', 'total')
      .addSelect('(count(*) FILTER (WHERE n.read_at IS NULL))::int', 'unread')
      .getRawMany<{ total: number; unread: number }>();
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (after) {
      const [micros, id] = decodeCursor(after, ['bigint', 'uuid']);
      // Whole seconds and the microseconds left are each exact in PostgreSQL's arithmetic.
      qb.andWhere(
        `(n.created_at, n.id) < (timestamptz 'epoch'
           + (CAST(:afterMicros AS bigint) / 1000000) * interval '1 second'
           + (CAST(:afterMicros AS bigint) % 1000000) * interval '1 microsecond', :afterId)`,
        { afterMicros: String(micros), afterId: String(id) },
      );
    }
    const { entities, raw } = await qb
      .addSelect(CURSOR_MICROS, 'cursor_micros')
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(first + 1)
      .getRawAndEntities<{ cursor_micros: string }>();
    const micros = new Map(entities.map((n, i) => [n, raw[i].cursor_micros]));
    return {
      ...toConnection(entities, first, unreadOnly ? counts.unread : counts.total, (n) => [
        micros.get(n)!,
        n.id,
      ]),
      unreadCount: counts.unread,
    };
  }

  /**
   * Marks the caller's unread notifications read: those named, or all of them. An id of another
   * user's notification, or of none, is left out by the WHERE, as is one already read; the answer
   * is how many were marked now.
   */
  async markRead(actor: Actor, ids?: readonly string[] | null): Promise<number> {
    const named = ids ? [...new Set(ids.filter(isUuid))] : null;
    if (named && !named.length) return 0;
    const [{ marked }] = await this.dataSource.query(
      `WITH marked AS (
         UPDATE notifications SET read_at = now()
          WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY ($2::uuid[]))
          RETURNING id
       )
       SELECT count(*)::int AS marked FROM marked`,
      [actor.userId, named],
    );
    return marked;
  }

  /** The locale of each user, for the words of their notifications (once per request). */
  localeLoader(): DataLoader<string, NotificationLocale> {
    return new DataLoader(async (userIds) => {
      const rows: { id: string; locale: string }[] = await this.dataSource.query(
        `SELECT id, locale FROM users WHERE id = ANY ($1::uuid[])`,
        [[...userIds]],
      );
      const byId = new Map(rows.map((r) => [r.id, r.locale]));
      return userIds.map((id) => (byId.get(id) === 'EN' ? 'EN' : 'ZH_CN'));
    });
  }
}
