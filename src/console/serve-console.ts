import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';

/** dist/console beside the API's build (dist/src/console/ → dist/console/). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

/** The paths the API answers itself; everything else GET is the console's. */
const API_PATHS = /^\/(graphql|health)(\/|$)/;

/**
 * What the console's pages may load: its own scripts, styles and data only (nothing from the
 * internet); inline styles because Ant Design writes its CSS at run time; no framing, so a
 * page of another site cannot overlay it.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: Response) {
  res.setHeader('content-security-policy', CONSOLE_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
}

/**
 * Serves the console's build at `/`: its hashed assets (cached for a year, never revalidated:
 * a new build has new names), and index.html for every other GET outside /graphql and /health,
 * so that a console route opened directly or reloaded (/cockpit?year=2026) finds its page.
 * A missing asset is a 404, not index.html. Both go out compressed (brotli, else gzip) to a
 * browser that accepts it: the console's scripts are 1.4 MB raw and about a quarter of that
 * compressed, which a park's network feels on a first visit. /graphql is left as it is: its
 * answers are small, per caller and already on the critical path of every page. Returns null when no build is there (the tests,
 * or a checkout that has not run `npm run build`): the API then serves its own paths only.
 */
export function consoleHandlers(dir: string) {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const index = readFileSync(indexFile);
  const compress = compression({ threshold: 1024 });
  const serveAssets = express.static(join(dir, 'assets'), {
    index: false,
    fallthrough: false,
    immutable: true,
    maxAge: '365d',
    dotfiles: 'ignore',
    setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
  });
  const assets = (req: Request, res: Response, next: NextFunction) =>
    compress(req, res, () => serveAssets(req, res, next));
  const page = (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    compress(req, res, () => {
      securityHeaders(res);
      res.setHeader('cache-control', 'no-cache');
      res.type('html').send(index);
    });
  };
  return { assets, page };
}
