/**
 * What an API error means to a person. The API answers a refused input with
 * `extensions.code = BAD_USER_INPUT` and `extensions.fields = [{ field, message }]`; the console
 * shows each message next to its field, and any other error as a sentence, never as JSON.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NETWORK'
  | 'OTHER';

export interface ExplainedError {
  code: ErrorCode;
  /** The API's own sentence (it writes them for people), or null when it gave none worth showing. */
  message: string | null;
  fields: FieldProblem[];
}

const KNOWN: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
]);

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldProblem).field === 'string' &&
    typeof (value as FieldProblem).message === 'string'
  );
}

/** The errors of a GraphQL answer, reduced to one explanation. */
export function explainErrors(errors: readonly GraphQLErrorLike[]): ExplainedError {
  const first = errors[0];
  if (!first) return { code: 'OTHER', message: null, fields: [] };
  const rawCode = first.extensions?.code;
  const code: ErrorCode =
    typeof rawCode === 'string' && KNOWN.has(rawCode) ? (rawCode as ErrorCode) : 'OTHER';
  const fields: FieldProblem[] = [];
  for (const e of errors) {
    const list = e.extensions?.fields;
    if (Array.isArray(list)) for (const f of list) if (isFieldProblem(f)) fields.push(f);
  }
  // An internal error's message is not for people; every other message the API writes is.
  const message = code === 'OTHER' && rawCode === 'INTERNAL_SERVER_ERROR' ? null : first.message;
  return { code, message, fields };
}

/**
 * The last segment of a field path (`input.outputValue` → `outputValue`), which is the form
 * field's name.
 */
export function fieldName(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 1] ?? path;
}

/** Field problems keyed by form field name; the first message for a field wins. */
export function problemsByField(fields: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const name = fieldName(f.field);
    if (!(name in out)) out[name] = f.message;
  }
  return out;
}
