import { type Actor, Role } from '@jcv/shared';
import type { User } from './user.entity.js';

// Users returned by sign-in and token refresh, whose caller has no access token yet but is the
// user itself.
const signedInViews = new WeakSet<User>();

export function asSignedInView(user: User): User {
  signedInViews.add(user);
  return user;
}

/** Whether the caller may read a user's account fields (active, locale): itself, or ADMIN. */
export function mayReadAccount(viewer: Actor | undefined, user: User): boolean {
  if (signedInViews.has(user)) return true;
  return !!viewer && (viewer.role === Role.ADMIN || viewer.userId === user.id);
}
