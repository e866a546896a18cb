import type { FuzzCase } from './cases.js';
import { type Answer, parseBody } from './oracle.js';

export interface Failure {
  case: FuzzCase;
  answer: Answer;
  problems: string[];
  /** What the server logged as unexpected while answering it, when it did. */
  serverLog: string[];
}

/** Shortens and escapes text for the report (control characters and lone surrogates shown). */
export function clip(text: string | undefined, max: number): string {
  if (text === undefined) return '-';
  const shown = JSON.stringify(text.length > max ? text.slice(0, max) : text).slice(1, -1);
  return text.length > max ? `${shown}…(+${text.length - max} chars)` : shown;
}

const normalise = (s: string) =>
  s
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 120);

/** What went wrong, in the server's words when it logged any (the answer hides them). */
function causeOf(f: Failure): string {
  const json = parseBody(f.answer.body);
  const first = Array.isArray(json?.errors) ? json.errors[0] : undefined;
  const logged = f.serverLog.find((l) => !l.endsWith('Internal server error'));
  const cause =
    logged || String(first?.message ?? '') || f.answer.error || `HTTP ${f.answer.status}`;
  return cause.replace(/^unexpected error in [^:]+: /, '');
}

/**
 * Failures that are the same bug: the same problems and cause, and the same root field when the
 * error comes from a resolver (a request-level error is the same whatever the operation).
 */
export function signatureOf(f: Failure): string {
  const json = parseBody(f.answer.body);
  const first = Array.isArray(json?.errors) ? json.errors[0] : undefined;
  const inResolver = Array.isArray((first as { path?: unknown } | undefined)?.path);
  const where = inResolver || f.case.label.startsWith('http:') ? f.case.label : 'any operation';
  const cause = causeOf(f);
  const kind = /^Syntax Error/.test(cause) ? 'Syntax Error' : normalise(cause);
  const problems = f.problems.map((p) => p.replace(/ \(.*\)$/, '')).join(' + ');
  return `${problems} | ${where} | ${kind}`;
}

function describe(f: Failure): string {
  const c = f.case;
  const auth = c.oddAuthorization
    ? `, authorization "${clip(c.headers.authorization, 120)}"`
    : c.headers.authorization
      ? `, authorization of ${c.role}`
      : ', anonymous';
  const others = Object.entries(c.headers)
    .filter(([k]) => k !== 'authorization' && k !== 'x-request-id')
    .map(([k, v]) => `, ${k}: ${clip(v, 60)}`)
    .join('');
  const lines = [
    `    case ${c.index}: ${c.method} ${clip(c.path, 200)}${others}${auth}`,
    c.query !== undefined
      ? `    query: ${clip(c.query, 600)}\n    variables: ${clip(c.variables, 400)}` +
        (c.operationName !== undefined
          ? `\n    operationName: ${clip(c.operationName, 100)}`
          : '') +
        (c.transport && c.body !== undefined
          ? `\n    sent as ${c.transport}: ${clip(c.body, 600)}`
          : '')
      : `    body: ${clip(c.body, 600)}`,
    `    → ${f.answer.error ? f.answer.error : `HTTP ${f.answer.status}: ${clip(f.answer.body, 600)}`}`,
  ];
  if (f.serverLog.length) lines.push(`    server logged: ${clip(f.serverLog.join(' | '), 400)}`);
  return lines.join('\n');
}

/** All failures of a run, one group per distinct bug with its smallest reproduction. */
export function failureReport(failures: Failure[], seed: number): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const key = signatureOf(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const size = (f: Failure) => (f.case.body ?? f.case.path).length;
  const sections = [...groups.entries()].map(([key, fs], i) => {
    const smallest = fs.reduce((a, b) => (size(b) < size(a) ? b : a));
    const problems = [...new Set(fs.flatMap((f) => f.problems))].join('; ');
    const causes = [...new Set(fs.map(causeOf))];
    const shown = causes.slice(0, 4).map((c) => clip(c, 100));
    const more = causes.length > 4 ? ` and ${causes.length - 4} more` : '';
    const labels = [...new Set(fs.map((f) => f.case.label))];
    return (
      `${i + 1}. ${key}\n    ${fs.length} case(s) (${labels.slice(0, 6).join(', ')}` +
      `${labels.length > 6 ? ', …' : ''}): ${problems}\n    causes: ${shown.join(' / ')}${more}\n` +
      describe(smallest)
    );
  });
  return [
    `${failures.length} failing case(s), ${groups.size} distinct, seed ${seed} ` +
      `(FUZZ_SEED=${seed} repeats the run):`,
    ...sections,
  ].join('\n');
}
