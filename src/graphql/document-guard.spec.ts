import { describe, expect, it } from '@jest/globals';
import { scanDocument } from './document-guard.js';

const LIMITS = { maxNesting: 64, maxTokens: 5000 };
const mayWrite = (query: string) => scanDocument(query, LIMITS).mayWrite;

describe('scanning a document before it is parsed', () => {
  it('knows a document of queries only', () => {
    expect(mayWrite('{ tenant(id: "1") { id } }')).toBe(false);
    expect(
      mayWrite('query Q($id: ID!) { tenant(id: $id) { id ...F } } fragment F on Tenant { name }'),
    ).toBe(false);
    // Names inside brackets are fields, arguments, variables and types, never an operation.
    expect(mayWrite('query { mutation: tenant(id: "1") { subscription: id } }')).toBe(false);
    expect(mayWrite('# mutation\n{ me { id } }')).toBe(false);
  });

  it('takes any operation keyword outside brackets for a document that may write', () => {
    expect(mayWrite('mutation { logout }')).toBe(true);
    expect(mayWrite('query A { me { id } } mutation B { logout }')).toBe(true);
    expect(mayWrite('subscription { x }')).toBe(true);
    // A fragment or a directive of that name errs on the side of writing.
    expect(mayWrite('query { me { ...mutation } } fragment mutation on User { id }')).toBe(true);
  });

  it('takes a document it could not read to its end for one that may write', () => {
    expect(mayWrite('{ me { id } "unterminated')).toBe(true);
    expect(mayWrite(`{ ${'a '.repeat(6000)} }`)).toBe(true);
    expect(mayWrite(`${'{ a '.repeat(70)}${'}'.repeat(70)}`)).toBe(true);
  });

  it('measures how deep brackets nest', () => {
    expect(scanDocument('{ a { b { c } } }', LIMITS).nesting).toBe(3);
  });
});
