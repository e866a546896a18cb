import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: each user's locale; a sign-in throttle that reserves an attempt atomically before the
 * password is checked (one row per email, replacing the log of failures, whose count could be
 * raced); and the sign-ins, whose revocation every authenticated request checks.
 */
export class Accounts1764000700000 implements MigrationInterface {
  name = 'Accounts1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'ZH_CN'
        CONSTRAINT users_locale_check CHECK (locale IN ('ZH_CN', 'EN'))`);

    await q.query(`
      CREATE TABLE login_attempts (
        email_key text PRIMARY KEY,
        -- Attempts reserved since window_started_at; a success deletes the row.
        attempts integer NOT NULL CHECK (attempts >= 1),
        window_started_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A success also clears the windows that have run out, so the table keeps only live ones.
    await q.query(`CREATE INDEX login_attempts_window_idx ON login_attempts (window_started_at)`);
    await q.query(`DROP TABLE login_failures`);

    // One row per sign-in (a family of refresh tokens): every authenticated request reads
    // whether its sign-in still holds by primary key, however long the family has rotated.
    await q.query(`
      CREATE TABLE sign_ins (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    // A family is revoked all at once, so any revoked token marks its sign-in revoked.
    await q.query(`
      INSERT INTO sign_ins (id, user_id, created_at, revoked_at)
      SELECT family_id, (array_agg(user_id))[1], min(created_at), max(revoked_at)
        FROM refresh_tokens GROUP BY family_id`);
    await q.query(`
      ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_family_id_fkey
        FOREIGN KEY (family_id) REFERENCES sign_ins(id) ON DELETE CASCADE`);
    // Ending every sign-in of a user (deactivation, password change or reset).
    await q.query(
      `CREATE INDEX sign_ins_user_live_idx ON sign_ins (user_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_family_id_fkey`);
    await q.query(`DROP TABLE sign_ins`);
    await q.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email_key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_email_at_idx ON login_failures (email_key, at)`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`ALTER TABLE users DROP COLUMN locale`);
  }
}
