import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import {
  ACCESS_KEY,
  type AccessRule,
  type Actor,
  ForbiddenError,
  requestOf,
  UnauthenticatedError,
} from '@jcv/shared';

/**
 * The one gate of every operation. An operation must state who may call it (`@Roles` or
 * `@Public`); one that states nothing is denied, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError('This operation has no access rule and is closed');
    if (rule.kind === 'public') return true;
    await super.canActivate(context);
    const actor = requestOf(context).user as Actor;
    if (!rule.roles.includes(actor.role)) {
      throw new ForbiddenError(`${actor.role} may not do this`);
    }
    return true;
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
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
