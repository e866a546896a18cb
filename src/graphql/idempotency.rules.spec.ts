import { describe, expect, it } from '@jest/globals';
import { type FormattedExecutionResult, getOperationAST, parse } from 'graphql';
import { fingerprint, keyProblem, rootFields, shouldRelease } from './idempotency.rules.js';

describe('keyProblem', () => {
  it.each([
    ['one character', 'a'],
    ['the first visible character', '!'],
    ['the last visible character', '~'],
    ['255 characters', 'x'.repeat(255)],
    ['punctuation', 'order-2025-04/retry#1'],
    ['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
  ])('accepts %s', (_, key) => expect(keyProblem(key)).toBeNull());

  it.each([
    ['an empty value', '', 'must not be empty'],
    ['256 characters', 'x'.repeat(256), 'at most 255'],
    ['a space', 'a b', 'visible ASCII'],
    ['a tab', 'a\tb', 'visible ASCII'],
    ['DEL', 'a\x7fb', 'visible ASCII'],
    ['a Latin-1 letter', 'clé', 'visible ASCII'],
    ['Chinese', '幂等键', 'visible ASCII'],
  ])('refuses %s', (_, key, message) => expect(keyProblem(key)).toContain(message));
});

describe('fingerprint', () => {
  const doc = parse('mutation Submit($a: Int) { submit(a: $a) { id } }');

  it('ignores spacing and comments of the document and the order of variable keys', () => {
    const same = parse(`# a retry
      mutation   Submit($a: Int) {
        submit(a: $a) {   id }
      }`);
    expect(fingerprint(same, 'Submit', { a: 1, b: { y: 2, x: 1 } })).toBe(
      fingerprint(doc, 'Submit', { b: { x: 1, y: 2 }, a: 1 }),
    );
  });

  it('tells apart other variables, another operation name and another document', () => {
    const base = fingerprint(doc, 'Submit', { a: 1 });
    expect(fingerprint(doc, 'Submit', { a: 2 })).not.toBe(base);
    expect(fingerprint(doc, 'Submit', { a: '1' })).not.toBe(base);
    expect(fingerprint(doc, null, { a: 1 })).not.toBe(base);
    expect(
      fingerprint(parse('mutation Submit($a: Int) { submit(a: $a) { id name } }'), 'Submit', {
        a: 1,
      }),
    ).not.toBe(base);
  });

  it('reads no variables as empty variables', () => {
    expect(fingerprint(doc, 'Submit', undefined)).toBe(fingerprint(doc, 'Submit', {}));
  });
});

describe('rootFields', () => {
  it('names root fields by alias, through fragments, without __typename', () => {
    const doc = parse(`
      mutation { __typename first: submit { id } ...More ... on Mutation { third: submit { id } } }
      fragment More on Mutation { second: submit { id } ...More }`);
    expect(rootFields(getOperationAST(doc)!, doc).sort()).toEqual(['first', 'second', 'third']);
  });
});

describe('shouldRelease', () => {
  const err = (code: string, path?: (string | number)[]) => ({
    message: code,
    path,
    extensions: { code },
  });
  const result = (r: FormattedExecutionResult) => r;

  it('keeps a success and an answer refused on its input', () => {
    expect(shouldRelease(result({ data: { submit: { id: '1' } } }), ['submit'])).toBe(false);
    expect(
      shouldRelease(result({ data: null, errors: [err('BAD_USER_INPUT', ['submit'])] }), [
        'submit',
      ]),
    ).toBe(false);
    expect(shouldRelease(result({ errors: [err('BAD_USER_INPUT')] }), ['submit'])).toBe(false);
    expect(
      shouldRelease(result({ data: null, errors: [err('CONFLICT', ['submit'])] }), ['submit']),
    ).toBe(false);
  });

  it.each(['INTERNAL_SERVER_ERROR', 'UNAUTHENTICATED', 'FORBIDDEN'])(
    'lets go after %s at the root',
    (code) => {
      expect(
        shouldRelease(result({ data: null, errors: [err(code, ['submit'])] }), ['submit']),
      ).toBe(true);
      expect(shouldRelease(result({ errors: [err(code)] }), ['submit'])).toBe(true);
    },
  );

  it('keeps the answer when a root field ran: a deeper error, or another root field that succeeded', () => {
    expect(
      shouldRelease(
        result({ data: null, errors: [err('INTERNAL_SERVER_ERROR', ['submit', 'tenant'])] }),
        ['submit'],
      ),
    ).toBe(false);
    expect(
      shouldRelease(result({ data: null, errors: [err('INTERNAL_SERVER_ERROR', ['b'])] }), [
        'a',
        'b',
      ]),
    ).toBe(false);
    expect(
      shouldRelease(
        result({
          data: null,
          errors: [err('BAD_USER_INPUT', ['a']), err('INTERNAL_SERVER_ERROR', ['b'])],
        }),
        ['a', 'b'],
      ),
    ).toBe(true);
  });
});
