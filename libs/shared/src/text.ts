/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate is not a character at all (it
 * cannot be stored or sent back as UTF-8): text holding either is refused wherever it comes in.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function badCharacter(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone UTF-16 surrogate';
  return null;
}
