import { AsyncLocalStorage } from 'node:async_hooks';

/** What travels with one request without being passed by hand: its id for logs and audit. */
export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
