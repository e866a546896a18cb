import { type Actor, ForbiddenError, isTenantUser, Role } from '@jcv/shared';

/**
 * The requests the caller reaches: a firm's user its firm's, a provider those assigned to it,
 * the committee all (null: no limit).
 */
export function requestScope(actor: Actor): { tenantId: string } | { assigneeId: string } | null {
  if (actor.role === Role.SERVICE_PROVIDER) {
    if (!actor.serviceProviderId) throw unreachableRequest(actor);
    return { assigneeId: actor.serviceProviderId };
  }
  if (isTenantUser(actor)) {
    if (!actor.tenantId) throw unreachableRequest(actor);
    return { tenantId: actor.tenantId };
  }
  return null;
}

/**
 * The one answer for a request outside the caller's scope, whether or not it exists, so that
 * ids cannot be probed.
 */
export function unreachableRequest(actor: Actor): ForbiddenError {
  return new ForbiddenError(
    actor.role === Role.SERVICE_PROVIDER
      ? 'A provider can only reach the requests assigned to it'
      : 'A firm can only reach its own data',
  );
}
