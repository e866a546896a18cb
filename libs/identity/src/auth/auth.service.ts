import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { AuditService } from '@jcv/audit';
import { type Actor, BadInputError, UnauthenticatedError } from '@jcv/shared';
import { User } from '../users/user.entity.js';
import { verifyPassword } from './passwords.js';
import { clearLoginAttempts, emailKey, reserveLoginAttempt } from './login-throttle.js';
import { revokeSignIn, startSignIn } from './sign-ins.js';
import { asSignedInView } from '../users/user-visibility.js';
import type { AuthPayload } from './auth-payload.type.js';

const BAD_CREDENTIALS = 'Email or password is not right';

/**
 * The claims of an access token, beyond the registered ones (iat, exp, iss, aud). `role`, `tid`
 * and `spid` tell a client who signed in; the server reads them from the user's row instead.
 */
export interface AccessClaims {
  sub: string;
  /** The sign-in (refresh-token family): revoking it ends this token too. */
  sid: string;
  role: Actor['role'];
  tid: string | null;
  spid: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Splits `id.secret`; undefined when it cannot be a refresh token. */
function parseRefreshToken(token: string): { id: string; secret: string } | undefined {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { id, secret };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<AuthPayload> {
    const key = emailKey(email);
    // Reserved before the password is checked, so racing guesses cannot outrun the count.
    if (!(await reserveLoginAttempt(this.dataSource, key))) {
      throw new UnauthenticatedError('Too many failed sign-ins for this account; try again later');
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :key AND u.active', { key })
      .getOne();
    // A failure keeps its reservation: it is the failure's record.
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      throw new UnauthenticatedError(BAD_CREDENTIALS);
    }
    return this.dataSource.transaction(async (em) => {
      await clearLoginAttempts(em, key);
      const signInId = randomUUID();
      await startSignIn(em, signInId, user.id);
      const payload = await this.issue(em, user, signInId);
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
    const parsed = parseRefreshToken(token);
    if (!parsed) throw new UnauthenticatedError('Refresh token is not valid');
    const { id, secret } = parsed;
    const outcome = await this.dataSource.transaction(async (em) => {
      // The sign-in's row is locked too, so a sign-out and a rotation take turns.
      const [row] = await em.query(
        `SELECT r.id, r.user_id, r.family_id, r.token_hash, r.expires_at < now() AS expired,
                r.used_at, r.revoked_at, s.revoked_at AS sign_in_revoked_at
           FROM refresh_tokens r JOIN sign_ins s ON s.id = r.family_id
          WHERE r.id = $1 FOR UPDATE`,
        [id],
      );
      if (!row || row.token_hash !== sha256(secret)) return { error: 'Refresh token is not valid' };
      if (row.sign_in_revoked_at) return { error: 'This sign-in has ended; sign in again' };
      if (row.used_at || row.revoked_at) {
        await revokeSignIn(em, row.family_id);
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

  /**
   * Signs out: the refresh token's whole sign-in is revoked, and with it the access tokens of
   * that sign-in. The refresh token is the proof, so an expired access token does not stop it;
   * signing out of a sign-in that has already ended changes nothing.
   */
  async logout(token: string): Promise<boolean> {
    const parsed = parseRefreshToken(token);
    const invalid = () => new BadInputError('refreshToken', 'is not a valid refresh token');
    if (!parsed) throw invalid();
    return this.dataSource.transaction(async (em) => {
      const [row] = await em.query(
        `SELECT r.family_id, r.token_hash, u.id, u.role, u.tenant_id, u.service_provider_id
           FROM refresh_tokens r JOIN users u ON u.id = r.user_id WHERE r.id = $1`,
        [parsed.id],
      );
      if (!row || row.token_hash !== sha256(parsed.secret)) throw invalid();
      if (await revokeSignIn(em, row.family_id)) {
        await this.audit.record(em, {
          actor: {
            userId: row.id,
            role: row.role,
            tenantId: row.tenant_id,
            serviceProviderId: row.service_provider_id,
          },
          operation: 'logout',
          entity: 'User',
          entityId: row.id,
          after: { signIn: row.family_id },
        });
      }
      return true;
    });
  }

  private async issue(em: EntityManager, user: User, familyId: string): Promise<AuthPayload> {
    const claims: AccessClaims = {
      sub: user.id,
      sid: familyId,
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
    return { accessToken, refreshToken: `${id}.${secret}`, expiresAt, user: asSignedInView(user) };
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
