// `npm run statistics:torch -- --year 2025 [--out FILE]`: the Torch statistics as a workbook.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@jcv/config';
import { StatisticsCliModule } from './statistics-cli.module.js';
import { torchStatisticsCommand } from './torch-statistics-command.js';

// Runs in a Nest application context on the configured database (DATABASE_URL, or the embedded
// one under DATA_DIR, which the API must not be holding), then exits with the command's code.
(async () => {
  const app = await NestFactory.createApplicationContext(
    StatisticsCliModule.forRoot(loadConfig()),
    {
      logger: ['error', 'warn'],
      abortOnError: false,
    },
  );
  try {
    return await torchStatisticsCommand(app, process.argv.slice(2), {
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
