import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import type { AppConfig } from '@jcv/config';
import { AppModule } from './app.module.js';
import { consoleHandlers, DEFAULT_CONSOLE_DIR } from './console/serve-console.js';
import { documentGuard } from './graphql/document-guard.js';
import { QUERY_LIMITS } from './graphql/graphql.options.js';
import { requestErrorHandler, requestErrorHandlerEntering } from './graphql/request-errors.js';
import {
  createLogger,
  enterRequestContextOf,
  httpLogger,
  PinoNestLogger,
  requestIdDeferringContext,
  requestIdMiddleware,
} from '@jcv/logging';

/**
 * CORS for the origins in CORS_ORIGINS only: an origin not listed gets no CORS header at all (the
 * browser then keeps the answer from its page). Tokens travel in `authorization`, never in
 * cookies, so credentials are not allowed.
 */
export function corsOptions(origins: string[]): CorsOptions {
  const allowed = new Set(origins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'idempotency-key',
      'x-request-id',
      'apollo-require-preflight',
    ],
    exposedHeaders: ['x-request-id'],
    credentials: false,
    maxAge: 600,
  };
}

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
  // The request context carries the request id to audit events and logs, the statement count and
  // the replica routing. Counting statements, reading from replicas or writing a line for every
  // request (at info), every request needs it; otherwise only a request that may write does (a
  // query's errors are logged with its id by other means), and a GraphQL request's is entered
  // once its document is known.
  const contextForEveryRequest =
    config.sqlStatementCount ||
    config.databaseReplicaUrls.length > 0 ||
    logger.isLevelEnabled('info');
  app.use(contextForEveryRequest ? requestIdMiddleware : requestIdDeferringContext('/graphql'));
  // Request lines are written at info; above it the middleware would only cost time.
  if (logger.isLevelEnabled('info')) app.use(httpLogger(logger));
  if (config.corsOrigins.length) app.enableCors(corsOptions(config.corsOrigins));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.use(
    contextForEveryRequest
      ? requestErrorHandler
      : requestErrorHandlerEntering(enterRequestContextOf),
  );
  app.use(
    '/graphql',
    documentGuard(QUERY_LIMITS, contextForEveryRequest ? undefined : enterRequestContextOf),
  );
  const consoleBuild = consoleHandlers(config.consoleDir ?? DEFAULT_CONSOLE_DIR);
  if (consoleBuild) {
    app.use('/assets', consoleBuild.assets);
    app.use(consoleBuild.page);
  }
  app.enableShutdownHooks();
  return app;
}
