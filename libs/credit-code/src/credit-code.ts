/**
 * 统一社会信用代码 (unified social credit code) under GB 32100-2015: 18 characters from a
 * 31-character set (no I, O, S, V, Z, so they are not misread):
 *   1      the registration authority (登记管理部门代码)
 *   2      the kind of organisation within that authority (机构类别代码)
 *   3-8    the registering office's administrative division (GB/T 2260)
 *   9-17   the organisation's identifier (GB 11714)
 *   18     a check character over the first 17.
 * Pure and dependency-free (no imports at all): the API validates with it and the web console
 * runs the same rule in the browser as the user types.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const CREDIT_CODE_LENGTH = 18;

/**
 * Registration authorities and the kinds of organisation each registers, as the standard's
 * code table lists them.
 */
export const CREDIT_CODE_AUTHORITIES: Readonly<
  Record<string, { name: string; kinds: Readonly<Record<string, string>> }>
> = {
  '1': {
    name: '机构编制',
    kinds: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { name: '外交', kinds: { '1': '外国常住新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    kinds: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', kinds: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    name: '民政',
    kinds: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    name: '旅游',
    kinds: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { name: '宗教', kinds: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', kinds: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', kinds: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', kinds: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    kinds: {
      '1': '组级集体经济组织',
      '2': '村级集体经济组织',
      '3': '乡镇级集体经济组织',
      '9': '其他',
    },
  },
  Y: { name: '其他', kinds: { '1': '不再具体划分机构类别' } },
};

/** GB/T 2260 province-level codes: the first two digits of characters 3-8. */
export const CREDIT_CODE_PROVINCES: readonly string[] = [
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
];
/** The division central registration authorities write (e.g. 国务院办公厅, 11100000000013127D). */
export const CREDIT_CODE_NATIONAL_DIVISION = '100000';

const AUTHORITY_LIST = Object.keys(CREDIT_CODE_AUTHORITIES).join(', ');
const PROVINCE_RANGES = '11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82';

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

/**
 * Why characters 3-8 (or as many of them as are typed) cannot be an administrative division,
 * or null.
 */
export function creditCodeDivisionProblem(division: string): string | null {
  if (!/^[0-9]{0,6}$/.test(division)) return 'must be six digits';
  if (division.length < 2) return null;
  if (division.startsWith('10')) {
    if (CREDIT_CODE_NATIONAL_DIVISION.startsWith(division)) return null;
  } else if (CREDIT_CODE_PROVINCES.includes(division.slice(0, 2))) {
    return null;
  }
  return `must begin with a province code (${PROVINCE_RANGES}) or be ${CREDIT_CODE_NATIONAL_DIVISION} (national)`;
}

/**
 * What is wrong with a code, for a person: `kind` names the rule that fails (a form shows its
 * own words for it, in any language), `message` is the server's English sentence ending, as
 * `creditCodeProblem` gives it, and the other fields say what the words may cite.
 */
export type CreditCodeIssue =
  | { kind: 'length'; message: string; length: number }
  | { kind: 'character'; message: string; characters: string[] }
  | { kind: 'authority'; message: string; allowed: string[] }
  | {
      kind: 'organisation';
      message: string;
      authority: string;
      authorityName: string;
      allowed: string[];
    }
  | { kind: 'divisionDigits'; message: string }
  | { kind: 'divisionProvince'; message: string }
  | { kind: 'checkChar'; message: string };

export type CreditCodeIssueKind = CreditCodeIssue['kind'];

/** Every kind of issue, in the order the parts are checked. */
export const CREDIT_CODE_ISSUE_KINDS: readonly CreditCodeIssueKind[] = [
  'length',
  'character',
  'authority',
  'organisation',
  'divisionDigits',
  'divisionProvince',
  'checkChar',
];

const lengthIssue = (code: string): CreditCodeIssue => ({
  kind: 'length',
  message: `must be ${CREDIT_CODE_LENGTH} characters`,
  length: code.length,
});

/** The first wrong part among the characters there are, before the check character. */
function partsIssue(code: string): CreditCodeIssue | null {
  const wrong = [...code].filter((c) => !CREDIT_CODE_CHARSET.includes(c));
  if (wrong.length > 0) {
    return {
      kind: 'character',
      message: 'may only use 0-9 and the capital letters A-H J-N P-R T U W-Y',
      characters: [...new Set(wrong)],
    };
  }
  if (code.length < 1) return null;
  if (!Object.hasOwn(CREDIT_CODE_AUTHORITIES, code[0])) {
    return {
      kind: 'authority',
      message: `is wrong in its first character: the registration authority (登记管理部门代码) must be one of ${AUTHORITY_LIST}`,
      allowed: Object.keys(CREDIT_CODE_AUTHORITIES),
    };
  }
  if (code.length < 2) return null;
  const authority = CREDIT_CODE_AUTHORITIES[code[0]];
  if (!Object.hasOwn(authority.kinds, code[1])) {
    const allowed = Object.keys(authority.kinds);
    return {
      kind: 'organisation',
      message:
        `is wrong in its second character: the kind of organisation (机构类别代码) of registration ` +
        `authority ${code[0]} (${authority.name}) must be one of ${allowed.join(', ')}`,
      authority: code[0],
      authorityName: authority.name,
      allowed,
    };
  }
  const division = creditCodeDivisionProblem(code.slice(2, 8));
  if (division) {
    return {
      kind: /^[0-9]{0,6}$/.test(code.slice(2, 8)) ? 'divisionProvince' : 'divisionDigits',
      message: `is wrong in characters 3-8: the administrative division (登记管理机关行政区划码, GB/T 2260) ${division}`,
    };
  }
  return null;
}

/**
 * What is wrong with a code as a credit code, or null. The parts are checked in order, so the
 * answer names the first wrong one.
 */
export function creditCodeIssue(code: string): CreditCodeIssue | null {
  if (code.length !== CREDIT_CODE_LENGTH) return lengthIssue(code);
  const part = partsIssue(code);
  if (part) return part;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { kind: 'checkChar', message: 'has a wrong check character (GB 32100-2015)' };
  }
  return null;
}

/**
 * For a form as the user types: what makes what is typed so far unable to become a valid code,
 * or null while it still can. A part is judged as soon as it is typed; the check character once
 * all 18 are there.
 */
export function creditCodeTypingIssue(typed: string): CreditCodeIssue | null {
  if (typed.length > CREDIT_CODE_LENGTH) return lengthIssue(typed);
  if (typed.length === CREDIT_CODE_LENGTH) return creditCodeIssue(typed);
  return partsIssue(typed);
}

/**
 * Why a code is not a valid credit code, as the end of a sentence starting "creditCode", or
 * null. The parts are checked in order, so the answer names the first wrong one.
 */
export function creditCodeProblem(code: string): string | null {
  return creditCodeIssue(code)?.message ?? null;
}

/**
 * For a form as the user types: why what is typed so far can no longer become a valid code, or
 * null while it still can. A part is judged as soon as it is typed; the check character once
 * all 18 are there.
 */
export function creditCodeTypingProblem(typed: string): string | null {
  return creditCodeTypingIssue(typed)?.message ?? null;
}

/**
 * The kind of a problem from its message, as `creditCodeProblem` wrote it (with or without the
 * field name before it, as the API's validation message has it), or null for any other message.
 * A client that gets the API's refusal tells it in its own words by this.
 */
export function creditCodeIssueKindOf(message: string): CreditCodeIssueKind | null {
  const m = message.replace(/^creditCode /, '');
  if (m === `must be ${CREDIT_CODE_LENGTH} characters`) return 'length';
  if (m.startsWith('may only use ')) return 'character';
  if (m.startsWith('is wrong in its first character:')) return 'authority';
  if (m.startsWith('is wrong in its second character:')) return 'organisation';
  if (m.startsWith('is wrong in characters 3-8:')) {
    return m.endsWith('must be six digits') ? 'divisionDigits' : 'divisionProvince';
  }
  if (m.startsWith('has a wrong check character')) return 'checkChar';
  return null;
}

/**
 * A code as the API stores it: spaces left out, letters upper-cased (what the API does to the
 * creditCode it is given before it checks it).
 */
export function normalizeCreditCode(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Completes 17 characters into a code with the right check character. */
export function withCheckChar(body: string): string {
  const check = creditCodeCheckChar(body);
  if (check === null) throw new Error(`"${body}" is not 17 credit-code characters`);
  return body + check;
}
