import { describe, expect, it } from '@jest/globals';
import { buildSchema, execute, type GraphQLResolveInfo, parse } from 'graphql';
import { selectedFields } from './selection.js';

const schema = buildSchema(`
  type Unit { id: ID code: String }
  type Lease { id: ID unit: Unit }
  type Tenant { id: ID name: String leases: [Lease] }
  type Edge { node: Tenant }
  type Page { totalCount: Int edges: [Edge] }
  type Query { tenants: Page }
`);

/** What selectedFields answers in the root field's resolver for `document`. */
function lookAhead(document: string, ...path: string[]): string[] {
  let seen: string[] = [];
  execute({
    schema,
    document: parse(document),
    rootValue: {
      tenants: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
        seen = [...selectedFields(info, ...path)].sort();
        return null;
      },
    },
  });
  return seen;
}

describe('selectedFields', () => {
  it('names the fields asked for below the field, by name, aliases merged', () => {
    expect(lookAhead('{ tenants { n: totalCount edges { node { id } } } }')).toEqual([
      'edges',
      'totalCount',
    ]);
    expect(lookAhead('{ tenants { edges { node { id } } } }')).toEqual(['edges']);
  });

  it('follows a path down, through every alias of each step', () => {
    const doc =
      '{ tenants { a: edges { node { id } } b: edges { node { leases { unit { id } } } } } }';
    expect(lookAhead(doc, 'edges', 'node')).toEqual(['id', 'leases']);
    expect(lookAhead(doc, 'edges', 'node', 'leases')).toEqual(['unit']);
    expect(lookAhead(doc, 'edges', 'nothing')).toEqual([]);
  });

  it('follows named and inline fragments, and does not evaluate @skip', () => {
    const doc = `
      { tenants { ...Page } }
      fragment Page on Page { edges { node { ... on Tenant { name } ...More } } }
      fragment More on Tenant { leases @skip(if: true) { id } }`;
    expect(lookAhead(doc)).toEqual(['edges']);
    expect(lookAhead(doc, 'edges', 'node')).toEqual(['leases', 'name']);
  });
});
