import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CONSOLE_CSP } from '../../src/console/serve-console.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The API serves the console's build at `/`: index.html for the console's routes, its hashed
 * assets, and its own paths (/graphql, /health) as before. A build is made of files here so
 * that the test needs no browser and no Vite run.
 */
describe('the console served by the API', () => {
  let t: TestApp;
  let dir: string;
  const INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>';
  const BIG_SCRIPT = Array.from({ length: 2000 }, (_, i) => `export const 指标${i} = ${i};`).join(
    '\n',
  );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jcv-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("console")');
    writeFileSync(join(dir, 'assets', 'vendor-def456.js'), BIG_SCRIPT);
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
    t = await startTestApp({ CONSOLE_DIR: dir });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/login',
    '/cockpit?year=2026&asOf=2026-06-30',
    '/reports/new?period=2026-05',
    '/tenants/x',
  ])(
    'answers %s with index.html, uncached, under a policy that loads nothing from elsewhere',
    async (path) => {
      const res = await request(t.http).get(path).set('accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('serves a hashed asset for a year, and a missing one as 404 rather than the page', async () => {
    const res = await request(t.http).get('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe('console.log("console")');

    const missing = await request(t.http).get('/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('sends a large asset compressed to a browser that accepts it, and as it is otherwise', async () => {
    const gzip = await request(t.http)
      .get('/assets/vendor-def456.js')
      .set('accept-encoding', 'gzip');
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['vary']).toMatch(/accept-encoding/i);
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gzip.text).toBe(BIG_SCRIPT); // decoded by the client: the same bytes

    const plain = await request(t.http)
      .get('/assets/vendor-def456.js')
      .set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(BIG_SCRIPT);

    // Below a kilobyte compressing costs more than it saves.
    const small = await request(t.http)
      .get('/assets/index-abc123.js')
      .set('accept-encoding', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('keeps /graphql and /health the API’s own', async () => {
    const health = await request(t.http).get('/health');
    expect(health.status).toBe(200);
    expect(health.text).not.toContain('<div id="root">');

    const landing = await request(t.http).get('/graphql').set('accept', 'text/html');
    expect(landing.text).toContain('GraphQL API');
    expect(landing.text).not.toContain('<div id="root">');

    const gql = await t.gql('{ __typename }');
    expect(gql.data).toEqual({ __typename: 'Query' });
  });

  it('does not hand out the build’s manifest or answer other methods with the page', async () => {
    const manifest = await request(t.http).get('/.vite/manifest.json');
    expect(manifest.text).toBe(INDEX); // a console route like any other path, not the file
    const post = await request(t.http).post('/cockpit').send({});
    expect(post.status).toBe(404);
    expect(post.text).not.toContain('<div id="root">');
  });
});

describe('the API without a console build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CONSOLE_DIR: join(tmpdir(), 'jcv-no-console-here') });
  });
  afterAll(async () => t?.close());

  it('serves its own paths only', async () => {
    expect((await request(t.http).get('/')).status).toBe(404);
    expect((await request(t.http).get('/health')).status).toBe(200);
  });
});
