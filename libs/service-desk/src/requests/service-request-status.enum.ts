import { registerEnumType } from '@nestjs/graphql';

export enum ServiceRequestStatus {
  OPEN = 'OPEN',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ServiceRequestStatus, { name: 'ServiceRequestStatus' });

/** Statuses in which a request no longer waits for anyone. */
export const DONE_STATUSES = [
  ServiceRequestStatus.RESOLVED,
  ServiceRequestStatus.CLOSED,
  ServiceRequestStatus.CANCELLED,
];

/** Statuses in which the firm may rate the outcome. */
export const RATEABLE_STATUSES = [ServiceRequestStatus.RESOLVED, ServiceRequestStatus.CLOSED];
