import type { Role, ServiceCategory, ServiceRequestStatus } from '../gql/graphql.js';

/**
 * The service request state machine as the API runs it (libs/service-desk, status-machine.ts and
 * the workflow service; domain.md, "Service requests"), and which of its moves each role may make
 * through the console. The pages offer exactly these moves and nothing else.
 */

type S = ServiceRequestStatus;

/** The statuses in the order a request goes through them. */
export const REQUEST_STATUSES: readonly S[] = [
  'OPEN',
  'ASSIGNED',
  'IN_PROGRESS',
  'RESOLVED',
  'CLOSED',
  'CANCELLED',
];

export const SERVICE_CATEGORIES: readonly ServiceCategory[] = [
  'IP_PATENT',
  'FINANCING',
  'TECH_TRANSFER',
  'LEGAL',
  'HR_TALENT',
  'FACILITY',
  'SCENARIO_ASSESSMENT',
  'OTHER',
];

/**
 * OPEN → ASSIGNED → IN_PROGRESS → RESOLVED → CLOSED; any status before RESOLVED → CANCELLED;
 * RESOLVED → IN_PROGRESS reopens. Nothing else.
 */
export const NEXT_STATUSES: Readonly<Record<S, readonly S[]>> = {
  OPEN: ['ASSIGNED', 'CANCELLED'],
  ASSIGNED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['RESOLVED', 'CANCELLED'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
  CANCELLED: [],
};

export function canMove(from: S, to: S): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** The roles that may call updateServiceRequestStatus (a provider on the requests assigned to it). */
const MOVERS: readonly Role[] = ['ADMIN', 'SERVICE_DESK', 'SERVICE_PROVIDER'];

/**
 * The statuses `role` may move a request in `status` to with updateServiceRequestStatus. A
 * request becomes ASSIGNED only by assignServiceRequest (the service desk's), never by a status
 * change; a firm moves none (it opens and rates), and a provider sees only the requests assigned
 * to it, so never an OPEN one.
 */
export function statusMoves(role: Role, status: S): S[] {
  if (!MOVERS.includes(role)) return [];
  if (role === 'SERVICE_PROVIDER' && status === 'OPEN') return [];
  return NEXT_STATUSES[status].filter((to) => !(status === 'OPEN' && to === 'ASSIGNED'));
}

/** Whether a move reopens a resolved request (which clears its rating). */
export function isReopening(from: S, to: S): boolean {
  return from === 'RESOLVED' && to === 'IN_PROGRESS';
}

/** Statuses in which the firm may rate the outcome. */
export const RATEABLE_STATUSES: readonly S[] = ['RESOLVED', 'CLOSED'];

/** Statuses in which a request no longer waits for anyone. */
export const DONE_STATUSES: readonly S[] = ['RESOLVED', 'CLOSED', 'CANCELLED'];

/** The firm's administrator rates each resolution once, when it is RESOLVED or CLOSED. */
export function mayRate(role: Role, request: { status: S; rating?: number | null }): boolean {
  return (
    role === 'TENANT_ADMIN' &&
    RATEABLE_STATUSES.includes(request.status) &&
    (request.rating === null || request.rating === undefined)
  );
}

/** The ratings the API takes: whole numbers 1 to 5. */
export const RATINGS = [1, 2, 3, 4, 5] as const;

export function isRating(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Whether a request is past its dueAt and still waits for someone, at `now`. */
export function isLate(request: { status: S; dueAt: string }, now: Date = new Date()): boolean {
  return !DONE_STATUSES.includes(request.status) && Date.parse(request.dueAt) < now.getTime();
}

/** The colour a status is shown in (a tone of the console's palette, see the pages' styles). */
export type Tone = 'amber' | 'blue' | 'indigo' | 'green' | 'teal' | 'red' | 'gray';

export const REQUEST_TONES: Readonly<Record<S, Tone>> = {
  OPEN: 'amber',
  ASSIGNED: 'blue',
  IN_PROGRESS: 'indigo',
  RESOLVED: 'green',
  CLOSED: 'teal',
  CANCELLED: 'gray',
};

/** Limits of the API's inputs (open-service-request.input.ts, service-requests.args.ts). */
export const LIMITS = { title: 200, description: 5000, note: 2000, comment: 2000 } as const;
