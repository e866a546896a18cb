import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `Idempotency-Key` of mutations: one row per caller and key, claimed before the mutation
 * runs and holding its answer once it has. The primary key is what makes a claim atomic across
 * API instances. The answer is `json`, not `jsonb`, so that a replay keeps the order of the
 * fields the client asked for.
 */
export class IdempotencyKeys1764000700100 implements MigrationInterface {
  name = 'IdempotencyKeys1764000700100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (key ~ '^[!-~]{1,255}$'),
        fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        -- Who holds a running claim: a claim taken over from a dead process gets a new one, so
        -- the old process can no longer complete or release it.
        claim_id uuid NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        http_status smallint CHECK (http_status BETWEEN 100 AND 599),
        response json,
        PRIMARY KEY (user_id, key),
        CONSTRAINT idempotency_keys_completed_check
          CHECK ((completed_at IS NULL) = (response IS NULL)
             AND (response IS NULL) = (http_status IS NULL))
      )`);
    // The sweep of keys older than a day reads them oldest first.
    await q.query(`CREATE INDEX idempotency_keys_claimed_at_idx ON idempotency_keys (claimed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
