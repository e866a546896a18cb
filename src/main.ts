import { ConfigError, DEMO_ADMIN, loadConfig } from '@jcv/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.factory.js';
import { DEFAULT_CONSOLE_DIR } from './console/serve-console.js';
import { loadDemoPark } from './seed/demo-park.js';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  const server = await app.listen(config.port, '0.0.0.0');
  // An idle keep-alive connection is closed by the server only well after a client or proxy
  // would reuse it (Node's 5 s default races them, and the request that loses the race is
  // reset); headersTimeout must be longer still.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const url = `http://localhost:${config.port}`;
  console.log(`\nJinchuang Valley · Lüliang (晋创谷·吕梁) platform is up`);
  const consoleBuilt = existsSync(join(config.consoleDir ?? DEFAULT_CONSOLE_DIR, 'index.html'));
  console.log(`  console  ${consoleBuilt ? `${url}/` : '(not built: run `npm run build`)'}`);
  console.log(`  GraphQL  ${url}/graphql`);
  console.log(`  health   ${url}/health`);
  console.log(
    `  database ${config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded, files in ${config.dataDir}`}`,
  );
  console.log(
    `  jobs     ${config.workerInProcess ? 'scheduled in this process (WORKER_IN_PROCESS)' : 'run by the worker (apps/worker)'}`,
  );
  if (!config.production && config.seedDemo) {
    console.log(`\nDemo accounts (development only):`);
    console.log(
      `  ADMIN             ${config.bootstrapAdminEmail}  /  ${config.bootstrapAdminEmail === DEMO_ADMIN.email ? DEMO_ADMIN.password : '(BOOTSTRAP_ADMIN_PASSWORD)'}`,
    );
    for (const a of (await loadDemoPark()).accounts) {
      console.log(`  ${a.role.padEnd(17)} ${a.email}  /  ${a.password}`);
    }
  }
  console.log('');
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(
      `The platform could not start: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  process.exit(1);
});
