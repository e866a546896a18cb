import type { EntityManager } from 'typeorm';

// A sign-in is one row of sign_ins and the family of refresh tokens rotated from it. Its
// revoked_at is what counts: the access guard reads it on every request (the access token
// carries its id, `sid`), and a refresh token of a revoked sign-in is refused. The family's
// tokens are marked too, so each token row tells its own story.

/** Starts a sign-in. */
export async function startSignIn(em: EntityManager, id: string, userId: string): Promise<void> {
  await em.query(`INSERT INTO sign_ins (id, user_id) VALUES ($1, $2)`, [id, userId]);
}

async function markTokens(em: EntityManager, signInIds: string[]): Promise<void> {
  if (!signInIds.length) return;
  await em.query(
    `UPDATE refresh_tokens SET revoked_at = now()
      WHERE family_id = ANY($1::uuid[]) AND revoked_at IS NULL`,
    [signInIds],
  );
}

/** Ends one sign-in; answers whether it was still live. */
export async function revokeSignIn(em: EntityManager, id: string): Promise<boolean> {
  const [rows] = await em.query(
    `UPDATE sign_ins SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id],
  );
  await markTokens(em, [id]);
  return rows.length > 0;
}

/** Ends every live sign-in of a user but `keep`; answers how many ended. */
export async function revokeSignInsOf(
  em: EntityManager,
  userId: string,
  keep: string | null = null,
): Promise<number> {
  const [rows] = await em.query(
    `UPDATE sign_ins SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
      RETURNING id`,
    [userId, keep],
  );
  const ids = (rows as { id: string }[]).map((r) => r.id);
  await markTokens(em, ids);
  return ids.length;
}
