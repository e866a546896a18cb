import type { NotificationKind, NotificationParams } from '../notification-kinds.js';

/** A notification worded in one locale. */
export interface RenderedNotification {
  title: string;
  body: string;
}

/** One locale's wording of every kind, typed by the kind's parameters. */
export type NotificationTemplates = {
  [K in NotificationKind]: (params: NotificationParams[K]) => RenderedNotification;
};

/**
 * A parameter as text. The parameters are kept as JSON beside the notification, so one that a
 * later version no longer writes reads as nothing rather than as "undefined".
 */
export function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** The year, month and day of a YYYY-MM-DD (or YYYY-MM, YYYY) parameter, or null. */
export function dateParts(value: unknown): { year: number; month?: number; day?: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text(value));
  if (!m) return null;
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  return { year: Number(m[1]), month, day };
}

/** A Decimal string with its whole part grouped by thousands: 1234567.50 → 1,234,567.50. */
export function groupDigits(amount: unknown): string {
  const value = text(amount);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!m) return value;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+$)/g, ',')}${m[3] ?? ''}`;
}

/** Paragraphs of a body, blank lines between them; empty ones are left out. */
export function paragraphs(...parts: (string | false | null | undefined)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');
}

/** The word of a code in one locale; a code the platform does not know yet is shown as it is. */
export function wordOf(words: Readonly<Record<string, string>>, code: unknown): string {
  const key = text(code);
  return Object.hasOwn(words, key) ? words[key] : key;
}
