import pg from 'pg';

/**
 * With TEST_DATABASE_URL, each suite works in a schema of its own on that server. Extensions are
 * per database, so btree_gist is installed once here rather than raced by parallel suites.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
    // Schemas left by suites that were killed before they could drop theirs: those made more
    // than a day ago (the name holds the time), so a run going on beside this one keeps its own.
    const { rows } = await client.query(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'jcv_test_%'`,
    );
    const dayAgo = Date.now() - 24 * 3600 * 1000;
    for (const { nspname } of rows) {
      const made = parseInt(String(nspname).split('_')[2], 36);
      if (Number.isNaN(made) || made < dayAgo) {
        await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
      }
    }
  } finally {
    await client.end();
  }
}
