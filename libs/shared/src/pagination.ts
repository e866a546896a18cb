import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BadInputError } from './errors.js';
import { isUuid } from './ids.js';
import { badCharacter } from './text.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `XConnection` and `XEdge` types for a node type, as the contract names them. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(key: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export type CursorPart = 'string' | 'uuid' | 'int' | 'bigint' | 'date';

const CURSOR_PART: Record<CursorPart, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string' && v.length <= 1000 && badCharacter(v) === null,
  uuid: isUuid,
  int: (v) => Number.isSafeInteger(v),
  bigint: (v) => typeof v === 'string' && /^\d{1,18}$/.test(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v)),
};

/**
 * Reads a cursor back into its sort key, checking every part's kind: a cursor is the client's
 * input like any other, and a forged one must be refused naming `after`, not reach SQL.
 */
export function decodeCursor(cursor: string, parts: CursorPart[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === parts.length &&
      key.every((v, i) => CURSOR_PART[parts[i]](v))
    )
      return key as (string | number)[];
  } catch {
    // fall through
  }
  throw new BadInputError('after', 'is not a cursor from this list');
}

/**
 * An edge whose cursor is written when it is read: most pages are read without their edges'
 * cursors (a client pages on pageInfo.endCursor), and writing one costs a JSON text and its
 * base64.
 */
class PageEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly keyOf: (row: T) => (string | number | null)[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.node));
  }
}

/**
 * Builds a page from rows fetched with `limit + 1` (the extra row tells whether there is a
 * next page).
 */
export function toConnection<T>(
  rows: T[],
  limit: number,
  totalCount: number,
  keyOf: (row: T) => (string | number | null)[],
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => new PageEdge(node, keyOf));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}
