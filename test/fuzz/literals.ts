import type { Rng } from './rng.js';
import { EnumName, RawNumber, type Value, VarRef } from './values.js';

/** Sets a key as an own property, `__proto__` included (an assignment would set the prototype). */
export function put(obj: Record<string, Value>, key: string, value: Value): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A value as a GraphQL literal; strings now and then as block strings, raw. */
export function printLiteral(v: Value, rng: Rng): string {
  if (v === null) return 'null';
  if (v instanceof EnumName) return v.name;
  if (v instanceof RawNumber) return v.text;
  if (v instanceof VarRef) return `$${v.name}`;
  if (Array.isArray(v)) return `[${v.map((x) => printLiteral(x, rng)).join(', ')}]`;
  switch (typeof v) {
    case 'boolean':
      return String(v);
    case 'number':
      return Number.isFinite(v) ? (Object.is(v, -0) ? '-0' : String(v)) : 'NaN';
    case 'string':
      // Block strings take the characters raw (no escapes): NUL and lone surrogates as they are.
      return rng.chance(0.08) && !v.includes('"') ? `"""${v}"""` : JSON.stringify(v);
    default:
      return `{${Object.entries(v)
        .map(([k, x]) => `${k}: ${printLiteral(x, rng)}`)
        .join(', ')}}`;
  }
}

/** JSON text of a value, numbers written exactly as given (JSON.stringify cannot say 1e400). */
export function toJson(v: unknown): string {
  if (v instanceof RawNumber) return v.text;
  if (v instanceof EnumName) return JSON.stringify(v.name);
  if (v instanceof VarRef) return JSON.stringify(`$${v.name}`);
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
      .join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return 'null';
  return JSON.stringify(v) ?? 'null';
}
