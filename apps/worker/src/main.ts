import { ConfigError, loadConfig } from '@jcv/config';
import { createLogger, PinoNestLogger } from '@jcv/logging';
import { createWorker, runWorker } from './worker.js';
import { parseWorkerOptions, WorkerUsageError } from './worker-options.js';

// `npm run worker` (on schedule) or `npm run worker -- --once [--date YYYY-MM-DD]`.
async function main() {
  const options = parseWorkerOptions(process.argv.slice(2));
  const config = loadConfig();
  const logger = new PinoNestLogger(createLogger(config.logLevel));
  const app = await createWorker(config, logger);
  const stop = new Promise((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  try {
    await runWorker(app, options, stop);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof WorkerUsageError) console.error(err.message);
  else console.error(`The worker stopped: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
