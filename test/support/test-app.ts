import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '@jcv/config';
import { Role } from '@jcv/shared';
import { createApp } from '../../src/app.factory.js';

export const TEST_ADMIN = { email: 'admin@test.example', password: 'test-admin-password' };
export const TEST_PASSWORD = 'test-user-password';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; fields?: { field: string; message: string }[] };
  }[];
}

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A fresh database for one suite: an in-memory embedded PostgreSQL by default, or a new schema
 * on the server at TEST_DATABASE_URL. Either way the migrations build it.
 */
export async function freshDatabase(opts: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && opts.onDisk) {
    const dir = mkdtempSync(join(tmpdir(), 'jcv-test-'));
    return {
      env: { DATA_DIR: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!url) return { env: { DATA_DIR: 'memory://' }, drop: async () => {} };
  // The time in the name lets a later run clear what a killed run left, and nothing newer.
  const schema = `jcv_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  return {
    env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

export function testConfig(env: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export class TestApp {
  private tokens = new Map<string, string>();

  constructor(
    readonly app: NestExpressApplication,
    readonly config: AppConfig,
    private readonly db: TestDatabase,
  ) {}

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get http() {
    return this.app.getHttpServer();
  }

  /** POSTs a GraphQL operation, as a client would. */
  async gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>> {
    const req = request(this.http).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return res.body as GqlResult<T>;
  }

  /** Like gql, but fails the test on any error and returns data. */
  async ok<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<T> {
    const res = await this.gql<T>(query, variables, token);
    if (res.errors?.length)
      throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  /**
   * The SQL statements an operation sends (the app must run with SQL_STATEMENT_COUNT=true),
   * for checks that a query's cost does not grow with the number of rows.
   */
  async statements(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<number> {
    const req = request(this.http).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    if (res.body.errors?.length)
      throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
    const header = res.headers['x-sql-statements'];
    if (header === undefined) throw new Error('start the app with SQL_STATEMENT_COUNT=true');
    return Number(header);
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email, password } },
    );
    return data.login.accessToken;
  }

  adminToken(): Promise<string> {
    return this.cached('admin', () => this.login(TEST_ADMIN.email, TEST_ADMIN.password));
  }

  /**
   * A signed-in user of a role, made on first use. Tenant roles need the firm; provider users
   * need their provider.
   */
  async tokenFor(
    role: Role,
    opts: { tenantId?: string; serviceProviderId?: string; key?: string } = {},
  ): Promise<string> {
    if (role === Role.ADMIN && !opts.key) return this.adminToken();
    const key = `${role}:${opts.tenantId ?? ''}:${opts.serviceProviderId ?? ''}:${opts.key ?? ''}`;
    return this.cached(key, async () => {
      const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@test.example`;
      await this.ok(
        `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        {
          input: {
            email,
            displayName: `${role} user`,
            password: TEST_PASSWORD,
            role,
            tenantId: opts.tenantId,
            serviceProviderId: opts.serviceProviderId,
          },
        },
        await this.adminToken(),
      );
      return this.login(email, TEST_PASSWORD);
    });
  }

  /** Rows in a table, for "a refused request writes nothing" checks. */
  async count(table: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return n;
  }

  /** Stops the app; the database goes too unless it is kept for a restart. */
  async close(opts: { keepDatabase?: boolean } = {}): Promise<void> {
    await this.app.close();
    if (!opts.keepDatabase) await this.db.drop();
  }

  private async cached(key: string, make: () => Promise<string>): Promise<string> {
    let t = this.tokens.get(key);
    if (!t) {
      t = await make();
      this.tokens.set(key, t);
    }
    return t;
  }
}

/** Boots the whole API on a fresh database, as `npm start` would, minus the port. */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { db?: TestDatabase; extraModules?: Type[] } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await freshDatabase());
  const config = testConfig({ ...db.env, ...env });
  const app = await createApp(config, opts.extraModules);
  await app.init();
  return new TestApp(app, config, db);
}
