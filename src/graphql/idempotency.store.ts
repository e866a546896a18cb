import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FormattedExecutionResult } from 'graphql';
import { DataSource } from 'typeorm';

/** How long a key holds its answer. */
export const KEY_LIFETIME = '24 hours';

/**
 * A running claim older than this is taken to belong to a process that died, and a retry with
 * the same request takes it over. Far above any mutation's running time (a report import of
 * the largest body runs for seconds).
 */
export const STALE_CLAIM_AFTER = '5 minutes';

/** Keys past their lifetime deleted with each stored answer. */
const SWEEP_BATCH = 100;

export interface ClaimRef {
  userId: string;
  key: string;
  claimId: string;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claim: ClaimRef }
  | { kind: 'other-request' }
  | { kind: 'running' }
  | { kind: 'completed'; status: number; response: FormattedExecutionResult };

/** The `idempotency_keys` table: every step is one atomic statement, so API instances can race. */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(userId: string, key: string, fingerprint: string): Promise<ClaimOutcome> {
    // A row gone between the failed claim and the read was released: claim again. When other
    // requests keep taking it, answer as if it were running.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimId = randomUUID();
      // One statement: the claim, and the row as it stood when the claim found it taken (read
      // from the statement's snapshot, so a row committed meanwhile reads as absent: a retry).
      const [row]: {
        claimed: boolean;
        fingerprint: string | null;
        completed: boolean;
        http_status: number | null;
        response: FormattedExecutionResult | null;
      }[] = await this.dataSource.query(
        `WITH claimed AS (
           INSERT INTO idempotency_keys AS k (user_id, key, fingerprint, claim_id)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (user_id, key) DO UPDATE
             SET fingerprint = EXCLUDED.fingerprint, claim_id = EXCLUDED.claim_id,
                 claimed_at = now(), completed_at = NULL, http_status = NULL, response = NULL
           WHERE k.claimed_at < now() - interval '${KEY_LIFETIME}'
              OR (k.completed_at IS NULL AND k.fingerprint = EXCLUDED.fingerprint
                  AND k.claimed_at < now() - interval '${STALE_CLAIM_AFTER}')
           RETURNING 1)
         SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, k.fingerprint,
                k.completed_at IS NOT NULL AS completed, k.http_status, k.response
           FROM (VALUES (1)) AS one
           LEFT JOIN idempotency_keys k ON k.user_id = $1 AND k.key = $2`,
        [userId, key, fingerprint, claimId],
      );
      if (row.claimed) return { kind: 'claimed', claim: { userId, key, claimId } };
      if (row.fingerprint === null) continue;
      if (row.fingerprint !== fingerprint) return { kind: 'other-request' };
      if (!row.completed) return { kind: 'running' };
      return { kind: 'completed', status: row.http_status!, response: row.response! };
    }
    return { kind: 'running' };
  }

  /**
   * Stores the answer, and deletes keys past their lifetime: a stored answer adds one row and
   * removes up to SWEEP_BATCH dead ones, so the table holds about a day of keys. SKIP LOCKED:
   * the sweep never waits for, nor blocks, a request using one of those keys.
   */
  async complete(claim: ClaimRef, status: number, response: FormattedExecutionResult) {
    await this.dataSource.query(
      `WITH swept AS (
         DELETE FROM idempotency_keys WHERE (user_id, key) IN (
           SELECT user_id, key FROM idempotency_keys
            WHERE claimed_at < now() - interval '${KEY_LIFETIME}' AND NOT (user_id = $1 AND key = $2)
            ORDER BY claimed_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED))
       UPDATE idempotency_keys
          SET completed_at = now(), http_status = $4, response = $5::json
        WHERE user_id = $1 AND key = $2 AND claim_id = $3 AND completed_at IS NULL`,
      [claim.userId, claim.key, claim.claimId, status, JSON.stringify(response)],
    );
  }

  async release(claim: ClaimRef) {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND claim_id = $3 AND completed_at IS NULL`,
      [claim.userId, claim.key, claim.claimId],
    );
  }
}
