// `npm run bills -- --period YYYY-MM`: bills every firm with a lease in that month.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@jcv/config';
import { BillingCliModule } from './billing-cli.module.js';
import { issueBillsCommand } from './issue-bills-command.js';

// Runs in a Nest application context on the configured database (DATABASE_URL, or the embedded
// one under DATA_DIR, which the API must not be holding), then exits with the command's code.
(async () => {
  const app = await NestFactory.createApplicationContext(BillingCliModule.forRoot(loadConfig()), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    return await issueBillsCommand(app, process.argv.slice(2), {
      out: process.stdout,
      err: process.stderr,
    });
  } finally {
    await app.close();
  }
})().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
