/**
 * Idempotency-Key for a mutation (docs/api-contract.graphql): one key per attempt of the user,
 * so that a request the network repeats is written once. crypto.randomUUID exists only on
 * secure origins (https, localhost); on plain http inside the park's network 16 random bytes in
 * hex do as well.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** The Apollo context of one attempt at a mutation: its Idempotency-Key header. */
export function attemptContext(key: string = newIdempotencyKey()) {
  return { headers: { 'idempotency-key': key } };
}
