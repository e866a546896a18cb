import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { Decimal } from 'decimal.js';

/**
 * A scalar refusing a value. graphql-js reports an inline literal's refusal as a validation error
 * of the document; this class lets the error mapping tell it is about the value and name its field.
 */
export class ScalarInputError extends GraphQLError {
  constructor(message: string, node?: ValueNode) {
    super(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/** Parses an inline literal; a refusal carries the literal's node, so its field can be named. */
function fromLiteral<T>(ast: ValueNode, type: string, parse: (value: string) => T): T {
  try {
    return parse(literalString(ast, type));
  } catch (err) {
    if (err instanceof ScalarInputError) throw new ScalarInputError(err.message, ast);
    throw err;
  }
}

function invalid(message: string): GraphQLError {
  return new ScalarInputError(message);
}

function literalString(ast: ValueNode, type: string): string {
  if (ast.kind === Kind.STRING) return ast.value;
  if (type === 'Decimal' && ast.kind === Kind.INT) return ast.value;
  throw invalid(`${type} must be given as a string`);
}

// ASCII digits only (no `u` flag: \d is [0-9]), no sign but `-`, no spaces, no exponent, bounded.
const DECIMAL_RE = /^-?\d{1,18}(\.\d{1,12})?$/;

/** Turns a wire value into a canonical decimal string ("012.50" → "12.5"), or refuses it. */
export function parseDecimal(value: unknown): string {
  // A JSON number is exact only while it is a safe integer: 12345678901234567 arrives as …568.
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0))
    value = String(value);
  if (typeof value !== 'string' || !DECIMAL_RE.test(value)) {
    throw invalid('Decimal must be a number written as a string, such as "1234.50"');
  }
  const d = new Decimal(value);
  if (d.isZero() && value.startsWith('-')) throw invalid('Decimal zero is written without a sign');
  return d.toFixed(Math.max(d.decimalPlaces(), 0));
}

/** Money and other exact quantities go out with at least two decimals: "140000000.00". */
export function formatDecimal(value: unknown): string {
  if (value instanceof Decimal) return value.toFixed(Math.max(value.decimalPlaces(), 2));
  if (typeof value === 'string' || typeof value === 'bigint' || typeof value === 'number') {
    const d = new Decimal(value.toString());
    return d.toFixed(Math.max(d.decimalPlaces(), 2));
  }
  throw new TypeError(`Decimal cannot represent ${typeof value}`);
}

/**
 * Exact decimal numbers travel as strings and stay strings in resolvers (PostgreSQL `numeric`
 * comes back from the driver as a string); services compute with decimal.js.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Exact decimal number as a string, up to 2 decimal places for money.',
  serialize: formatDecimal,
  parseValue: parseDecimal,
  parseLiteral: (ast) => fromLiteral(ast, 'Decimal', parseDecimal),
});

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isRealDate(value)) {
    throw invalid('Date must be a real calendar date written YYYY-MM-DD');
  }
  return value;
}

function serializeDate(value: unknown): string {
  if (typeof value === 'string' && isRealDate(value)) return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  throw new TypeError(`Date cannot represent ${String(value)}`);
}

/** A calendar date in Asia/Shanghai, kept as the string "YYYY-MM-DD" end to end. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date, YYYY-MM-DD.',
  serialize: serializeDate,
  parseValue: parseDate,
  parseLiteral: (ast) => fromLiteral(ast, 'Date', parseDate),
});

const YEAR_MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseYearMonth(value: unknown): string {
  if (typeof value !== 'string' || !YEAR_MONTH_RE.test(value)) {
    throw invalid('YearMonth must be a month written YYYY-MM, with the month from 01 to 12');
  }
  return value;
}

/**
 * An instant written in ISO 8601 with its offset (`Z` or ±hh:mm), to the millisecond at most:
 * "2026-03-01T08:00:00+08:00". A bare date, a local time without offset, or a number is refused;
 * graphql-js's default would take whatever `new Date()` makes of it.
 */
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,3})?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export function parseDateTime(value: unknown): Date {
  const m = typeof value === 'string' ? DATE_TIME_RE.exec(value) : null;
  if (!m || !isRealDate(`${m[1]}-${m[2]}-${m[3]}`)) {
    throw invalid('DateTime must be an instant written like 2026-03-01T08:00:00+08:00');
  }
  return new Date(value as string);
}

function serializeDateTime(value: unknown): string {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime()))
    throw new TypeError(`DateTime cannot represent ${String(value)}`);
  return d.toISOString();
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral: (ast) => fromLiteral(ast, 'DateTime', parseDateTime),
});

export const YearMonthScalar = new GraphQLScalarType<string, string>({
  name: 'YearMonth',
  description: 'Reporting month, YYYY-MM.',
  serialize: (v) => parseYearMonth(v),
  parseValue: parseYearMonth,
  parseLiteral: (ast) => fromLiteral(ast, 'YearMonth', parseYearMonth),
});
