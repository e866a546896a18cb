import type { DataSource, EntityManager } from 'typeorm';

/** Password guesses allowed for one email within the window; the rest of the window is closed. */
export const MAX_FAILED_LOGINS = 5;
const WINDOW = '15 minutes';

/** The throttle's key of an email: the same however it is written. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * Reserves one password check for an email, or answers false when the window's checks are spent.
 * The reservation is one atomic upsert committed before the password is checked, so however many
 * requests race (on however many API instances), at most MAX_FAILED_LOGINS checks happen per
 * window; a success gives them back (`clearLoginAttempts`).
 */
export async function reserveLoginAttempt(db: DataSource, key: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO login_attempts AS a (email_key, attempts, window_started_at)
     VALUES ($1, 1, now())
     ON CONFLICT (email_key) DO UPDATE SET
       attempts = CASE WHEN a.window_started_at <= now() - $3::interval THEN 1
                       ELSE a.attempts + 1 END,
       window_started_at = CASE WHEN a.window_started_at <= now() - $3::interval THEN now()
                                ELSE a.window_started_at END
     WHERE a.attempts < $2 OR a.window_started_at <= now() - $3::interval
     RETURNING a.attempts`,
    [key, MAX_FAILED_LOGINS, WINDOW],
  );
  return rows.length > 0;
}

/** After a success: the email's attempts, and every window that has run out. */
export async function clearLoginAttempts(em: EntityManager, key: string): Promise<void> {
  await em.query(
    `DELETE FROM login_attempts WHERE email_key = $1 OR window_started_at <= now() - $2::interval`,
    [key, WINDOW],
  );
}
