import { ServiceRequestStatus as S } from './service-request-status.enum.js';

/**
 * The moves a request may make: OPEN → ASSIGNED → IN_PROGRESS → RESOLVED → CLOSED; any status
 * before RESOLVED → CANCELLED; RESOLVED → IN_PROGRESS reopens. Nothing else.
 */
export const NEXT_STATUSES: Readonly<Record<S, readonly S[]>> = {
  [S.OPEN]: [S.ASSIGNED, S.CANCELLED],
  [S.ASSIGNED]: [S.IN_PROGRESS, S.CANCELLED],
  [S.IN_PROGRESS]: [S.RESOLVED, S.CANCELLED],
  [S.RESOLVED]: [S.CLOSED, S.IN_PROGRESS],
  [S.CLOSED]: [],
  [S.CANCELLED]: [],
};

export function canMove(from: S, to: S): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** Why a request cannot move from one status to another, or null when it can. */
export function moveRefusal(from: S, to: S): string | null {
  if (canMove(from, to)) return null;
  if (from === to) return `The request is already ${from}`;
  const next = NEXT_STATUSES[from];
  return next.length
    ? `A ${from} request can move only to ${next.join(' or ')}, not to ${to}`
    : `A ${from} request is final and cannot move to ${to}`;
}
