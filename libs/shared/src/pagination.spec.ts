import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor } from './pagination.js';
import { YearPipe } from './validation.js';
import { BadInputError } from './errors.js';

const id = '3f2b8c1e-9a4d-4e21-8f00-1c2d3e4f5a6b';
const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor(['晋创谷', id]), ['string', 'uuid'])).toEqual(['晋创谷', id]);
    expect(decodeCursor(encodeCursor(['2026-03-01', id]), ['date', 'uuid'])).toEqual([
      '2026-03-01',
      id,
    ]);
    expect(decodeCursor(encodeCursor(['12345']), ['bigint'])).toEqual(['12345']);
  });

  it.each([
    ['not base64 JSON', 'WzEsMg'],
    ['nulls of the right length', forged([null, null])],
    ['numbers where text is kept', forged([1, 2])],
    ['a part that is not a uuid', forged(['a', 'not-a-uuid'])],
    ['an object', forged({ 0: 'a', 1: id })],
    ['a NUL in a part', forged(['a\u0000', id])],
    ['too many parts', forged(['a', id, 'b'])],
    ['garbage', '%%%'],
  ])('refuses a forged cursor (%s), naming after', (_, cursor) => {
    try {
      decodeCursor(cursor, ['string', 'uuid']);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as BadInputError).fields).toEqual([
        { field: 'after', message: 'is not a cursor from this list' },
      ]);
    }
  });

  it('refuses a forged date or bigint part', () => {
    expect(() => decodeCursor(forged(['2026-13-45', id]), ['date', 'uuid'])).toThrow(BadInputError);
    expect(() => decodeCursor(forged(['1e3']), ['bigint'])).toThrow(BadInputError);
  });
});

describe('YearPipe', () => {
  const pipe = new YearPipe();
  it('passes a plan year or nothing', () => {
    expect(pipe.transform(2026)).toBe(2026);
    expect(pipe.transform(undefined)).toBeUndefined();
    expect(pipe.transform(null)).toBeNull();
  });
  it.each([-2147483648, 1999, 2101, 2147483647])('refuses %d naming year', (year) => {
    expect(() => pipe.transform(year)).toThrow(/must be from 2000 to 2100/);
  });
});
