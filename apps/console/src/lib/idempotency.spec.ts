import { describe, expect, it } from '@jest/globals';
import { attemptContext, newIdempotencyKey } from './idempotency';

describe('Idempotency-Key of a mutation attempt', () => {
  it('is fresh for each attempt and fits the header’s rule (1 to 255 visible ASCII)', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(/^[\x21-\x7e]{1,255}$/);
  });

  it('is made from random bytes where randomUUID is missing (plain http)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('travels as the idempotency-key header', () => {
    expect(attemptContext('k-1')).toEqual({ headers: { 'idempotency-key': 'k-1' } });
  });
});
