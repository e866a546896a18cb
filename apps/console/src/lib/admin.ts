import Decimal from 'decimal.js';
import type { CreateUserInput, MilestoneMetric, MilestoneTargetInput, Role } from '../gql/graphql';
import { formatDateTime } from './dates';
import { formatCount, formatYuan, groupThousands } from './numbers';

/**
 * The committee's administration pages (targets, users, audit trail) and every user's own
 * account page: what they compute, without React.
 */

// ---------------------------------------------------------------------------------------------
// Audit trail: a record before and after, as rows "field: old → new".

/** A JSON number kept as the text it was written in (JSON.parse would round 0.1 + big values). */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue =
  null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

/**
 * Parses JSON like JSON.parse, but numbers stay exact: each becomes a JsonNumber holding its
 * source text. Throws a SyntaxError on anything that is not JSON.
 */
export function parseJsonExact(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${i}`);
  };
  const skip = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string, value: JsonValue): JsonValue => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail('unexpected token');
  };
  const string = (): string => {
    const start = i;
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): JsonValue => {
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: { [key: string]: JsonValue } = {};
      skip();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail('expected a key');
        const key = string();
        skip();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        out[key] = value();
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return out;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const out: JsonValue[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return out;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) return fail('unexpected token');
    i += m[0].length;
    return new JsonNumber(m[0]);
  };
  const result = value();
  skip();
  if (i !== text.length) fail('unexpected text after the value');
  return result;
}

/** One side of a changed field. */
export type DiffValue =
  | { kind: 'absent' }
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'dateTime'; iso: string }
  | { kind: 'emptyList' }
  | { kind: 'emptyObject' };

export interface DiffRow {
  /** The field's path in the record: `active`, `rentRelief.steps[0].share`. */
  field: string;
  before: DiffValue;
  after: DiffValue;
  change: 'added' | 'removed' | 'changed';
}

export interface AuditDiff {
  rows: DiffRow[];
  /** Fields present on both sides with the same value (not listed). */
  unchanged: number;
  /** A side that is not JSON: the page shows the raw text only. */
  unreadable: boolean;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ABSENT: DiffValue = { kind: 'absent' };

function leafOf(v: JsonValue): DiffValue {
  if (v === null) return { kind: 'null' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (v instanceof JsonNumber) return { kind: 'number', text: v.text };
  if (typeof v === 'string')
    return ISO_DATE_TIME.test(v) ? { kind: 'dateTime', iso: v } : { kind: 'text', text: v };
  if (Array.isArray(v)) return { kind: 'emptyList' };
  return { kind: 'emptyObject' };
}

/** Every leaf of a value by its path, in the order the record lists them. */
function flatten(v: JsonValue, path: string, out: Map<string, DiffValue>): void {
  if (Array.isArray(v) && v.length) {
    v.forEach((item, i) => flatten(item, `${path}[${i}]`, out));
    return;
  }
  if (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    !(v instanceof JsonNumber) &&
    Object.keys(v).length
  ) {
    for (const [k, item] of Object.entries(v)) flatten(item, path ? `${path}.${k}` : k, out);
    return;
  }
  out.set(path || 'value', leafOf(v));
}

function sameValue(a: DiffValue, b: DiffValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'number':
      // 30 and 30.0 are the same amount.
      return new Decimal(a.text).eq(new Decimal((b as typeof a).text));
    case 'text':
      return a.text === (b as typeof a).text;
    case 'dateTime':
      return a.iso === (b as typeof a).iso;
    default:
      return true;
  }
}

function sideOf(json: string | null | undefined): Map<string, DiffValue> | null {
  if (json === null || json === undefined || json === '' || json === 'null') return new Map();
  try {
    const out = new Map<string, DiffValue>();
    flatten(parseJsonExact(json), '', out);
    return out;
  } catch {
    return null;
  }
}

/**
 * What an audit event changed: each field whose value differs before and after (or that only
 * one side has), in the order of the record after the change, then the fields it lost.
 */
export function auditDiff(
  before: string | null | undefined,
  after: string | null | undefined,
): AuditDiff {
  const b = sideOf(before);
  const a = sideOf(after);
  if (!a || !b) return { rows: [], unchanged: 0, unreadable: true };
  const rows: DiffRow[] = [];
  let unchanged = 0;
  for (const [field, next] of a) {
    const prev = b.get(field);
    if (prev === undefined) rows.push({ field, before: ABSENT, after: next, change: 'added' });
    else if (sameValue(prev, next)) unchanged++;
    else rows.push({ field, before: prev, after: next, change: 'changed' });
  }
  for (const [field, prev] of b) {
    if (!a.has(field)) rows.push({ field, before: prev, after: ABSENT, change: 'removed' });
  }
  return { rows, unchanged, unreadable: false };
}

export interface DiffWords {
  yes: string;
  no: string;
  /** A null value. */
  empty: string;
  /** The field is not on that side. */
  absent: string;
  emptyList: string;
}

/**
 * A side of a change as people read it: numbers exactly as recorded (thousands grouped),
 * date-times in Asia/Shanghai, booleans in words.
 */
export function formatDiffValue(v: DiffValue, words: DiffWords): string {
  switch (v.kind) {
    case 'absent':
      return words.absent;
    case 'null':
      return words.empty;
    case 'bool':
      return v.value ? words.yes : words.no;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(v.text) ? groupThousands(v.text) : v.text;
    case 'text':
      return v.text === '' ? words.empty : v.text;
    case 'dateTime':
      return formatDateTime(v.iso);
    case 'emptyList':
    case 'emptyObject':
      return words.emptyList;
  }
}

function writeJson(v: JsonValue, indent: string): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (v instanceof JsonNumber) return v.text;
  if (typeof v === 'string') return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[\n${v.map((x) => inner + writeJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (!entries.length) return '{}';
  const body = entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${writeJson(x, inner)}`);
  return `{\n${body.join(',\n')}\n${indent}}`;
}

/** The raw JSON of an event, indented for the secondary "raw" view (numbers left as written). */
export function prettyJson(json: string | null | undefined): string | null {
  if (json === null || json === undefined || json === '') return null;
  try {
    return writeJson(parseJsonExact(json), '');
  } catch {
    return json;
  }
}

/**
 * The key of an event's operation for its label: `setUserActive` says which way it went
 * (deactivateUser / reactivateUser); other operations are their own key.
 */
export function auditOperationKey(operation: string, after: string | null | undefined): string {
  if (operation !== 'setUserActive' || !after) return operation;
  try {
    const v = parseJsonExact(after);
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber)) {
      if (v.active === false) return 'deactivateUser';
      if (v.active === true) return 'reactivateUser';
    }
  } catch {
    // unreadable: the plain operation
  }
  return operation;
}

/**
 * The events of signing in, renewing a sign-in and signing out: many and routine (a console
 * renews its sign-in every few minutes), so the page can hide them. A refresh token used twice
 * (refreshTokenReuse) is a warning sign and is never among them.
 */
export const SIGN_IN_OPERATIONS: ReadonlySet<string> = new Set(['login', 'refreshToken', 'logout']);

export const isSignInEvent = (operation: string) => SIGN_IN_OPERATIONS.has(operation);

// ---------------------------------------------------------------------------------------------
// Accounts.

/** The API's password rules (libs/identity, auth/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'required' | 'tooShort' | 'tooLong' | 'sameAsCurrent';

/** Why a new password would be refused by the API, checked in the browser first; or null. */
export function newPasswordProblem(
  password: string | undefined,
  current?: string,
): PasswordProblem | null {
  const p = password ?? '';
  if (p === '') return 'required';
  if ([...p].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if ([...p].length > MAX_PASSWORD_LENGTH) return 'tooLong';
  if (current !== undefined && current !== '' && p === current) return 'sameAsCurrent';
  return null;
}

/** The confirmation field matches the password typed above it. */
export function confirmationMatches(password: string | undefined, confirm: string | undefined) {
  return (confirm ?? '') === (password ?? '');
}

export const ALL_ROLES: readonly Role[] = [
  'ADMIN',
  'ANALYST',
  'SPACE_MANAGER',
  'POLICY_OFFICER',
  'SERVICE_DESK',
  'TENANT_ADMIN',
  'TENANT_REPORTER',
  'SERVICE_PROVIDER',
];

/** A firm's users belong to a tenant (and only they). */
export const needsTenant = (role: Role | '' | undefined | null) =>
  role === 'TENANT_ADMIN' || role === 'TENANT_REPORTER';

/** A provider's users belong to a service provider (and only they). */
export const needsProvider = (role: Role | '' | undefined | null) => role === 'SERVICE_PROVIDER';

export interface UserFormValues {
  email?: string;
  displayName?: string;
  role?: Role | '';
  tenantId?: string | null;
  serviceProviderId?: string | null;
  password?: string;
  confirmPassword?: string;
}

/**
 * The `createUser` input from the form: trimmed names, the tenant only for a firm's roles and
 * the provider only for SERVICE_PROVIDER (the API refuses them elsewhere). The password is sent
 * as typed. Throws when the role is missing (the form requires it).
 */
export function createUserInputOf(values: UserFormValues): CreateUserInput {
  const role = values.role;
  if (!role) throw new Error('a user needs a role');
  const input: CreateUserInput = {
    email: (values.email ?? '').trim(),
    displayName: (values.displayName ?? '').trim(),
    role,
    password: values.password ?? '',
  };
  if (needsTenant(role) && values.tenantId) input.tenantId = values.tenantId;
  if (needsProvider(role) && values.serviceProviderId)
    input.serviceProviderId = values.serviceProviderId;
  return input;
}

export interface UserFilterValues {
  role?: Role | '';
  /** '' all, 'true' active only, 'false' deactivated only. */
  active?: '' | 'true' | 'false';
  emailContains?: string;
}

/** The `users` filter from the filter bar; empty choices are left out. */
export function userFilterOf(values: UserFilterValues) {
  const filter: { role?: Role; active?: boolean; emailContains?: string } = {};
  if (values.role) filter.role = values.role;
  if (values.active === 'true') filter.active = true;
  if (values.active === 'false') filter.active = false;
  const email = values.emailContains?.trim();
  if (email) filter.emailContains = email;
  return filter;
}

// ---------------------------------------------------------------------------------------------
// Targets.

/** The plan's order of metrics (domain.md, "The targets"). */
export const METRIC_ORDER: readonly MilestoneMetric[] = [
  'NEW_TECH_FIRMS',
  'NEW_HIGH_TECH_FIRMS',
  'NEW_SRDI_FIRMS',
  'INDUSTRIALIZATION_PROJECTS',
  'ANNUAL_OUTPUT_VALUE',
];

/** Firms and projects are counted whole; output is yuan to the fen. */
export const isCountMetric = (metric: MilestoneMetric) => metric !== 'ANNUAL_OUTPUT_VALUE';

/** The API's upper bound of a target (MilestoneTargetInput). */
export const MAX_TARGET = '9999999999999999.99';

/** Whether a typed target fits its metric: a whole number, or yuan with at most two decimals. */
export function isTargetText(metric: MilestoneMetric, text: string | undefined): boolean {
  const t = (text ?? '').trim();
  const ok = isCountMetric(metric) ? /^\d{1,16}$/.test(t) : /^\d{1,16}(\.\d{1,2})?$/.test(t);
  return ok && new Decimal(t).lte(MAX_TARGET);
}

/** A target as people read it: a count (30), or yuan (140,000,000.00). */
export function formatTarget(metric: MilestoneMetric, value: string): string {
  return isCountMetric(metric) ? formatCount(value) : formatYuan(value);
}

/** The value to put in the edit form: "30.00" → "30" for a count, money as given. */
export function targetFormText(metric: MilestoneMetric, value: string): string {
  const d = new Decimal(value);
  return isCountMetric(metric) && d.isInteger() ? d.toFixed(0) : value;
}

export interface TargetRow {
  id: string;
  year: number;
  metric: MilestoneMetric;
  target: string;
  source: string;
  zone?: { id: string; code: string; name: string } | null;
}

/** By year, then the plan's order of metrics, then zone code (the park last within a metric). */
export function sortTargets<T extends TargetRow>(rows: readonly T[]): T[] {
  const metricRank = (m: MilestoneMetric) => {
    const i = METRIC_ORDER.indexOf(m);
    return i < 0 ? METRIC_ORDER.length : i;
  };
  return [...rows].sort(
    (a, b) =>
      a.year - b.year ||
      metricRank(a.metric) - metricRank(b.metric) ||
      (a.zone?.code ?? '\uffff').localeCompare(b.zone?.code ?? '\uffff'),
  );
}

export interface TargetFormValues {
  year?: number | string;
  metric?: MilestoneMetric | '';
  /** '' for the whole park. */
  zoneId?: string | null;
  target?: string;
  source?: string;
}

/** The `setMilestoneTarget` input; the whole park leaves zoneId out. */
export function targetInputOf(values: TargetFormValues): MilestoneTargetInput {
  if (!values.metric) throw new Error('a target needs a metric');
  const year = Number(values.year);
  if (!Number.isInteger(year)) throw new Error('a target needs a year');
  const input: MilestoneTargetInput = {
    year,
    metric: values.metric,
    target: (values.target ?? '').trim(),
    source: (values.source ?? '').trim(),
  };
  if (values.zoneId) input.zoneId = values.zoneId;
  return input;
}

// ---------------------------------------------------------------------------------------------
// The API's messages of these pages, in Chinese.

type Say = (m: RegExpExecArray) => string;

const ZH: [RegExp, Say][] = [
  [/^must be at least (\d+) characters$/, (m) => `至少需要 ${m[1]} 个字符`],
  [/^must be at most (\d+) characters$/, (m) => `不能超过 ${m[1]} 个字符`],
  [/^must be (\d+) to (\d+) characters$/, (m) => `须为 ${m[1]} 至 ${m[2]} 个字符`],
  [/^is not right$/, () => '不正确'],
  [/^was wrong too many times; try again later$/, () => '错误次数过多，请稍后再试'],
  [/^must differ from the current password$/, () => '不能与当前密码相同'],
  [/^must be an email address$/, () => '不是有效的邮箱地址'],
  [/^is required for [A-Z_]+/, () => '该角色必须选择此项'],
  [/^is only for [A-Z_]+/, () => '该角色不能选择此项'],
  [/^is not a registered tenant$/, () => '不是已登记的入驻企业'],
  [/^is not a registered service provider$/, () => '不是已登记的服务机构'],
  [
    /^is your own account: an ADMIN may not deactivate itself$/,
    () => '这是您自己的账号，管理员不能停用自己',
  ],
  [/^is the last active ADMIN$/, () => '这是最后一个启用中的管理员账号，不能停用'],
  [/^is your own account: use changePassword$/, () => '这是您自己的账号，请在“我的账号”中修改密码'],
  [/^A user with email (.+) already exists$/, (m) => `邮箱 ${m[1]} 已被其他用户使用`],
  [/^A user with this email already exists$/, () => '该邮箱已被其他用户使用'],
  [/^must be a whole number of \w+ for [A-Z_]+$/, () => '须为整数'],
  [/^must have at most (\d+) decimal places$/, (m) => `最多 ${m[1]} 位小数`],
  [/^must be a decimal number$/, () => '须为数字'],
  [/^must be at least (\S+)$/, (m) => `不得小于 ${m[1]}`],
  [/^must be at most (\S+)$/, (m) => `不得大于 ${m[1]}`],
  [/^must be from (\d+) to (\d+)$/, (m) => `须在 ${m[1]} 至 ${m[2]} 之间`],
];

/**
 * A field message of the API (`newPassword must be at least 12 characters`, `is not right`) in
 * the console's language; the field's own name is dropped, since it shows next to its field.
 * Messages not known here are shown as the API wrote them.
 */
export function localizeAccountProblem(message: string, language: string, field?: string): string {
  let text = message.trim();
  if (field && text.startsWith(`${field} `)) text = text.slice(field.length + 1);
  if (language === 'en') return text;
  for (const [re, say] of ZH) {
    const m = re.exec(text);
    if (m) return say(m);
  }
  return message;
}
