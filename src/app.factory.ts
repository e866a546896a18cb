import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@jcv/config';
import { AppModule } from './app.module.js';
import { createLogger, httpLogger, PinoNestLogger, requestIdMiddleware } from './logging/logger.js';

/**
 * Builds the API as `npm start` runs it; the end-to-end tests build it the same way (and may add
 * modules of their own beside it).
 */
export async function createApp(
  config: AppConfig,
  extraModules: Type[] = [],
): Promise<NestExpressApplication> {
  const logger = createLogger(config.logLevel);
  const root: DynamicModule = extraModules.length
    ? { module: class TestRootModule {}, imports: [AppModule.forRoot(config), ...extraModules] }
    : AppModule.forRoot(config);
  const app = await NestFactory.create<NestExpressApplication>(root, {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  // Request lines are written at info; above it the middleware would only cost time.
  if (logger.isLevelEnabled('info')) app.use(httpLogger(logger));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.enableShutdownHooks();
  return app;
}
