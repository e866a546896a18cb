import type { NextFunction, Request, Response } from 'express';

/** What the body parser refused, in words a caller can act on (its own messages quote the body). */
const REASONS: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'must be a JSON object'],
  'entity.too.large': [413, 'is larger than this server accepts'],
  'entity.verify.failed': [400, 'could not be read'],
  'charset.unsupported': [415, 'must be UTF-8 JSON'],
  'encoding.unsupported': [415, 'must be sent uncompressed, or compressed with gzip or deflate'],
  'request.aborted': [400, 'was cut off before its end'],
  'request.size.invalid': [400, 'is shorter or longer than its content-length'],
  'stream.encoding.set': [500, 'could not be read'],
};

/**
 * Answers a request the body parser refused as GraphQL answers bad input, with the status the
 * parser chose and nothing of the parser's own message (which quotes the body). Other errors go
 * on to the framework's handling.
 */
export function requestErrorHandler(
  err: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  const type = (err as { type?: unknown } | null)?.type;
  const status = (err as { status?: unknown } | null)?.status;
  const known = typeof type === 'string' ? REASONS[type] : undefined;
  if (!known && !(typeof status === 'number' && status >= 400 && status < 500)) return next(err);
  const [code, reason] = known ?? [status as number, 'could not be read'];
  if (res.headersSent) return next(err);
  res.status(code >= 500 ? 400 : code).json({
    errors: [
      {
        message: `The request body ${reason}`,
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'body', message: reason }] },
      },
    ],
  });
}

/**
 * requestErrorHandler for a server that defers the request context of GraphQL requests: an
 * error it passes on to the framework (which logs it) is handled inside the request's context.
 */
export function requestErrorHandlerEntering(
  enterContext: (req: Request, res: Response, next: () => void) => void,
) {
  return (err: unknown, req: Request, res: Response, next: NextFunction) =>
    requestErrorHandler(err, req, res, (passed?: unknown) =>
      req.path === '/graphql' ? enterContext(req, res, () => next(passed)) : next(passed),
    );
}
