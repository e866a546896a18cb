import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { Observable } from 'rxjs';
import { GRAPHQL_URL, session } from './auth/session';

/**
 * The console's GraphQL client. Each request carries a fresh access token (refreshed ahead of
 * its expiry by the session); a request the API refuses as UNAUTHENTICATED (the account was
 * changed since the token was issued) refreshes once and is sent again, and a session that
 * cannot refresh ends, which sends the user to /login.
 */
const auth = new SetContextLink(async (prev) => {
  const token = await session.accessToken();
  return {
    headers: {
      ...(prev.headers as Record<string, string> | undefined),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  };
});

const retryOnce = new ErrorLink(({ error, operation, forward }) => {
  if (!CombinedGraphQLErrors.is(error)) return;
  if (!error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return;
  if (operation.getContext().retriedAuth) return;
  return new Observable<ApolloLink.Result>((observer) => {
    session.rejected().then(
      (ok) => {
        if (!ok) {
          observer.error(error);
          return;
        }
        operation.setContext({ retriedAuth: true });
        forward(operation).subscribe(observer);
      },
      (err) => observer.error(err),
    );
  });
});

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([retryOnce, auth, new HttpLink({ uri: GRAPHQL_URL })]),
  cache: new InMemoryCache(),
  defaultOptions: {
    watchQuery: { fetchPolicy: 'cache-and-network' },
  },
});
