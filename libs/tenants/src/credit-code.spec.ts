import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  withCheckChar,
} from './credit-code.js';

// Published codes of real registrations, checked by hand against GB 32100-2015.
const KNOWN_VALID = ['91350100M000100Y43', '91110000600037341L'];

const validCode = fc
  .array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 })
  .map((chars) => withCheckChar(chars.join('')));

describe('credit code (GB 32100-2015)', () => {
  it.each(KNOWN_VALID)('accepts the known valid code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('computes check characters from the weights modulo 31', () => {
    // All-zero body: the sum is 0, so the check value is (31 - 0) % 31 = 0.
    expect(creditCodeCheckChar('0'.repeat(17))).toBe('0');
    // A single 1 in the first place weighs 1: 31 - 1 = 30, the last character of the set.
    expect(creditCodeCheckChar('1' + '0'.repeat(16))).toBe('Y');
  });

  it('refuses a wrong length, a wrong charset and a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('must be 18 characters');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('must be 18 characters');
    expect(creditCodeProblem('')).toBe('must be 18 characters');
    expect(creditCodeProblem('91350100I000100Y43')).toMatch(/may only use/);
    expect(creditCodeProblem('91350100m000100Y43')).toMatch(/may only use/);
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character/);
  });

  it('makes every completed 17-character body valid', () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code)));
  });

  it('refuses every change of a single character of a valid code', () => {
    const anyChar = fc.constantFrom(...CREDIT_CODE_CHARSET, 'I', 'O', 'S', 'V', 'Z', 'a', '-');
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...KNOWN_VALID), validCode),
        fc.integer({ min: 0, max: 17 }),
        anyChar,
        (code, position, replacement) => {
          fc.pre(code[position] !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(isValidCreditCode(changed)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('throws when asked to complete something that is not 17 valid characters', () => {
    expect(() => withCheckChar('91350100M000100Y')).toThrow();
    expect(() => withCheckChar('91350100O000100Y4')).toThrow();
  });
});
