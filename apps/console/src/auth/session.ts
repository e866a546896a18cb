import { print } from 'graphql';
import { graphql } from '../gql';
import type { SessionUserFragment } from '../gql/graphql';
import { explainErrors, type ExplainedError, type GraphQLErrorLike } from '../lib/api-errors';
import { isStale, refreshDelayMs } from './refresh-timing';

/**
 * The signed-in session of this browser tab.
 *
 * The access token lives in memory only: a script of another origin cannot read it, and a
 * script injected into this page would find it only while the page is open. The single-use
 * refresh token is kept in sessionStorage, so a reload of the tab keeps the user signed in,
 * another tab does not share it, and closing the tab ends it. Each refresh spends the old
 * refresh token and stores the new one; a refresh token used twice revokes its whole sign-in on
 * the server, which is what makes a stolen copy worthless once the tab has used it.
 */

export const SessionUserFields = graphql(`
  fragment SessionUser on User {
    id
    email
    displayName
    role
    locale
    tenantId
    serviceProviderId
    tenant {
      id
      name
    }
  }
`);

const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      expiresAt
      refreshToken
      user {
        ...SessionUser
      }
    }
  }
`);

const REFRESH = graphql(`
  mutation Refresh($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      accessToken
      expiresAt
      refreshToken
      user {
        ...SessionUser
      }
    }
  }
`);

const LOGOUT = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

const REFRESH_KEY = 'jcv.refreshToken';
/** Set when a session ended without the user signing out, so a reload still says why. */
const ENDED_KEY = 'jcv.sessionExpired';
export const GRAPHQL_URL = '/graphql';

export type SessionUser = SessionUserFragment;

interface Tokens {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  user: SessionUser;
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason: 'expired' | 'signedOut' | null }
  | { status: 'signedIn'; user: SessionUser };

export class SignInError extends Error {
  constructor(readonly explained: ExplainedError) {
    super(explained.message ?? explained.code);
  }
}

async function post<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new SignInError({ code: 'NETWORK', message: null, fields: [] });
  }
  let body: { data?: T | null; errors?: GraphQLErrorLike[] };
  try {
    body = await response.json();
  } catch {
    throw new SignInError({ code: 'NETWORK', message: null, fields: [] });
  }
  if (body.errors?.length || !body.data) throw new SignInError(explainErrors(body.errors ?? []));
  return body.data;
}

type Listener = (state: SessionState) => void;

class Session {
  private tokens: Tokens | null = null;
  private state: SessionState = { status: 'restoring' };
  private listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refreshing: Promise<boolean> | null = null;

  get current(): SessionState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: SessionState) {
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  private store(tokens: Tokens) {
    this.tokens = tokens;
    try {
      sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
      sessionStorage.removeItem(ENDED_KEY);
    } catch {
      // Storage refused (private mode): the session lasts as long as the page.
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), refreshDelayMs(tokens.expiresAt));
    this.set({ status: 'signedIn', user: tokens.user });
  }

  private clear(reason: 'expired' | 'signedOut' | null) {
    this.tokens = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      sessionStorage.removeItem(REFRESH_KEY);
      if (reason === 'expired') sessionStorage.setItem(ENDED_KEY, '1');
      else sessionStorage.removeItem(ENDED_KEY);
    } catch {
      // nothing kept
    }
    this.set({ status: 'signedOut', reason });
  }

  /** On page load: a refresh token kept by this tab signs the user in again. */
  async restore(): Promise<void> {
    let kept: string | null;
    let expired = false;
    try {
      kept = sessionStorage.getItem(REFRESH_KEY);
      expired = sessionStorage.getItem(ENDED_KEY) !== null;
    } catch {
      kept = null;
    }
    // A session that ended on its own (before this reload, or now) is said so at sign-in.
    if (!kept) return this.clear(expired ? 'expired' : null);
    const outcome = await this.refreshWith(kept);
    if (outcome !== 'ok') this.clear(outcome === 'refused' ? 'expired' : null);
  }

  async signIn(email: string, password: string): Promise<SessionUser> {
    const data = await post<{ login: Tokens }>(print(LOGIN), { input: { email, password } });
    this.store(data.login);
    return data.login.user;
  }

  async signOut(): Promise<void> {
    const refreshToken = this.tokens?.refreshToken;
    this.clear('signedOut');
    if (refreshToken) {
      try {
        await post(print(LOGOUT), { refreshToken });
      } catch {
        // Signed out here either way; the server's sign-in then lapses with its refresh token.
      }
    }
  }

  /** Replaces the signed-in user's data (after setLocale, say). */
  updateUser(user: SessionUser) {
    if (!this.tokens) return;
    this.tokens = { ...this.tokens, user };
    this.set({ status: 'signedIn', user });
  }

  private async refreshWith(refreshToken: string): Promise<'ok' | 'refused' | 'network'> {
    try {
      const data = await post<{ refreshToken: Tokens }>(print(REFRESH), { refreshToken });
      this.store(data.refreshToken);
      return 'ok';
    } catch (err) {
      return err instanceof SignInError && err.explained.code === 'NETWORK' ? 'network' : 'refused';
    }
  }

  /**
   * Exchanges the refresh token for new tokens, once at a time: concurrent callers share one
   * exchange, since the refresh token is single use. A refused refresh ends the session with the
   * reason 'expired', which sends the user to /login with a message; a network failure keeps
   * the session and tries again a few seconds later.
   */
  refresh(): Promise<boolean> {
    if (this.refreshing) return this.refreshing;
    const refreshToken = this.tokens?.refreshToken;
    if (!refreshToken) return Promise.resolve(false);
    this.refreshing = this.refreshWith(refreshToken)
      .then((outcome) => {
        if (outcome === 'refused') this.clear('expired');
        if (outcome === 'network') {
          if (this.timer) clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.refresh(), 5_000);
        }
        return outcome === 'ok';
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** A token fit to send, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.refreshing) await this.refreshing;
    if (!this.tokens) return null;
    if (isStale(this.tokens.expiresAt)) {
      const ok = await this.refresh();
      if (!ok) return null;
    }
    return this.tokens?.accessToken ?? null;
  }

  /** The API refused the token (the account was deactivated, say): try once to refresh. */
  async rejected(): Promise<boolean> {
    if (!this.tokens) return false;
    return this.refresh();
  }
}

export const session = new Session();
