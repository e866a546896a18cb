import { useSyncExternalStore } from 'react';
import { session, type SessionState, type SessionUser } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(
    (cb) => session.subscribe(cb),
    () => session.current,
  );
}

/** The signed-in user; only inside pages behind RequireRole. */
export function useUser(): SessionUser {
  const state = useSession();
  if (state.status !== 'signedIn') throw new Error('not signed in');
  return state.user;
}
