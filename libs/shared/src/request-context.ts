import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What travels with one request without being passed by hand: its id for logs and audit, and
 * the number of SQL statements it has sent (counted only when SQL_STATEMENT_COUNT is on).
 */
export interface RequestContext {
  requestId: string;
  sqlStatements: number;
  /**
   * Set for a GraphQL query (never a mutation): its reads outside a transaction may be answered
   * by a replica. Unset, every statement goes to the primary.
   */
  readOnly?: boolean;
  /** Who is asking, read when a statement is sent (the access guard learns it mid-request). */
  actorId?: () => string | undefined;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

const primaryOnly = new AsyncLocalStorage<true>();

/**
 * Runs `work` with every statement it sends on the primary, even inside a query: for reads
 * that must see the latest commit of anyone (a revoked sign-in, a deactivated account).
 */
export function onPrimary<T>(work: () => Promise<T>): Promise<T> {
  return primaryOnly.run(true, work);
}

/** Whether the statement about to be sent may go to a replica (see RequestContext.readOnly). */
export function replicaReadAllowed(): { actorId: string | undefined } | null {
  const store = requestContext.getStore();
  if (!store?.readOnly || primaryOnly.getStore()) return null;
  return { actorId: store.actorId?.() };
}
