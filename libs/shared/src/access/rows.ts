import { ForbiddenError, NotFoundError } from '../errors.js';
import { type Actor, isTenantUser, Role } from '../roles.js';
import { audienceOf, reachOf } from './policy.js';
import type { Condition } from './reach.js';
import { isUuid } from '../ids.js';

const NO_ROW: Condition = { sql: 'false', params: {} };

/**
 * The one answer to a firm's user or a provider asking for what is outside its reach, whether
 * or not it exists, so that ids cannot be probed.
 */
export function outOfReach(actor: Actor | undefined): ForbiddenError {
  if (actor?.role === Role.SERVICE_PROVIDER) {
    return new ForbiddenError('A provider can only reach the requests assigned to it');
  }
  if (actor && isTenantUser(actor)) return new ForbiddenError('A firm can only reach its own data');
  return new ForbiddenError(`${actor?.role ?? 'A caller who is not signed in'} may not read this`);
}

/** Whether the caller reaches every row of the type (the committee, for what it reads). */
export function reachesEveryRow(actor: Actor | undefined, type: string): boolean {
  return !!reachOf(type, audienceOf(actor))?.all;
}

/**
 * The condition that limits a list or look-up of `type` (aliased `alias`) to the caller's rows:
 * null for every row, `false` for a caller who reaches none or reaches rows only through edges.
 */
export function reachCondition(
  actor: Actor | undefined,
  type: string,
  alias: string,
): Condition | null {
  const reach = reachOf(type, audienceOf(actor));
  if (!reach) return NO_ROW;
  if (reach.all) return null;
  if (!reach.where || !actor) return NO_ROW;
  return reach.where(alias, actor);
}

/** Adds the caller's reach to a query builder. */
export function applyReach<Q extends { andWhere(sql: string, params?: object): unknown }>(
  qb: Q,
  actor: Actor | undefined,
  type: string,
  alias: string,
): Q {
  const condition = reachCondition(actor, type, alias);
  if (condition) qb.andWhere(condition.sql, condition.params);
  return qb;
}

/** A key of the caller's reach of a type, for the name of a loader whose SQL depends on it. */
export function reachKey(actor: Actor | undefined, type: string): string {
  if (reachesEveryRow(actor, type)) return 'every';
  return `${audienceOf(actor)}:${actor?.tenantId ?? ''}:${actor?.serviceProviderId ?? ''}`;
}

/**
 * Whether a row in hand is in the caller's reach: by the row itself, or by the edge (`Type.field`)
 * it came through.
 */
export function rowInReach(
  actor: Actor | undefined,
  type: string,
  row: unknown,
  edge?: string,
): boolean {
  const reach = reachOf(type, audienceOf(actor));
  if (!reach) return false;
  if (reach.holds) return reach.holds(row, actor);
  return !!edge && !!reach.through?.includes(edge);
}

/** Refuses a row named in an input (a firm's id) that is outside the caller's reach. */
export function assertInReach(actor: Actor | undefined, type: string, row: unknown): void {
  if (!rowInReach(actor, type, row)) throw outOfReach(actor);
}

/**
 * A record looked up by id, the look-up already limited to the caller's reach: found, it is
 * returned; missing, a caller who reaches every row is told null (so that the operation may
 * answer null or NOT_FOUND), any other caller gets FORBIDDEN, as for a record out of reach.
 */
export function recordInReach<T>(
  actor: Actor | undefined,
  type: string,
  row: T | null | undefined,
): T | null {
  if (row) return row;
  if (reachesEveryRow(actor, type)) return null;
  throw outOfReach(actor);
}

/**
 * A record by id as a single-record query answers it: the row if the caller reaches it, else
 * FORBIDDEN to a firm or provider (also for an id that does not exist) and null to the committee.
 */
export async function findInReach<T>(
  qb: { where(sql: string, params: object): ReachQuery<T> },
  actor: Actor | undefined,
  type: string,
  alias: string,
  id: string,
): Promise<T | null> {
  const row = isUuid(id)
    ? await applyReach(qb.where(`${alias}.id = :id`, { id }), actor, type, alias).getOne()
    : null;
  return recordInReach(actor, type, row);
}

interface ReachQuery<T> {
  andWhere(sql: string, params?: object): unknown;
  getOne(): Promise<T | null>;
}

/** As recordInReach, for an operation on the record: missing is NOT_FOUND to the committee. */
export function requireRecord<T>(
  actor: Actor | undefined,
  type: string,
  row: T | null | undefined,
  id: string,
): T {
  const found = recordInReach(actor, type, row);
  if (!found) throw new NotFoundError(type, id);
  return found;
}
