import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@jcv/config';
import { AppModule } from './app.module.js';
import { createLogger, httpLogger, PinoNestLogger, requestIdMiddleware } from './logging/logger.js';

/** Builds the API as `npm start` runs it; the end-to-end tests build it the same way. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  if (config.logLevel !== 'silent') app.use(httpLogger(logger));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.enableShutdownHooks();
  return app;
}
