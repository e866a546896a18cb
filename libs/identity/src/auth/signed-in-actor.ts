import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Actor, requestOf, UnauthenticatedError } from '@jcv/shared';

/** The caller as the access guard builds it: the user's current row, and its sign-in. */
export interface SignedInActor extends Actor {
  /** The sign-in (refresh-token family) the access token belongs to. */
  signInId: string;
}

/** The signed-in caller with its sign-in, for operations that keep or end that sign-in. */
export const CurrentSignIn = createParamDecorator(
  (_: unknown, context: ExecutionContext): SignedInActor => {
    const user = requestOf(context).user as SignedInActor | undefined;
    if (!user?.signInId) throw new UnauthenticatedError();
    return user;
  },
);
