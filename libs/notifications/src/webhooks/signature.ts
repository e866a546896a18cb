import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks v1 signatures. An endpoint's secret is `whsec_` followed by the base64 of
 * the key's bytes; the signature of a message is `v1,` and the base64 HMAC-SHA256, under those
 * bytes, of `${webhook-id}.${webhook-timestamp}.${body}`. A receiver checks it with any Standard
 * Webhooks library, or with a few lines of its own HMAC (docs/webhooks.md).
 */

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A new endpoint secret: 32 random bytes, as Standard Webhooks libraries expect them. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The key's bytes of a `whsec_…` secret. */
export function webhookSecretKey(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX))
    throw new Error(`a webhook secret starts with ${WEBHOOK_SECRET_PREFIX}`);
  const key = Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
  if (!key.length) throw new Error('a webhook secret holds a key after its prefix');
  return key;
}

/** The webhook-signature header of one attempt: `v1,<base64 HMAC-SHA256>`. */
export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const mac = createHmac('sha256', webhookSecretKey(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** The headers of one attempt: the same id every time, the attempt's own time and signature. */
export function webhookHeaders(
  secret: string,
  id: string,
  at: Date,
  body: string,
): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}
