import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  type DocumentNode,
  type FormattedExecutionResult,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
} from 'graphql';

/** The request header, as the contract spells it (the name errors carry in `fields`). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Set on an answer that was stored by an earlier request with the same key. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** Why a header value is not a key, or null when it is one: 1 to 255 visible ASCII characters. */
export function keyProblem(value: string): string | null {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 255) return 'must be at most 255 characters';
  if (!/^[\x21-\x7e]+$/.test(value))
    return 'must be visible ASCII characters only (no spaces, no control or non-ASCII characters)';
  return null;
}

/**
 * What makes two requests "the same": the document as graphql-js prints it (so spacing and
 * comments do not count), the operation name and the variables as canonical JSON (RFC 8785, so
 * the order of their keys does not count either).
 */
export function fingerprint(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): string {
  const canonical = canonicalize([print(document), operationName ?? null, variables ?? {}])!;
  return createHash('sha256').update(canonical).digest('hex');
}

/** Error codes after which the key is let go, so that a retry runs the mutation again. */
const RELEASING_CODES = new Set(['INTERNAL_SERVER_ERROR', 'UNAUTHENTICATED', 'FORBIDDEN']);

/** The response names (aliases or names) of an operation's root fields, through fragments. */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        // __typename resolves without running anything.
        if (!s.name.value.startsWith('__')) names.add(s.alias?.value ?? s.name.value);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment);
      }
    }
  };
  walk(operation.selectionSet);
  return [...names];
}

/**
 * Whether a mutation's answer should be forgotten rather than stored. An answer is replayed
 * as it was, errors included (a BAD_USER_INPUT or CONFLICT answer will be the same answer next
 * time), except when it failed on the server's side or on authentication or access: then
 * nothing was written and the caller may retry for real. That holds only when every root field
 * failed at its root: an error deeper down means the root resolver returned, so its write was
 * made, and a root field without an error ran to completion.
 */
export function shouldRelease(result: FormattedExecutionResult, roots: string[]): boolean {
  const errors = result.errors ?? [];
  if (!errors.some((e) => RELEASING_CODES.has(String(e.extensions?.code)))) return false;
  if (errors.some((e) => (e.path?.length ?? 0) > 1)) return false;
  // A request-level failure (no path, no data): execution never reached a resolver.
  if (result.data == null && errors.every((e) => !e.path)) return true;
  const failed = new Set(errors.flatMap((e) => (e.path ? [String(e.path[0])] : [])));
  return roots.length > 0 && roots.every((r) => failed.has(r));
}
