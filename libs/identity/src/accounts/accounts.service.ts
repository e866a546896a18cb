import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@jcv/audit';
import {
  type Actor,
  BadInputError,
  type Connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  NotFoundError,
  toConnection,
} from '@jcv/shared';
import { User } from '../users/user.entity.js';
import type { Locale } from '../users/locale.enum.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { clearLoginAttempts, emailKey, reserveLoginAttempt } from '../auth/login-throttle.js';
import { revokeSignInsOf } from '../auth/sign-ins.js';
import type { SignedInActor } from '../auth/signed-in-actor.js';
import type { UserFilter } from './users.args.js';

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The committee's management of accounts, and what every user does to its own. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** By email, any case. */
  async list(
    filter: UserFilter = {},
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<Connection<User>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.tenantId) qb.andWhere('u.tenant_id = :tenantId', { tenantId: filter.tenantId });
    if (filter.active !== undefined && filter.active !== null) {
      qb.andWhere('u.active = :active', { active: filter.active });
    }
    if (filter.emailContains) {
      qb.andWhere(`u.email ILIKE :pattern ESCAPE '\\'`, {
        pattern: likePattern(filter.emailContains),
      });
    }
    const totalCount = await qb.getCount();
    if (after) {
      const [email, id] = decodeCursor(after, ['string', 'uuid']);
      qb.andWhere('(lower(u.email), u.id) > (:afterEmail, :afterId)', {
        afterEmail: String(email),
        afterId: String(id),
      });
    }
    // The sort key comes from PostgreSQL, whose lower() the next page's comparison uses.
    const { entities, raw } = await qb
      .addSelect('lower(u.email)', 'sort_email')
      .orderBy('sort_email', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(first + 1)
      .getRawAndEntities<{ sort_email: string }>();
    const sortEmail = new Map(entities.map((u, i) => [u, raw[i].sort_email]));
    return toConnection(entities, first, totalCount, (u) => [sortEmail.get(u)!, u.id]);
  }

  /**
   * Deactivating ends every sign-in of the user at once; an ADMIN may not deactivate itself,
   * and the last active ADMIN stays.
   */
  async setActive(actor: Actor, id: string, active: boolean): Promise<User> {
    if (!active && id === actor.userId) {
      throw new BadInputError('id', 'is your own account: an ADMIN may not deactivate itself');
    }
    return this.dataSource.transaction(async (em) => {
      if (!active) {
        // Locked in one order before the target, so two ADMINs deactivating each other take
        // turns and the second sees the first's change: never zero active ADMINs.
        const admins: { id: string }[] = await em.query(
          `SELECT id FROM users WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`,
        );
        if (admins.length === 1 && admins[0].id === id) {
          throw new BadInputError('id', 'is the last active ADMIN');
        }
      }
      const repo = em.getRepository(User);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', id);
      if (user.active === active) return user;
      await em.query(`UPDATE users SET active = $2, updated_at = now() WHERE id = $1`, [
        id,
        active,
      ]);
      const signInsEnded = active ? 0 : await revokeSignInsOf(em, id);
      await this.audit.record(em, {
        actor,
        operation: 'setUserActive',
        entity: 'User',
        entityId: id,
        before: { active: user.active },
        after: { active, signInsEnded },
      });
      return repo.findOneByOrFail({ id });
    });
  }

  /** A new password for another user; every sign-in of that user ends. */
  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<User> {
    if (id === actor.userId) {
      throw new BadInputError('id', 'is your own account: use changePassword');
    }
    const exists = await this.dataSource.getRepository(User).existsBy({ id });
    if (!exists) throw new NotFoundError('User', id);
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (em) => {
      const [rows] = await em.query(
        `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING email`,
        [id, passwordHash],
      );
      if (!rows.length) throw new NotFoundError('User', id);
      const signInsEnded = await revokeSignInsOf(em, id);
      // The new password starts with a clean slate of sign-in attempts.
      await clearLoginAttempts(em, emailKey(rows[0].email));
      await this.audit.record(em, {
        actor,
        operation: 'resetUserPassword',
        entity: 'User',
        entityId: id,
        after: { signInsEnded },
      });
      return em.getRepository(User).findOneByOrFail({ id });
    });
  }

  /**
   * The caller's own password: the current one is required (a guess counts against the
   * account's sign-in throttle), and every other sign-in of the user ends; this one stays.
   */
  async changePassword(
    actor: SignedInActor,
    currentPassword: string,
    newPassword: string,
  ): Promise<boolean> {
    if (newPassword === currentPassword) {
      throw new BadInputError('newPassword', 'must differ from the current password');
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.userId })
      .getOne();
    if (!user) throw new NotFoundError('User', actor.userId);
    const key = emailKey(user.email);
    if (!(await reserveLoginAttempt(this.dataSource, key))) {
      throw new BadInputError('currentPassword', 'was wrong too many times; try again later');
    }
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new BadInputError('currentPassword', 'is not right');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        user.id,
        passwordHash,
      ]);
      const signInsEnded = await revokeSignInsOf(em, user.id, actor.signInId);
      await clearLoginAttempts(em, key);
      await this.audit.record(em, {
        actor,
        operation: 'changePassword',
        entity: 'User',
        entityId: user.id,
        after: { signInsEnded },
      });
    });
    return true;
  }

  async setLocale(actor: Actor, locale: Locale): Promise<User> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(User);
      const user = await repo.findOne({
        where: { id: actor.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundError('User', actor.userId);
      if (user.locale === locale) return user;
      await em.query(`UPDATE users SET locale = $2, updated_at = now() WHERE id = $1`, [
        user.id,
        locale,
      ]);
      await this.audit.record(em, {
        actor,
        operation: 'setLocale',
        entity: 'User',
        entityId: user.id,
        before: { locale: user.locale },
        after: { locale },
      });
      return repo.findOneByOrFail({ id: user.id });
    });
  }
}
