import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { AuditService } from '@jcv/audit';
import { type Actor, UnauthenticatedError } from '@jcv/shared';
import { User } from './user.entity.js';
import { verifyPassword } from './passwords.js';
import type { AuthPayload } from './dto/auth-payload.type.js';

/** Failed sign-ins allowed for one email within the window before it is throttled. */
export const MAX_FAILED_LOGINS = 5;
const FAILED_LOGIN_WINDOW = '15 minutes';
const BAD_CREDENTIALS = 'Email or password is not right';

/** The claims of an access token, beyond the registered ones. */
export interface AccessClaims {
  sub: string;
  role: Actor['role'];
  tid: string | null;
  spid: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<AuthPayload> {
    const key = email.trim().toLowerCase();
    const [{ failures }] = await this.dataSource.query(
      `SELECT count(*)::int AS failures FROM login_failures
        WHERE email_key = $1 AND at > now() - interval '${FAILED_LOGIN_WINDOW}'`,
      [key],
    );
    if (failures >= MAX_FAILED_LOGINS) {
      throw new UnauthenticatedError('Too many failed sign-ins for this account; try again later');
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :key AND u.active', { key })
      .getOne();
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      await this.dataSource.query(`INSERT INTO login_failures (email_key) VALUES ($1)`, [key]);
      throw new UnauthenticatedError(BAD_CREDENTIALS);
    }
    return this.dataSource.transaction(async (em) => {
      await em.query(`DELETE FROM login_failures WHERE email_key = $1`, [key]);
      const payload = await this.issue(em, user, randomUUID());
      await this.audit.record(em, {
        actor: actorOf(user),
        operation: 'login',
        entity: 'User',
        entityId: user.id,
      });
      return payload;
    });
  }

  /**
   * Rotates a refresh token. A token is good once: presenting a spent one means it was stolen
   * or replayed, so its whole family (every token descended from the same sign-in) is revoked.
   */
  async refresh(token: string): Promise<AuthPayload> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id))
      throw new UnauthenticatedError('Refresh token is not valid');
    const outcome = await this.dataSource.transaction(async (em) => {
      const [row] = await em.query(
        `SELECT id, user_id, family_id, token_hash, expires_at < now() AS expired, used_at, revoked_at
           FROM refresh_tokens WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row || row.token_hash !== sha256(secret)) return { error: 'Refresh token is not valid' };
      if (row.used_at || row.revoked_at) {
        await em.query(
          `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
          [row.family_id],
        );
        await this.audit.record(em, {
          actor: null,
          operation: 'refreshTokenReuse',
          entity: 'User',
          entityId: row.user_id,
          after: { family: row.family_id },
        });
        return { error: 'Refresh token was already used; sign in again' };
      }
      if (row.expired) return { error: 'Refresh token has expired; sign in again' };
      const user = await em.getRepository(User).findOneBy({ id: row.user_id, active: true });
      if (!user) return { error: 'Refresh token is not valid' };
      await em.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
      const payload = await this.issue(em, user, row.family_id);
      await this.audit.record(em, {
        actor: actorOf(user),
        operation: 'refreshToken',
        entity: 'User',
        entityId: user.id,
      });
      return { payload };
    });
    // The revocation above is committed before the refusal goes out.
    if ('error' in outcome) throw new UnauthenticatedError(outcome.error);
    return outcome.payload;
  }

  private async issue(em: EntityManager, user: User, familyId: string): Promise<AuthPayload> {
    const claims: AccessClaims = {
      sub: user.id,
      role: user.role,
      tid: user.tenantId,
      spid: user.serviceProviderId,
    };
    const expiresAt = new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000);
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      secret: this.config.jwtSecret,
      issuer: this.config.jwtIssuer,
      audience: this.config.jwtAudience,
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    const secret = randomBytes(32).toString('base64url');
    const [{ id }] = await em.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4)) RETURNING id`,
      [user.id, familyId, sha256(secret), this.config.refreshTokenTtlDays],
    );
    return { accessToken, refreshToken: `${id}.${secret}`, expiresAt, user };
  }
}

export function actorOf(user: Pick<User, 'id' | 'role' | 'tenantId' | 'serviceProviderId'>): Actor {
  return {
    userId: user.id,
    role: user.role,
    tenantId: user.tenantId,
    serviceProviderId: user.serviceProviderId,
  };
}
