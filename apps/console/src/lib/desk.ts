import type { Role, ServiceCategory, ServiceRequestStatus } from '../gql/graphql';
import { isLate, REQUEST_STATUSES, SERVICE_CATEGORIES, statusMoves } from './service-requests';

/**
 * The service desk's board (domain.md, "Service requests"; libs/service-desk): one column per
 * status, the moves the desk may make from each, and the providers a request may be given to.
 * The state machine itself is lib/service-requests.ts's; this module says what the desk's roles
 * (ADMIN, SERVICE_DESK) do with it.
 */

type S = ServiceRequestStatus;

/** The roles of the service desk: assignServiceRequest and updateServiceRequestStatus. */
export const DESK_ROLES: readonly Role[] = ['ADMIN', 'SERVICE_DESK'];

/** The board's columns, in the order a request goes through them. */
export const BOARD_COLUMNS: readonly S[] = REQUEST_STATUSES;

/** A move the desk may make: give the request to a provider, or change its status. */
export type DeskMove =
  | { kind: 'assign' }
  | { kind: 'reassign' }
  | { kind: 'status'; to: S; reopen: boolean; cancel: boolean };

/**
 * The desk's moves from a status: OPEN is assigned (never moved to ASSIGNED by a status change)
 * or cancelled; an ASSIGNED request may go to another provider, start or be cancelled;
 * IN_PROGRESS resolves or is cancelled; RESOLVED closes or reopens; CLOSED and CANCELLED are
 * final. A role outside the desk makes none.
 */
export function deskMoves(role: Role, status: S): DeskMove[] {
  if (!DESK_ROLES.includes(role)) return [];
  const moves: DeskMove[] = [];
  if (status === 'OPEN') moves.push({ kind: 'assign' });
  if (status === 'ASSIGNED') moves.push({ kind: 'reassign' });
  for (const to of statusMoves(role, status)) {
    moves.push({
      kind: 'status',
      to,
      reopen: status === 'RESOLVED' && to === 'IN_PROGRESS',
      cancel: to === 'CANCELLED',
    });
  }
  return moves;
}

/**
 * The move that takes a request to the next column of the board (OPEN → ASSIGNED by assigning,
 * then IN_PROGRESS, RESOLVED, CLOSED), or null from a final status.
 */
export function forwardMove(role: Role, status: S): DeskMove | null {
  const moves = deskMoves(role, status);
  if (status === 'OPEN') return moves.find((m) => m.kind === 'assign') ?? null;
  return moves.find((m) => m.kind === 'status' && !m.cancel && !m.reopen) ?? null;
}

/** The column a move leads to. */
export function moveTarget(move: DeskMove): S {
  return move.kind === 'status' ? move.to : 'ASSIGNED';
}

interface ProviderLike {
  id: string;
  name: string;
  categories: readonly ServiceCategory[];
}

/**
 * The providers a request of `category` may be given to: those that serve it (the API refuses
 * any other), by name, without the one it is already assigned to.
 */
export function providersFor<P extends ProviderLike>(
  providers: readonly P[],
  category: ServiceCategory,
  currentId?: string | null,
): P[] {
  return providers
    .filter((p) => p.categories.includes(category) && p.id !== currentId)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The categories no provider serves: requests of these cannot be assigned. */
export function uncoveredCategories(
  providers: readonly { categories: readonly ServiceCategory[] }[],
): ServiceCategory[] {
  return SERVICE_CATEGORIES.filter((c) => !providers.some((p) => p.categories.includes(c)));
}

/** Statuses in which a request is with its provider: what counts as its workload. */
const ACTIVE: readonly S[] = ['ASSIGNED', 'IN_PROGRESS'];

/** Per provider, how many requests it has in hand (ASSIGNED or IN_PROGRESS). */
export function workload(
  requests: readonly { status: S; assignee?: { id: string } | null }[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of requests) {
    if (!r.assignee || !ACTIVE.includes(r.status)) continue;
    out.set(r.assignee.id, (out.get(r.assignee.id) ?? 0) + 1);
  }
  return out;
}

/** Statuses that no longer wait for anyone: their columns keep the newest first. */
const FINAL: readonly S[] = ['RESOLVED', 'CLOSED', 'CANCELLED'];

interface RequestLike {
  id: string;
  status: S;
  category: ServiceCategory;
  dueAt: string;
  createdAt: string;
}

export interface BoardFilter {
  category?: ServiceCategory | '' | null;
  /** Only requests past their dueAt that still wait. */
  lateOnly?: boolean;
}

/**
 * The board: every status's column with its requests. Columns that wait for someone (OPEN,
 * ASSIGNED, IN_PROGRESS) put the one due soonest first; the others keep the newest first.
 */
export function boardColumns<R extends RequestLike>(
  requests: readonly R[],
  filter: BoardFilter = {},
  now: Date = new Date(),
): { status: S; requests: R[] }[] {
  const shown = requests.filter(
    (r) =>
      (!filter.category || r.category === filter.category) && (!filter.lateOnly || isLate(r, now)),
  );
  return BOARD_COLUMNS.map((status) => {
    const list = shown.filter((r) => r.status === status);
    if (FINAL.includes(status)) {
      list.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    } else {
      list.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    }
    return { status, requests: list };
  });
}

/** A request's response time as the card shows it. */
export type DueState = 'late' | 'soon' | 'due' | 'done';

/** Hours before dueAt from which a waiting request is "due soon". */
export const DUE_SOON_HOURS = 12;

export function dueState(request: { status: S; dueAt: string }, now: Date = new Date()): DueState {
  if (FINAL.includes(request.status)) return 'done';
  if (isLate(request, now)) return 'late';
  const left = Date.parse(request.dueAt) - now.getTime();
  return left <= DUE_SOON_HOURS * 3600_000 ? 'soon' : 'due';
}

/** Whether a provider form's name and categories can be sent (the API checks the name's uniqueness). */
export function providerProblems(values: {
  name?: string | null;
  categories?: readonly ServiceCategory[] | null;
}): { name?: 'required' | 'long'; categories?: 'required' } {
  const out: { name?: 'required' | 'long'; categories?: 'required' } = {};
  const name = (values.name ?? '').trim();
  if (!name) out.name = 'required';
  else if (name.length > 200) out.name = 'long';
  if (!values.categories?.length) out.categories = 'required';
  return out;
}
