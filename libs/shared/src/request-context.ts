import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What travels with one request without being passed by hand: its id for logs and audit, and
 * the number of SQL statements it has sent (counted only when SQL_STATEMENT_COUNT is on).
 */
export interface RequestContext {
  requestId: string;
  sqlStatements: number;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
