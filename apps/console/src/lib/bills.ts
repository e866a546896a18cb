import Decimal from 'decimal.js';
import type { BillLineKind, BillStatus } from '../gql/graphql';
import { amountProblem } from './benefits';
import { isIsoDate, monthOf, nextMonth } from './dates';

/**
 * What the bills pages work out themselves (domain.md, "Rent bills"; libs/billing): the amount
 * in words a printed bill carries, the colours and order of statuses and line kinds, the months
 * a bill run may be asked for, and the checks of a payment and a voiding before they are sent.
 * Money stays a Decimal string throughout.
 */

// ---- amount in words (人民币大写) ---------------------------------------------------------------

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;

/** 0 < n < 10 000 in words, without leading 零: 1005 → 壹仟零伍, 10 → 壹拾. */
function fourDigits(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      // One 零 for a run of zeros between figures; none at the end.
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[digit] + PLACES[place];
  }
  return out;
}

/** A whole number > 0 of yuan in words: groups of 万 and 亿, one 零 where a gap is. */
function wholeYuan(n: bigint): string {
  const YI = 100_000_000n;
  const WAN = 10_000n;
  if (n >= YI) {
    const high = n / YI;
    const low = n % YI;
    if (low === 0n) return `${wholeYuan(high)}亿`;
    return `${wholeYuan(high)}亿${low < 10_000_000n ? '零' : ''}${wholeYuan(low)}`;
  }
  if (n >= WAN) {
    const high = Number(n / WAN);
    const low = Number(n % WAN);
    if (low === 0) return `${fourDigits(high)}万`;
    return `${fourDigits(high)}万${low < 1000 ? '零' : ''}${fourDigits(low)}`;
  }
  return fourDigits(Number(n));
}

/**
 * A money amount in Chinese capital figures (人民币大写), as banks write them on a bill
 * (中国人民银行《支付结算办法》附一, 正确填写票据和结算凭证的基本规定):
 * - 整 after 元 when there are no 角 and 分; none after 角 or 分: 1234.50 → 壹仟贰佰叁拾肆元伍角;
 * - one 零 for a run of zeros inside the yuan (1005 → 壹仟零伍元整, 100010 → 壹拾万零壹拾元整);
 *   a 零 before 角 is left out, as the rules allow (1680.32 → 壹仟陆佰捌拾元叁角贰分);
 * - 零 after 元 when 角 is 0 and 分 is not (325.04 → 叁佰贰拾伍元零肆分);
 * - 拾 at the head of a number is written 壹拾 (10.00 → 壹拾元整), so nothing can be put before it;
 * - less than a yuan starts at 角 or 分 (0.05 → 伍分); nothing at all is 零元整.
 * The amount is rounded half up to the fen; a negative one is prefixed 负.
 */
export function amountInWords(amount: string): string {
  const text = amount.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a decimal number: ${amount}`);
  const value = new Decimal(text).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (value.isZero()) return '零元整';
  const sign = value.isNegative() ? '负' : '';
  const fen = BigInt(value.abs().times(100).toFixed(0));
  const yuan = fen / 100n;
  const jiao = Number((fen % 100n) / 10n);
  const cents = Number(fen % 10n);
  let out = yuan > 0n ? `${wholeYuan(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${sign}${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0n) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return `${sign}${out}`;
}

// ---- statuses and lines ---------------------------------------------------------------------------

export const BILL_STATUSES: readonly BillStatus[] = ['ISSUED', 'OVERDUE', 'PAID', 'VOID'];

export type BillTone = 'info' | 'danger' | 'success' | 'neutral';

/** 待缴 blue, 逾期 red, 已缴清 green, 已作废 grey. */
export const BILL_STATUS_TONES: Readonly<Record<BillStatus, BillTone>> = {
  ISSUED: 'info',
  OVERDUE: 'danger',
  PAID: 'success',
  VOID: 'neutral',
};

/** The order of a lease's lines on a bill: rent, property fee, then relief. */
export const BILL_LINE_KINDS: readonly BillLineKind[] = ['RENT', 'PROPERTY_FEE', 'RENT_RELIEF'];

/** The days of the month a line covers, as the bill writes them: `15/30`. */
export function daysText(days: number, monthDays: number): string {
  return `${days}/${monthDays}`;
}

/** Whether a line covers the whole month. */
export function wholeMonth(days: number, monthDays: number): boolean {
  return days === monthDays;
}

/** A unit as a bill names it: the building's name and the unit's code, `创新大厦 A-101`. */
export function unitLabel(unit: { code: string; building: { name: string } }): string {
  return `${unit.building.name} ${unit.code}`;
}

/** The committee records payments on a bill still owing, and voids one nothing was paid on. */
export function mayRecordPayment(bill: { status: BillStatus; outstanding: string }): boolean {
  return bill.status !== 'VOID' && bill.status !== 'PAID' && new Decimal(bill.outstanding).gt(0);
}

export function mayVoid(bill: { status: BillStatus; paid: string }): boolean {
  return bill.status !== 'VOID' && new Decimal(bill.paid).isZero();
}

/** Sum of the lines of one kind (the relief as a positive amount), as a Decimal string. */
export function linesTotal(
  lines: readonly { kind: BillLineKind; amount: string }[],
  kind: BillLineKind,
): string {
  const total = lines
    .filter((l) => l.kind === kind)
    .reduce((acc, l) => acc.plus(l.amount), new Decimal(0));
  return (kind === 'RENT_RELIEF' ? total.negated() : total).toFixed(2);
}

/** Days past due on `today` (0 when not yet due). Both YYYY-MM-DD. */
export function daysOverdue(dueOn: string, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

// ---- months -----------------------------------------------------------------------------------

/** The month before `period` (YYYY-MM). */
export function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month the bills page opens on: last month, whose bills are out on the 1st. */
export function defaultBillMonth(today: string): string {
  return previousMonth(monthOf(today));
}

/** The first month the platform bills. */
export const BILLING_SINCE = '2025-01';

/**
 * The months the committee may look at and bill, newest first: from BILLING_SINCE up to next
 * month (a month after next is refused by the API on `period`).
 */
export function billMonths(today: string, since = BILLING_SINCE): string[] {
  const last = nextMonth(monthOf(today));
  const out: string[] = [];
  for (let p = since; p <= last; p = nextMonth(p)) out.push(p);
  return out.reverse();
}

/** Whether `period` may be billed on `today`: a real month up to next month. */
export function mayBill(period: string, today: string): boolean {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return false;
  return period <= nextMonth(monthOf(today));
}

/** The month asked in the address (`?period=`), or the default when it is missing or not one. */
export function monthFromQuery(value: string | null, today: string): string {
  return value && billMonths(today).includes(value) ? value : defaultBillMonth(today);
}

/**
 * The years a firm's bills may be in, newest first: from the year it entered to the year of
 * next month (December's run issues January's bills).
 */
export function billYears(enteredOn: string, today: string): number[] {
  const first = Number(enteredOn.slice(0, 4));
  const last = Number(nextMonth(monthOf(today)).slice(0, 4));
  const out: number[] = [];
  for (let y = last; y >= Math.min(first, last); y--) out.push(y);
  return out;
}

// ---- payment and void ---------------------------------------------------------------------------

export const REFERENCE_MAX = 200;
export const REASON_MAX = 500;

export type PaymentAmountProblem = 'required' | 'format' | 'positive' | 'tooMuch';

/**
 * Why a typed payment cannot be sent, or null: money with at most two decimals, more than zero,
 * and not more than what the bill still owes (the API refuses more on `amount`).
 */
export function paymentAmountProblem(
  text: string | null | undefined,
  outstanding: string,
): PaymentAmountProblem | null {
  const problem = amountProblem(text);
  if (problem) return problem;
  if (new Decimal((text ?? '').trim()).gt(outstanding)) return 'tooMuch';
  return null;
}

export type PaidOnProblem = 'required' | 'format' | 'future';

/** A payment's date: a real YYYY-MM-DD, not after today. */
export function paidOnProblem(
  text: string | null | undefined,
  today: string,
): PaidOnProblem | null {
  const value = (text ?? '').trim();
  if (!value) return 'required';
  if (!isIsoDate(value)) return 'format';
  if (value > today) return 'future';
  return null;
}

export type TextProblem = 'required' | 'tooLong';

/** A trimmed text of 1 to `max` characters (a payment's reference, a voiding's reason). */
export function textProblem(text: string | null | undefined, max: number): TextProblem | null {
  const value = (text ?? '').trim();
  if (!value) return 'required';
  if ([...value].length > max) return 'tooLong';
  return null;
}

// ---- the month's workbook ---------------------------------------------------------------------

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The name the browser saves the month's workbook under: the API's own, without any folder or
 * character a file system refuses, ending .xlsx; `bills-YYYY-MM.xlsx` when it gave none.
 */
export function billsFileName(fileName: string | null | undefined, period: string): string {
  const base = (fileName ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .trim()
    .replace(/^\.+/, '');
  const safe = base || `bills-${period}`;
  return safe.toLowerCase().endsWith('.xlsx') ? safe : `${safe}.xlsx`;
}
