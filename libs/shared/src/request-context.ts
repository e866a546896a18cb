import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';

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

/**
 * The request id of a synchronous piece of work that knows its request but runs outside the
 * request context (an error of a query being logged; see withRequestId).
 */
let synchronousRequestId: string | undefined;

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId ?? synchronousRequestId;
}

/** Runs synchronous `work` (a log line) with `requestId` as the current request id. */
export function withRequestId<T>(requestId: string | undefined, work: () => T): T {
  const before = synchronousRequestId;
  synchronousRequestId = requestId;
  try {
    return work();
  } finally {
    synchronousRequestId = before;
  }
}

/**
 * How many requests are inside a context entered by enterRequestContext. An AsyncLocalStorage
 * that has been entered once makes Node run its hooks on every promise of the process from then
 * on, whatever request the promise belongs to (a quarter of the CPU time of a small query): when
 * the last such request has ended, the storage is disabled, so the hooks run only while a
 * request that needs its context is in flight.
 */
let entered = 0;

function leaveRequestContext() {
  if (--entered === 0) requestContext.disable();
}

/**
 * Runs `next` in a request context of its own that is given up when the response is done, for a
 * server that enters the context only for the requests that need it (see
 * requestIdDeferringContext in @jcv/logging); a server that enters it for every request uses
 * requestContext.run and keeps it enabled. Done is when the response has closed after being
 * sent, or, for a caller that went away first, when the work ends it after all (a mutation goes
 * on, and its audit events still carry the id).
 */
export function enterRequestContext(
  requestId: string,
  response: ServerResponse,
  next: () => void,
): void {
  entered++;
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    leaveRequestContext();
  };
  response.once('close', () => {
    if (response.writableFinished) return leave();
    const end = response.end;
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      leave();
      return Reflect.apply(end, this, args);
    } as ServerResponse['end'];
  });
  requestContext.run({ requestId, sqlStatements: 0 }, next);
}

const primaryOnly = new AsyncLocalStorage<true>();

/**
 * Runs `work` with every statement it sends on the primary, even inside a query: for reads
 * that must see the latest commit of anyone (a revoked sign-in, a deactivated account).
 */
export function onPrimary<T>(work: () => Promise<T>): Promise<T> {
  // Outside a query that may read from a replica every statement is on the primary already; the
  // storage is then left alone (entering it would start its promise hooks, see above).
  if (!requestContext.getStore()?.readOnly) return work();
  return primaryOnly.run(true, work);
}

/** Whether the statement about to be sent may go to a replica (see RequestContext.readOnly). */
export function replicaReadAllowed(): { actorId: string | undefined } | null {
  const store = requestContext.getStore();
  if (!store?.readOnly || primaryOnly.getStore()) return null;
  return { actorId: store.actorId?.() };
}
