import { registerConstraints } from '@jcv/database';

const CHECKED = { internal: 'the Idempotency-Key plugin checks the header and writes the rest' };

/** The constraints of the claimed Idempotency-Keys, which the plugin alone writes. */
registerConstraints({
  idempotency_keys_key_check: CHECKED,
  idempotency_keys_fingerprint_check: CHECKED,
  idempotency_keys_http_status_check: CHECKED,
  idempotency_keys_completed_check: CHECKED,
  idempotency_keys_user_id_fkey: {
    internal: 'the signed-in user; the plugin answers a vanished one itself',
  },
});
