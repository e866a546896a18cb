import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { currentRequestId, enterRequestContext, requestContext } from '@jcv/shared';

/** Anything that could carry a secret is replaced before a line is written. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.secret',
  '*.jwtSecret',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'jcv' },
    redact: { paths: REDACT, censor: '[redacted]' },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's own messages, as JSON lines through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    params: unknown[],
  ) {
    const context =
      typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const stack = level === 'error' && typeof params[0] === 'string' ? params[0] : undefined;
    this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
}

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,100}$/;

/** The request's id: the caller's X-Request-Id when it is sane, else a new one; sent back too. */
export function assignRequestId(req: Request, res: Response): string {
  const given = req.header('x-request-id');
  const requestId = given && REQUEST_ID_RE.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  (req as Request & { id?: string }).id = requestId;
  return requestId;
}

/**
 * Gives every request an id, returns it in the response, and makes it visible to logs and audit
 * events through the request context, entered for every request.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction) {
  const requestId = assignRequestId(req, res);
  requestContext.run({ requestId, sqlStatements: 0 }, next);
}

/**
 * Gives every request an id and returns it in the response, but enters the request context now
 * only for a request outside `deferredPath`; one on it enters it later, when it is known to need
 * it (see enterRequestContextOf), or runs without one.
 */
export function requestIdDeferringContext(deferredPath: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = assignRequestId(req, res);
    if (req.path === deferredPath) return next();
    enterRequestContext(requestId, res, next);
  };
}

/** Enters the request context of a request whose context was deferred. */
export function enterRequestContextOf(req: Request, res: Response, next: () => void) {
  enterRequestContext((req as Request & { id?: string }).id ?? randomUUID(), res, next);
}

/** One line per HTTP request: method, url, status, time. Bodies are never logged. */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req) => (req as Request & { id?: string }).id ?? randomUUID(),
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (req) => ({ method: req.method, url: req.url }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  });
}
