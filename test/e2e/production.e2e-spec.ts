import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ConfigError, loadConfig } from '@jcv/config';
import { createApp } from '../../src/app.factory.js';
import {
  freshDatabase,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../support/test-app.js';

const SECRET = 'production-secret-production-secret-0123456789';

describe('production configuration', () => {
  it('refuses to start without JWT_SECRET, naming it', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        BOOTSTRAP_ADMIN_EMAIL: 'a@b.cn',
        BOOTSTRAP_ADMIN_PASSWORD: 'long-enough-password',
      }),
    ).toThrow(/JWT_SECRET is required in production/);
  });

  it('refuses demo data and short secrets', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, SEED_DEMO: 'true' }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /at least 32/,
    );
  });

  it('has no demo admin to fall back on', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET });
    expect(config.bootstrapAdminPassword).toBeUndefined();
    expect(config.seedDemo).toBe(false);
  });

  describe('on an empty database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await freshDatabase();
    });
    afterAll(() => db.drop());

    it('refuses to start without BOOTSTRAP_ADMIN_PASSWORD', async () => {
      const config = loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: SECRET,
        LOG_LEVEL: 'silent',
        ...db.env,
      });
      const app = await createApp(config);
      await expect(app.init()).rejects.toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
      await app.close().catch(() => undefined);
    });
  });
});

describe('a production server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
  });
  afterAll(() => t?.close());

  it('turns introspection off', async () => {
    const res = await t.gql(`{ __schema { types { name } } }`, {}, await t.adminToken());
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data ?? null).toBeNull();
  });

  it('gives no field suggestions and no stack traces', async () => {
    const res = await t.gql(`{ parkz { id } }`, {}, await t.adminToken());
    expect(res.errors![0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('suggests no enum value, field, argument or type, in validation or in variables', async () => {
    const token = await t.adminToken();
    for (const [query, variables] of [
      ['{ tenants(filter: {status: RESIDNT}) { totalCount } }', {}],
      [
        'query($f: TenantFilter) { tenants(filter: $f) { totalCount } }',
        { f: { status: 'RESIDNT' } },
      ],
      [
        'query($f: TenantFilter) { tenants(filter: $f) { totalCount } }',
        { f: { nameContain: 'x' } },
      ],
      ['{ tenants(filtr: {}) { totalCount } }', {}],
      ['query($f: TenantFiltr) { tenants(filter: $f) { totalCount } }', {}],
    ] as const) {
      const res = await t.gql(query, variables, token);
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(res)).not.toMatch(
        /Did you mean|RESIDENT|nameContains|"filter"|TenantFilter"\?/,
      );
    }
  });

  it('answers a document that does not parse with 400 and no stack', async () => {
    const res = await request(t.http).post('/graphql').send({ query: '{' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('answers /health with 200 once migrated', async () => {
    const res = await request(t.http).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
