import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { Decimal } from 'decimal.js';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function literalString(ast: ValueNode, type: string): string {
  if (ast.kind === Kind.STRING) return ast.value;
  if (type === 'Decimal' && ast.kind === Kind.INT) return ast.value;
  throw invalid(`${type} must be given as a string`);
}

const DECIMAL_RE = /^-?\d{1,18}(\.\d{1,12})?$/;

/** Turns a wire value into a canonical decimal string ("012.50" → "12.50"), or refuses it. */
export function parseDecimal(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
  if (typeof value !== 'string' || !DECIMAL_RE.test(value.trim())) {
    throw invalid('Decimal must be a number written as a string, such as "1234.50"');
  }
  const d = new Decimal(value.trim());
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
  parseLiteral: (ast) => parseDecimal(literalString(ast, 'Decimal')),
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
  parseLiteral: (ast) => parseDate(literalString(ast, 'Date')),
});

const YEAR_MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseYearMonth(value: unknown): string {
  if (typeof value !== 'string' || !YEAR_MONTH_RE.test(value)) {
    throw invalid('YearMonth must be a month written YYYY-MM, with the month from 01 to 12');
  }
  return value;
}

export const YearMonthScalar = new GraphQLScalarType<string, string>({
  name: 'YearMonth',
  description: 'Reporting month, YYYY-MM.',
  serialize: (v) => parseYearMonth(v),
  parseValue: parseYearMonth,
  parseLiteral: (ast) => parseYearMonth(literalString(ast, 'YearMonth')),
});
