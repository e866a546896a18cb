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
    ).toThrow(new ConfigError(['SEED_DEMO cannot be on in production']));
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

  /** An operation by the admin: the HTTP status and the body. */
  async function asAdmin(query: string, variables: Record<string, unknown> = {}) {
    const res = await request(t.http)
      .post('/graphql')
      .set('authorization', `Bearer ${await t.adminToken()}`)
      .send({ query, variables });
    return { status: res.status, body: res.body };
  }

  /** The one error of a refused document, with its code and where in the document it is. */
  const refused = (code: string, message: string | RegExp, column: number, fields?: object[]) => ({
    status: 400,
    body: {
      errors: [
        {
          message: typeof message === 'string' ? message : expect.stringMatching(message),
          locations: [{ line: 1, column }],
          extensions: fields ? { code, fields } : { code },
        },
      ],
    },
  });

  it('turns introspection off', async () => {
    expect(await asAdmin(`{ __schema { types { name } } }`)).toEqual(
      refused('GRAPHQL_VALIDATION_FAILED', /^GraphQL introspection is not allowed/, 3),
    );
  });

  it('gives no field suggestions and no stack traces', async () => {
    const res = await asAdmin(`{ parkz { id } }`);
    expect(res).toEqual(
      refused('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "parkz" on type "Query".', 3),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it.each([
    [
      'an enum value in the document',
      '{ tenants(filter: {status: RESIDNT}) { totalCount } }',
      {},
      refused(
        'GRAPHQL_VALIDATION_FAILED',
        'Value "RESIDNT" does not exist in "TenantStatus" enum.',
        28,
      ),
    ],
    [
      'an enum value in the variables',
      'query($f: TenantFilter) { tenants(filter: $f) { totalCount } }',
      { f: { status: 'RESIDNT' } },
      refused(
        'BAD_USER_INPUT',
        'status: Value "RESIDNT" does not exist in "TenantStatus" enum.',
        7,
        [{ field: 'status', message: 'Value "RESIDNT" does not exist in "TenantStatus" enum.' }],
      ),
    ],
    [
      'an input field in the variables',
      'query($f: TenantFilter) { tenants(filter: $f) { totalCount } }',
      { f: { nameContain: 'x' } },
      refused(
        'BAD_USER_INPUT',
        'nameContain: Field "nameContain" is not defined by type "TenantFilter".',
        7,
        [
          {
            field: 'nameContain',
            message: 'Field "nameContain" is not defined by type "TenantFilter".',
          },
        ],
      ),
    ],
    [
      'an argument',
      '{ tenants(filtr: {}) { totalCount } }',
      {},
      refused(
        'GRAPHQL_VALIDATION_FAILED',
        'Unknown argument "filtr" on field "Query.tenants".',
        11,
      ),
    ],
    [
      'a type',
      'query($f: TenantFiltr) { tenants(filter: $f) { totalCount } }',
      {},
      refused('GRAPHQL_VALIDATION_FAILED', 'Unknown type "TenantFiltr".', 11),
    ],
  ])('suggests nothing for %s', async (_what, query, variables, answer) => {
    const res = await asAdmin(query, variables);
    expect(res).toEqual(answer);
    expect(JSON.stringify(res.body)).not.toMatch(
      /Did you mean|RESIDENT|nameContains|"filter"|TenantFilter"\?/,
    );
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
