import Decimal from 'decimal.js';

/**
 * How the console writes numbers (web-console.md): money in 元 with thousands separators and two
 * decimals, or in 万元 where a card is short of room; rates as percentages. Every value comes from
 * the API as a Decimal string and is formatted with decimal.js, never through a float, so what
 * is shown is exactly what the API gave, rounded half up only for display.
 */

const PLAIN = /^-?\d+(\.\d+)?$/;

function toDecimal(value: string | number): Decimal {
  const text = String(value).trim();
  if (!PLAIN.test(text)) throw new Error(`not a decimal number: ${text}`);
  return new Decimal(text);
}

/** Groups the integer part of a plain decimal string by thousands: 1234567.5 → 1,234,567.5. */
export function groupThousands(text: string): string {
  const negative = text.startsWith('-');
  const [int, frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Money in yuan: `1,234,567.80`. */
export function formatYuan(value: string | number): string {
  return groupThousands(toDecimal(value).toFixed(2, Decimal.ROUND_HALF_UP));
}

/** Money in 万元 (ten thousand yuan), `digits` decimals: `123.46`. */
export function formatWan(value: string | number, digits = 2): string {
  return groupThousands(toDecimal(value).div(10000).toFixed(digits, Decimal.ROUND_HALF_UP));
}

/** Money in 亿元 (hundred million yuan), `digits` decimals. */
export function formatYi(value: string | number, digits = 2): string {
  return groupThousands(toDecimal(value).div(100000000).toFixed(digits, Decimal.ROUND_HALF_UP));
}

/** An integer count with thousands separators. */
export function formatCount(value: string | number): string {
  return groupThousands(toDecimal(value).toFixed(0, Decimal.ROUND_HALF_UP));
}

/** A ratio (0.8734) as a percentage (87.3 %), `digits` decimals. */
export function formatPercent(value: string | number, digits = 1): string {
  return `${toDecimal(value).times(100).toFixed(digits, Decimal.ROUND_HALF_UP)}%`;
}

/** An area in m², two decimals at most, thousands grouped. */
export function formatArea(value: string | number): string {
  return groupThousands(toDecimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString());
}

/** actual / target as a percentage from 0 to 100 for a progress bar (0 when there is no target). */
export function progressPercent(actual: string | number, target: string | number): number {
  const t = toDecimal(target);
  if (t.lte(0)) return 0;
  const p = toDecimal(actual).div(t).times(100);
  return Decimal.min(100, Decimal.max(0, p)).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
}

/** Whether a typed amount is a non-negative money value with at most two decimals. */
export function isMoneyText(text: string): boolean {
  return /^\d{1,13}(\.\d{1,2})?$/.test(text.trim());
}

/** Exact sum of Decimal strings, as a Decimal string. */
export function sum(values: readonly (string | number)[]): string {
  return values.reduce<Decimal>((acc, v) => acc.plus(toDecimal(v)), new Decimal(0)).toString();
}

/**
 * Values for a chart axis. ECharts draws numbers, so this is the only place a Decimal becomes a
 * float: for the height of a bar, never for a figure a user reads (labels and tooltips format
 * the exact strings).
 */
export function chartNumber(value: string | number): number {
  return toDecimal(value).toNumber();
}
