// Migration commands: `npm run migration:run|revert|show`. Run them while the app is stopped
// when the database is the embedded one (it has a single session and a lock on its files).
import 'reflect-metadata';
import { loadConfig } from '@jcv/config';
import { openDataSource } from '../database.module.js';
import { dataSourceOptions } from '../data-source-options.js';
import { startEmbeddedPostgres } from '../embedded.js';
import { DataSource } from 'typeorm';

async function main() {
  const command = process.argv[2];
  const config = loadConfig();
  if (command === 'run') {
    const ds = await openDataSource(config);
    console.log('migrations are up to date');
    await ds.destroy();
    return;
  }
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const ds = new DataSource(
    dataSourceOptions({
      url: config.databaseUrl ?? embedded!.url,
      embedded: !!embedded,
      schema: config.databaseSchema,
    }),
  );
  try {
    await ds.initialize();
    if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'show') {
      const pending = await ds.showMigrations();
      console.log(pending ? 'there are pending migrations' : 'no pending migrations');
    } else {
      throw new Error('usage: cli.js run|revert|show');
    }
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
