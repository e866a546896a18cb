import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ACCESS_KEY,
  type AccessRule,
  DomainError,
  ForbiddenError,
  onPrimary,
  requestOf,
  type Role,
  UnauthenticatedError,
} from '@jcv/shared';
import { JwtStrategy, type VerifiedToken } from './jwt.strategy.js';
import type { SignedInActor } from './signed-in-actor.js';

// The user's row as it is now, and whether the token's sign-in still holds: one statement of
// two primary-key probes.
const CURRENT_STATE = `
  SELECT u.role, u.tenant_id, u.service_provider_id, u.active,
         (s.revoked_at IS NULL AND s.user_id = u.id) IS TRUE AS signed_in
    FROM users u LEFT JOIN sign_ins s ON s.id = $2
   WHERE u.id = $1`;

interface CurrentState {
  role: Role;
  tenant_id: string | null;
  service_provider_id: string | null;
  active: boolean;
  signed_in: boolean;
}

// The guard runs once per root field, and query fields run side by side: a document of several
// is one request, checked once.
const checked = new WeakMap<object, Promise<SignedInActor>>();

/**
 * The one gate of every operation. An operation must state who may call it (`@Roles` or
 * `@Public`); one that states nothing is denied, so a forgotten decorator fails closed.
 *
 * The token says who signed in; the caller's role, firm, provider and whether it may still act
 * come from the user's row, read on every request, so a deactivation, a new role or a revoked
 * sign-in counts at once rather than when the token expires.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: JwtStrategy,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError('This operation has no access rule and is closed');
    if (rule.kind === 'public') return true;
    const request = requestOf(context);
    let check = checked.get(request);
    if (!check) {
      check = this.authenticate(context, request);
      checked.set(request, check);
    }
    const actor = await check;
    request.user = actor;
    if (!rule.roles.includes(actor.role)) {
      throw new ForbiddenError(`${actor.role} may not do this`);
    }
    return true;
  }

  private async authenticate(
    _context: ExecutionContext,
    request: { headers: Record<string, unknown> },
  ): Promise<SignedInActor> {
    // The strategy's own check, called directly: passport's per-request machinery around it cost
    // as much as the verification itself. The outcome maps as passport's would (handleRequest).
    const check = this.tokens.check(request);
    if (!('token' in check)) {
      this.handleRequest(
        'error' in check ? check.error : null,
        false,
        'refusal' in check ? check.refusal : undefined,
      );
      // handleRequest throws for a request without a user.
      throw new UnauthenticatedError();
    }
    return this.currentActor(check.token);
  }

  private async currentActor(token: VerifiedToken): Promise<SignedInActor> {
    // On the primary even with replicas: a revocation counts at once, not after a replica's lag.
    const [row]: CurrentState[] = await onPrimary(() =>
      this.dataSource.query(CURRENT_STATE, [token.userId, token.signInId]),
    );
    if (!row) throw new UnauthenticatedError('Access token is not valid');
    if (!row.active) throw new UnauthenticatedError('This account is deactivated');
    if (!row.signed_in) throw new UnauthenticatedError('This sign-in has ended; sign in again');
    return {
      userId: token.userId,
      role: row.role,
      tenantId: row.tenant_id,
      serviceProviderId: row.service_provider_id,
      signInId: token.signInId,
    };
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    // The strategy's own refusals (no expiry, no sign-in) say why.
    if (err instanceof DomainError) throw err;
    if (err || !user) {
      const reason = info instanceof Error ? info.name : undefined;
      throw new UnauthenticatedError(
        reason === 'TokenExpiredError'
          ? 'Access token has expired'
          : reason === 'Error' || !reason
            ? 'Sign in first: send a valid Bearer access token'
            : 'Access token is not valid',
      );
    }
    return user;
  }
}
