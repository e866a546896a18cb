import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { type AppConfig, ConfigError, loadConfig } from '@jcv/config';
import { ReportingCliModule } from './reporting-cli.module.js';

/** Where a command writes: standard output for results, standard error for progress. */
export interface CommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export const println = (stream: NodeJS.WritableStream, line = '') => stream.write(`${line}\n`);

/**
 * Runs a command in a Nest application context on the configured database (DATABASE_URL, or
 * the embedded one under DATA_DIR, which the API must not be holding), then exits with its code.
 */
export function runCommand(
  command: (app: INestApplicationContext, args: string[], io: CommandIo) => Promise<number>,
  config?: AppConfig,
): void {
  const io = { out: process.stdout, err: process.stderr };
  (async () => {
    const app = await NestFactory.createApplicationContext(
      ReportingCliModule.forRoot(config ?? loadConfig()),
      { logger: ['error', 'warn'], abortOnError: false },
    );
    try {
      return await command(app, process.argv.slice(2), io);
    } finally {
      await app.close();
    }
  })().then(
    (code) => process.exit(code),
    (err) => {
      println(
        io.err,
        err instanceof ConfigError || err instanceof Error ? err.message : String(err),
      );
      process.exit(1);
    },
  );
}
