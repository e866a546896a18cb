import type { User } from './user.entity.js';

// Users returned by sign-in and token refresh, whose caller has no access token yet but is the
// user itself.
const signedInViews = new WeakSet<User>();

export function asSignedInView(user: User): User {
  signedInViews.add(user);
  return user;
}

/** Whether a user is the answer of a sign-in: its caller is the user itself. */
export function isSignedInView(user: unknown): boolean {
  return typeof user === 'object' && user !== null && signedInViews.has(user as User);
}
