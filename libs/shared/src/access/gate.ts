import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  getNullableType,
  getNamedType,
  type GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { ForbiddenError } from '../errors.js';
import type { Actor } from '../roles.js';
import { audienceOf, fieldReaders, reachOf } from './policy.js';
import { outOfReach, rowInReach } from './rows.js';

interface GateContext {
  req?: { user?: Actor };
}

function fieldRefused(actor: Actor | undefined, edge: string): ForbiddenError {
  return new ForbiddenError(
    `${actor?.role ?? 'A caller who is not signed in'} may not read ${edge}`,
  );
}

/**
 * Puts every field of the schema behind the access policy, so that root operations and every
 * edge of the graph give one answer:
 * - a field of an object type is read only by the audiences its rule names (FORBIDDEN
 *   otherwise, before its resolver runs); root operations are gated by `@Roles` instead;
 * - what a field returns of a type with row rules is limited to the caller's reach: a list
 *   keeps the caller's rows only; a single record out of reach is null on a nullable edge (as
 *   when there is none) and FORBIDDEN on a root query or a non-null edge.
 * A mutation's own answer is the record it wrote, already limited by the operation's rules;
 * the fields below it are gated like any other.
 */
export function applyAccessPolicy(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType()?.name;
  const mutation = schema.getMutationType()?.name;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = type.name === query || type.name === mutation;
    for (const field of Object.values(type.getFields())) {
      field.resolve = gated(type.name, field, root, type.name === mutation);
    }
  }
  return schema;
}

function gated(
  parent: string,
  field: GraphQLField<unknown, GateContext>,
  root: boolean,
  mutation: boolean,
): GraphQLFieldResolver<unknown, GateContext> {
  const resolve = field.resolve ?? defaultFieldResolver;
  const edge = `${parent}.${field.name}`;
  const named = getNamedType(field.type);
  const rowType = isObjectType(named) ? named.name : undefined;
  const list = isListType(getNullableType(field.type));
  const nullable = !isNonNullType(field.type);

  // The caller is read after the resolver: on a root field the guard sets it as it runs.
  const limit = (value: unknown, ctx: GateContext): unknown => {
    if (value === null || value === undefined) return value;
    const actor = ctx?.req?.user;
    const reach = reachOf(rowType!, audienceOf(actor));
    if (reach?.all || reach?.part) return value;
    if (list) {
      return (value as unknown[]).filter(
        (row) => row instanceof Error || rowInReach(actor, rowType!, row, edge),
      );
    }
    if (rowInReach(actor, rowType!, value, edge)) return value;
    if (root || !nullable) throw outOfReach(actor);
    return null;
  };

  return (source, args, ctx, info) => {
    if (!root && !fieldReaders(parent, field.name)?.has(audienceOf(ctx?.req?.user))) {
      throw fieldRefused(ctx?.req?.user, edge);
    }
    const result = resolve(source, args, ctx, info);
    if (!rowType || mutation) return result;
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
      return (result as Promise<unknown>).then((value) => limit(value, ctx));
    }
    return limit(result, ctx);
  };
}
