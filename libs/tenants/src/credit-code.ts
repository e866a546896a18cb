/**
 * 统一社会信用代码 (unified social credit code) under GB 32100-2015: 18 characters from a
 * 31-character set (no I, O, S, V, Z, so they are not misread), the last one a check character
 * over the first 17.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const CREDIT_CODE_LENGTH = 18;

/** The check character for the first 17 characters, or null if they are not 17 valid ones. */
export function creditCodeCheckChar(body: string): string | null {
  if (body.length !== WEIGHTS.length) return null;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(body[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Why a code is not a valid credit code, as the end of a sentence starting "creditCode", or null. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== CREDIT_CODE_LENGTH) return `must be ${CREDIT_CODE_LENGTH} characters`;
  if (![...code].every((c) => CREDIT_CODE_CHARSET.includes(c))) {
    return 'may only use 0-9 and the capital letters A-H J-N P-R T U W-Y';
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return 'has a wrong check character (GB 32100-2015)';
  }
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Completes 17 characters into a valid code. */
export function withCheckChar(body: string): string {
  const check = creditCodeCheckChar(body);
  if (check === null) throw new Error(`"${body}" is not 17 credit-code characters`);
  return body + check;
}
