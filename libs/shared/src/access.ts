import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from './errors.js';
import type { Actor, Role } from './roles.js';

// Who reads which rows and fields: one policy that root operations and edges share.
export * from './access/index.js';

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
