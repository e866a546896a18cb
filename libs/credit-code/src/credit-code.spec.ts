import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CREDIT_CODE_AUTHORITIES,
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_PROVINCES,
  CREDIT_CODE_ISSUE_KINDS,
  creditCodeCheckChar,
  creditCodeIssue,
  creditCodeIssueKindOf,
  creditCodeProblem,
  creditCodeTypingIssue,
  creditCodeTypingProblem,
  isValidCreditCode,
  normalizeCreditCode,
  withCheckChar,
} from './credit-code.js';

// Published codes of real registrations, checked by hand against GB 32100-2015: two firms
// (9 1), a national body (1 1, division 100000) and a firm of 吕梁市 as the demo park writes them.
const KNOWN_VALID = [
  '91350100M000100Y43',
  '91110000600037341L',
  '11100000000013127D',
  '91141100MA0AHU829B',
];

const AUTHORITIES = Object.keys(CREDIT_CODE_AUTHORITIES);
const digit = fc.constantFrom(...'0123456789');
const anyChar = fc.constantFrom(...CREDIT_CODE_CHARSET);

const authorityAndKind = fc
  .constantFrom(...AUTHORITIES)
  .chain((a) =>
    fc.constantFrom(...Object.keys(CREDIT_CODE_AUTHORITIES[a].kinds)).map((k) => a + k),
  );
const division = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...CREDIT_CODE_PROVINCES),
        fc.array(digit, { minLength: 4, maxLength: 4 }),
      )
      .map(([p, rest]) => p + rest.join('')),
  },
  { weight: 1, arbitrary: fc.constant('100000') },
);
const identifier = fc.array(anyChar, { minLength: 9, maxLength: 9 }).map((c) => c.join(''));

interface Parts {
  head: string; // characters 1-2
  division: string; // characters 3-8
  identifier: string; // characters 9-17
}
const validParts: fc.Arbitrary<Parts> = fc.record({ head: authorityAndKind, division, identifier });
const build = (p: Parts) => withCheckChar(p.head + p.division + p.identifier);
const validCode = validParts.map(build);

const badAuthority = fc
  .constantFrom(...CREDIT_CODE_CHARSET)
  .filter((c) => !AUTHORITIES.includes(c));
const badKindFor = (authority: string) =>
  fc
    .constantFrom(...CREDIT_CODE_CHARSET)
    .filter((c) => !(c in CREDIT_CODE_AUTHORITIES[authority].kinds));
const badDivision = fc.oneof(
  // a character other than a digit somewhere in the six
  fc
    .tuple(
      fc.array(digit, { minLength: 6, maxLength: 6 }),
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom(...'ABCDEFGHJKLMNPQRTUWXY'),
    )
    .map(([d, i, letter]) => (d.splice(i, 1, letter), d.join(''))),
  // six digits whose first two are not a province (nor the national 100000)
  fc
    .tuple(fc.integer({ min: 0, max: 99 }), fc.array(digit, { minLength: 4, maxLength: 4 }))
    .map(([p, rest]) => String(p).padStart(2, '0') + rest.join(''))
    .filter((d) => !CREDIT_CODE_PROVINCES.includes(d.slice(0, 2)) && d !== '100000'),
);

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

  it('refuses the all-zero code, whose check character is right, for its registration authority', () => {
    expect(creditCodeCheckChar('0'.repeat(17))).toBe('0');
    expect(creditCodeProblem('0'.repeat(18))).toBe(
      'is wrong in its first character: the registration authority (登记管理部门代码) must be one of 1, 2, 3, 4, 5, 6, 7, 8, 9, A, N, Y',
    );
  });

  it('names the part that is wrong', () => {
    expect(creditCodeProblem(withCheckChar('94141100MA0AHU829'))).toBe(
      'is wrong in its second character: the kind of organisation (机构类别代码) of registration authority 9 (工商) must be one of 1, 2, 3',
    );
    expect(creditCodeProblem(withCheckChar('Y2141100MA0AHU829'))).toMatch(
      /authority Y \(其他\) must be one of 1$/,
    );
    expect(creditCodeProblem(withCheckChar('91A41100MA0AHU829'))).toBe(
      'is wrong in characters 3-8: the administrative division (登记管理机关行政区划码, GB/T 2260) must be six digits',
    );
    expect(creditCodeProblem(withCheckChar('91191100MA0AHU829'))).toMatch(
      /^is wrong in characters 3-8: .* must begin with a province code \(11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82\)/,
    );
    // 10 is the national level only as 100000.
    expect(creditCodeProblem(withCheckChar('91101100MA0AHU829'))).toMatch(/province code/);
  });

  it('accepts every code built from valid parts with the right check character', () => {
    fc.assert(
      fc.property(validCode, (code) => creditCodeProblem(code) === null),
      { numRuns: 2000 },
    );
  });

  it('refuses a code with one part made invalid, naming that part, even with a right check character', () => {
    const changed = validParts.chain((p) =>
      fc.oneof(
        badAuthority.map((a) => ({
          code: build({ ...p, head: a + p.head[1] }),
          part: /first character/,
        })),
        badKindFor(p.head[0]).map((k) => ({
          code: build({ ...p, head: p.head[0] + k }),
          part: /second character/,
        })),
        badDivision.map((d) => ({ code: build({ ...p, division: d }), part: /characters 3-8/ })),
        anyChar
          .filter((c) => c !== build(p)[17])
          .map((c) => ({ code: build(p).slice(0, 17) + c, part: /check character/ })),
      ),
    );
    fc.assert(
      fc.property(changed, ({ code, part }) => {
        expect(isValidCreditCode(code)).toBe(false);
        expect(creditCodeProblem(code)).toMatch(part);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every change of a single character of a valid code', () => {
    const replacement = fc.constantFrom(...CREDIT_CODE_CHARSET, 'I', 'O', 'S', 'V', 'Z', 'a', '-');
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...KNOWN_VALID), validCode),
        fc.integer({ min: 0, max: 17 }),
        replacement,
        (code, position, char) => {
          fc.pre(code[position] !== char);
          const changed = code.slice(0, position) + char + code.slice(position + 1);
          expect(isValidCreditCode(changed)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('throws when asked to complete something that is not 17 valid characters', () => {
    expect(() => withCheckChar('91350100M000100Y')).toThrow(
      '"91350100M000100Y" is not 17 credit-code characters',
    );
    expect(() => withCheckChar('91350100O000100Y4')).toThrow(
      '"91350100O000100Y4" is not 17 credit-code characters',
    );
  });
});

describe('credit code as it is typed', () => {
  const prefixes = (code: string) =>
    Array.from({ length: code.length + 1 }, (_, n) => code.slice(0, n));

  it('finds nothing wrong in any beginning of a valid code', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...KNOWN_VALID), validCode), (code) =>
        prefixes(code).every((p) => creditCodeTypingProblem(p) === null),
      ),
    );
  });

  it('says what is wrong as soon as the wrong part is typed, as the full check does', () => {
    expect(creditCodeTypingProblem('0')).toMatch(/first character/);
    expect(creditCodeTypingProblem('94')).toMatch(/second character/);
    expect(creditCodeTypingProblem('9119')).toMatch(/characters 3-8/);
    expect(creditCodeTypingProblem('91101')).toMatch(/characters 3-8/);
    expect(creditCodeTypingProblem('9114A')).toMatch(/characters 3-8: .* must be six digits/);
    expect(creditCodeTypingProblem('91141100I')).toMatch(/may only use/);
    expect(creditCodeTypingProblem('91350100M000100Y44')).toMatch(/check character/);
    expect(creditCodeTypingProblem('91350100M000100Y433')).toBe('must be 18 characters');
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (typed) => {
        const problem = creditCodeTypingProblem(typed);
        if (typed.length === 18) expect(problem).toBe(creditCodeProblem(typed));
        // Once something is wrong, typing more never puts it right.
        if (problem && typed.length <= 18)
          expect(creditCodeTypingProblem(typed + '0')).not.toBeNull();
      }),
    );
  });
});

describe('credit code problems by kind (for words in any language)', () => {
  it('names the kind of each problem, with what the words may cite', () => {
    expect(creditCodeIssue('91350100M000100Y4')).toEqual({
      kind: 'length',
      message: 'must be 18 characters',
      length: 17,
    });
    expect(creditCodeIssue('91350100I000100Y4O')).toMatchObject({
      kind: 'character',
      characters: ['I', 'O'],
    });
    expect(creditCodeIssue('0'.repeat(18))).toMatchObject({
      kind: 'authority',
      allowed: AUTHORITIES,
    });
    expect(creditCodeIssue(withCheckChar('94141100MA0AHU829'))).toMatchObject({
      kind: 'organisation',
      authority: '9',
      authorityName: '工商',
      allowed: ['1', '2', '3'],
    });
    expect(creditCodeIssue(withCheckChar('91A41100MA0AHU829'))?.kind).toBe('divisionDigits');
    expect(creditCodeIssue(withCheckChar('91191100MA0AHU829'))?.kind).toBe('divisionProvince');
    expect(creditCodeIssue('91350100M000100Y44')?.kind).toBe('checkChar');
    expect(creditCodeIssue('91350100M000100Y43')).toBeNull();
    expect(creditCodeTypingIssue('9114A')?.kind).toBe('divisionDigits');
    expect(creditCodeTypingIssue('9119')?.kind).toBe('divisionProvince');
    expect(creditCodeTypingIssue('91350100M000100Y433')?.kind).toBe('length');
    expect(creditCodeTypingIssue('9135')).toBeNull();
  });

  it('gives the same message as the problem, for any text, whole or as typed', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc
        .array(fc.constantFrom(...CREDIT_CODE_CHARSET, 'I', 'a'), { maxLength: 19 })
        .map((c) => c.join('')),
    );
    fc.assert(
      fc.property(text, (typed) => {
        const whole = creditCodeIssue(typed);
        const typing = creditCodeTypingIssue(typed);
        expect(whole?.message ?? null).toBe(creditCodeProblem(typed));
        expect(typing?.message ?? null).toBe(creditCodeTypingProblem(typed));
        for (const issue of [whole, typing]) {
          if (!issue) continue;
          expect(CREDIT_CODE_ISSUE_KINDS).toContain(issue.kind);
          // The message, bare or as the API's validation writes it, tells its kind back.
          expect(creditCodeIssueKindOf(issue.message)).toBe(issue.kind);
          expect(creditCodeIssueKindOf(`creditCode ${issue.message}`)).toBe(issue.kind);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('tells the kind back from every kind of message, and nothing from other messages', () => {
    const samples = [
      '9135',
      '91350100I000100Y43',
      '0'.repeat(18),
      withCheckChar('94141100MA0AHU829'),
      withCheckChar('91A41100MA0AHU829'),
      withCheckChar('91191100MA0AHU829'),
      '91350100M000100Y44',
    ];
    expect(samples.map((c) => creditCodeIssueKindOf(creditCodeProblem(c) ?? ''))).toEqual(
      CREDIT_CODE_ISSUE_KINDS,
    );
    expect(creditCodeIssueKindOf('is required for a FIRM')).toBeNull();
    expect(creditCodeIssueKindOf('creditCode must be a string')).toBeNull();
  });

  it('leaves out spaces and upper-cases letters as the API does', () => {
    expect(normalizeCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
