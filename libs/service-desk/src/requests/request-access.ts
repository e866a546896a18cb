import { type Actor, assertTenantAccess, ForbiddenError, Role } from '@jcv/shared';
import type { ServiceRequest } from './service-request.entity.js';

/** A firm reaches its own requests, a provider those assigned to it, the committee all. */
export function assertRequestAccess(actor: Actor, request: ServiceRequest): void {
  if (actor.role === Role.SERVICE_PROVIDER) {
    if (!actor.serviceProviderId || request.assigneeId !== actor.serviceProviderId) {
      throw new ForbiddenError('A provider can only reach the requests assigned to it');
    }
    return;
  }
  assertTenantAccess(actor, request.tenantId);
}
