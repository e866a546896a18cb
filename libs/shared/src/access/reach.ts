import type { Actor } from '../roles.js';

/** A SQL condition over one table, with its named parameters (TypeORM's `:name` style). */
export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Which rows of a type a caller reaches. A reach says it in SQL, for lists and look-ups that
 * page and count (`where`), and for rows already in hand: either by looking at the row
 * (`holds`), or by naming the edges (`Type.field`) whose rows are in reach by construction: a
 * loader scoped by `where`, or a parent that is itself in reach (`through`). A row that none of
 * them vouches for is out of reach: a forgotten rule hides data rather than showing it.
 */
export interface Reach {
  /** How the README's table of who reads what names it. */
  readonly name: string;
  /** Every row: no condition. */
  readonly all?: true;
  /** A row of a part (an edge, a history entry), shown only under a parent already checked. */
  readonly part?: true;
  where?(alias: string, actor: Actor): Condition;
  holds?(row: unknown, actor: Actor | undefined): boolean;
  readonly through?: readonly string[];
}

const field = (row: unknown, key: string): unknown =>
  typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[key] : undefined;

export const EVERY_ROW: Reach = { name: 'every row', all: true, holds: () => true };

/** Connections, edges, page info, history entries: what the parent shows. */
export const AS_PARENT: Reach = { name: 'as its parent', part: true, holds: () => true };

/** The rows of the caller's own firm; `column`/`key` name the firm's id in SQL and on the row. */
export function ownFirm(column = 'tenant_id', key = 'tenantId'): Reach {
  return {
    name: 'own firm',
    where: (alias, actor) => ({
      sql: `${alias}.${column} = :reachTenantId`,
      params: { reachTenantId: actor.tenantId },
    }),
    holds: (row, actor) => !!actor?.tenantId && field(row, key) === actor.tenantId,
  };
}

/** The rows assigned to the caller's service provider. */
export function assignedToMe(column = 'assignee_id', key = 'assigneeId'): Reach {
  return {
    name: 'assigned to me',
    where: (alias, actor) => ({
      sql: `${alias}.${column} = :reachProviderId`,
      params: { reachProviderId: actor.serviceProviderId },
    }),
    holds: (row, actor) =>
      !!actor?.serviceProviderId && field(row, key) === actor.serviceProviderId,
  };
}

/** Rows reached only through the given edges (`Type.field`), never listed on their own. */
export function through(name: string, edges: string[]): Reach {
  return { name, through: edges };
}
