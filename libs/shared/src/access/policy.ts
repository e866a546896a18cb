import { type Actor, ALL_ROLES, Role } from '../roles.js';
import { AS_PARENT, type Reach } from './reach.js';

/** A caller without an access token: only the answers of sign-in and token refresh. */
export const ANONYMOUS = 'ANONYMOUS';
export type Audience = Role | typeof ANONYMOUS;
export const AUDIENCES: readonly Audience[] = [...ALL_ROLES, ANONYMOUS];

export function audienceOf(actor: Actor | undefined): Audience {
  return actor?.role ?? ANONYMOUS;
}

/** Fields of a type read by the same audiences, named for the table of who reads what. */
export interface FieldGroup {
  group: string;
  fields: string[];
  readers: readonly Audience[];
}

/**
 * What a lib says about one of the GraphQL types it defines or extends: which rows each
 * audience reaches, and who reads each field. A lib that adds fields to another lib's type
 * (space adds `Tenant.leases`) declares those fields, and may give an audience its reach.
 */
export interface PolicySpec {
  rows?: Partial<Record<Audience, Reach>>;
  fields?: FieldGroup[];
}

interface FieldRule {
  group: string;
  readers: ReadonlySet<Audience>;
}

interface TypeRules {
  rows: Map<Audience, Reach>;
  fields: Map<string, FieldRule>;
  groups: FieldGroup[];
}

const registry = new Map<string, TypeRules>();

/**
 * Adds a type's rules to the one policy. A field or an audience's reach declared twice is a
 * mistake that would make the answer depend on load order, so it stops the start.
 */
export function definePolicy(type: string, spec: PolicySpec): void {
  let rules = registry.get(type);
  if (!rules) {
    rules = { rows: new Map(), fields: new Map(), groups: [] };
    registry.set(type, rules);
  }
  for (const [audience, reach] of Object.entries(spec.rows ?? {}) as [Audience, Reach][]) {
    if (rules.rows.has(audience) && rules.rows.get(audience) !== reach) {
      throw new Error(`The access policy gives ${audience} two reaches of ${type}`);
    }
    rules.rows.set(audience, reach);
  }
  for (const group of spec.fields ?? []) {
    for (const field of group.fields) {
      if (rules.fields.has(field)) {
        throw new Error(`The access policy names ${type}.${field} twice`);
      }
      rules.fields.set(field, { group: group.group, readers: new Set(group.readers) });
    }
    rules.groups.push(group);
  }
}

/** `XConnection` and `XEdge`: read by those who read X, as their parent shows them. */
export function defineConnectionPolicy(node: string, readers: readonly Audience[]): void {
  definePolicy(`${node}Connection`, {
    rows: reaching(readers, AS_PARENT),
    fields: [{ group: 'page', fields: ['edges', 'pageInfo', 'totalCount'], readers }],
  });
  definePolicy(`${node}Edge`, {
    rows: reaching(readers, AS_PARENT),
    fields: [{ group: 'edge', fields: ['cursor', 'node'], readers }],
  });
}

export function reachOf(type: string, audience: Audience): Reach | undefined {
  return registry.get(type)?.rows.get(audience);
}

/** Whether the type has rules at all: a type without them is read by no one. */
export function hasPolicy(type: string): boolean {
  return registry.has(type);
}

export function fieldReaders(type: string, field: string): ReadonlySet<Audience> | undefined {
  return registry.get(type)?.fields.get(field)?.readers;
}

/** The whole policy, for the walk over the schema and the README's table. */
export function policyEntries(): {
  type: string;
  rows: [Audience, Reach][];
  fields: Map<string, FieldRule>;
  groups: FieldGroup[];
}[] {
  return [...registry.entries()].map(([type, r]) => ({
    type,
    rows: [...r.rows.entries()],
    fields: r.fields,
    groups: r.groups,
  }));
}

/** The same reach for several audiences: `rows: { ...reaching(COMMITTEE_ROLES, EVERY_ROW) }`. */
export function reaching(
  audiences: readonly Audience[],
  reach: Reach,
): Partial<Record<Audience, Reach>> {
  return Object.fromEntries(audiences.map((a) => [a, reach]));
}
