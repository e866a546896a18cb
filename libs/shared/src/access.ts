import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from './errors.js';
import { type Actor, isTenantUser, Role } from './roles.js';

export const ACCESS_KEY = 'jcv:access';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** Who may call an operation. Every resolver method states one; the guard denies the rest. */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** Open to anyone, signed in or not (login, token refresh). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

export function requestOf(context: ExecutionContext): {
  user?: Actor;
  headers: Record<string, unknown>;
  id?: string;
} {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext().req;
  }
  return context.switchToHttp().getRequest();
}

/** The signed-in caller. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const user = requestOf(context).user;
  if (!user) throw new UnauthenticatedError();
  return user;
});

/**
 * A tenant user reaches only its own firm. Committee roles pass; a tenant user naming another
 * firm is refused.
 */
export function assertTenantAccess(actor: Actor, tenantId: string): void {
  if (isTenantUser(actor) && actor.tenantId !== tenantId) {
    throw new ForbiddenError('A firm can only reach its own data');
  }
}

/** The firm a query is limited to: the caller's own for tenant users, else the asked one. */
export function scopeTenant(actor: Actor, asked?: string | null): string | undefined {
  if (isTenantUser(actor)) {
    if (asked && asked !== actor.tenantId)
      throw new ForbiddenError('A firm can only reach its own data');
    return actor.tenantId!;
  }
  return asked ?? undefined;
}
