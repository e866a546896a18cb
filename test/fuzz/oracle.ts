import type { FuzzPools } from './values.js';

export interface Answer {
  status: number;
  body: string;
  /** Set when no answer came: the connection failed, or the client could not send the case. */
  error?: string;
  /** The client refused to send it (e.g. a header node will not write): not the server's fault. */
  unsent?: boolean;
}

interface GqlError {
  message?: unknown;
  extensions?: { code?: unknown };
}

/**
 * What no answer may contain. SQL is matched in upper case: the fuzzer writes its SQL-like inputs
 * in lower case, so an answer that echoes an input is not taken for a leak.
 */
const LEAKS: [string, RegExp][] = [
  ['stack trace', /\bat (async )?[\w$.<>[\] ]+ \((file:|node:|\/)|"stacktrace"|\\n\s+at /],
  ['file path', /\/work\b|node_modules|\.ts:|\.js:|file:\/\//],
  [
    'SQL',
    /\bSELECT\b|\bINSERT\b|relation "|violates|syntax error at or near|invalid input syntax|duplicate key value|invalid byte sequence|unsupported Unicode escape/,
  ],
  [
    'library message',
    /Cannot read properties|TypeError|RangeError|QueryFailedError|Maximum call stack|is not a function|EntityNotFound|ECONNREFUSED/,
  ],
];

export function parseBody(body: string): { data?: unknown; errors?: GqlError[] } | undefined {
  try {
    const json = JSON.parse(body);
    return json && typeof json === 'object' && !Array.isArray(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Everything wrong with one answer; empty when it is acceptable. */
export function problemsOf(answer: Answer): string[] {
  if (answer.unsent) return [];
  if (answer.error) return [`no answer (${answer.error})`];
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  const errors = parseBody(answer.body)?.errors;
  if (Array.isArray(errors) && errors.some((e) => e?.extensions?.code === 'INTERNAL_SERVER_ERROR'))
    problems.push('INTERNAL_SERVER_ERROR');
  for (const [name, re] of LEAKS) {
    const m = re.exec(answer.body);
    if (m) problems.push(`leaks ${name} (${JSON.stringify(m[0])})`);
  }
  return problems;
}

/** The answer in a word for the summary: `data`, the error codes, or the HTTP status. */
export function outcomeOf(answer: Answer): string {
  if (answer.unsent) return 'unsent';
  if (answer.error) return 'no answer';
  const json = parseBody(answer.body);
  if (Array.isArray(json?.errors) && json.errors.length) {
    const codes = [...new Set(json.errors.map((e) => String(e?.extensions?.code ?? 'no code')))];
    return codes.sort().join('+');
  }
  if (json && 'data' in json && json.data !== null) return 'data';
  return `HTTP ${answer.status}`;
}

/** Whether the document got past parsing and validation to the resolvers. */
export function reachedResolvers(answer: Answer): boolean {
  const json = parseBody(answer.body);
  return !!json && 'data' in json && json.data !== undefined && json.data !== null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POOL_CAP = 400;

const add = (pool: string[], value: string) => {
  if (pool.length < POOL_CAP && !pool.includes(value)) pool.push(value);
};

/** Feeds the ids, cursors, tokens and codes an answer shows into the pools of later cases. */
export function harvest(answer: Answer, pools: FuzzPools): void {
  const json = parseBody(answer.body);
  if (!json?.data) return;
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, k);
    else if (typeof v === 'string') {
      if (UUID.test(v)) add(pools.ids, v);
      else if (key === 'cursor' || key === 'endCursor') add(pools.cursors, v);
      else if (key === 'refreshToken') add(pools.refreshTokens, v);
      else if (key === 'creditCode') add(pools.creditCodes, v);
      else if (key === 'email') add(pools.emails, v);
    }
  };
  walk(json.data, '');
}
