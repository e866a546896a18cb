import type { ApolloServerPlugin } from '@apollo/server';
import { recentWriters, type RecentWriters } from '@jcv/database';
import { requestContext } from '@jcv/shared';

interface Context {
  req?: { user?: { userId?: unknown } };
}

function actorOf(context: Context): string | undefined {
  const id = context.req?.user?.userId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Tells the data source which operations may read from a replica: a query may (its reads
 * outside a transaction), a mutation never. When a mutation ends, its user is remembered as a
 * recent writer, so that user's reads stay on the primary for REPLICA_STICKY_SECONDS.
 */
export function replicaReadsPlugin(
  stickySeconds: number,
  writers: RecentWriters = recentWriters,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const store = requestContext.getStore();
          if (!store) return;
          store.readOnly = operation?.operation === 'query';
          store.actorId = () => actorOf(contextValue);
        },
        // After the resolvers: a mutation's transactions have committed (or rolled back).
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const actor = actorOf(contextValue);
          if (actor) writers.mark(actor, stickySeconds);
        },
      };
    },
  };
}
