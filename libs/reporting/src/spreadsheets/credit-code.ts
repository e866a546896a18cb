/**
 * 统一社会信用代码 under GB 32100-2015: 18 characters from 0-9 and the capitals without I, O, S,
 * V and Z, the last a check character over the first 17. The import checks it so that a typo is
 * reported as a typo rather than as an unknown firm.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUW-Y]{18}$/;

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a credit code is not valid, or null. */
export function creditCodeProblem(code: string): string | null {
  if (!FORMAT.test(code)) {
    return 'must be 18 characters from 0-9 and A-Z without I, O, S, V and Z';
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return 'has a wrong check character (GB 32100-2015)';
  }
  return null;
}
