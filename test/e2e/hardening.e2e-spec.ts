import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { Module } from '@nestjs/common';
import { Args, Field, InputType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import request from 'supertest';
import { ALL_ROLES, Roles } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every kind of string argument the schema can have, in one place: a top-level argument, a list
 * of strings, an input object with a string, a list and a nested input. The product's schema has
 * no list of strings today; the guard must not depend on that.
 */
@InputType()
class EchoInner {
  @Field()
  note!: string;
}

@InputType()
class EchoInput {
  @Field({ nullable: true })
  label?: string;

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => EchoInner, { nullable: true })
  inner?: EchoInner;
}

let echoCalls = 0;

@Resolver()
class EchoResolver {
  @Roles(...ALL_ROLES)
  @Query(() => Int)
  echoStrings(
    @Args('text', { nullable: true }) _text?: string,
    @Args('values', { type: () => [String], nullable: true }) _values?: string[],
    @Args('input', { type: () => EchoInput, nullable: true }) _input?: EchoInput,
  ): number {
    return ++echoCalls;
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Int)
  echoWrite(@Args('text') _text: string): number {
    return ++echoCalls;
  }
}

@Module({ providers: [EchoResolver] })
class EchoModule {}

const SECRET = 'production-secret-production-secret-0123456789';
const DASHBOARD = 'https://dash.example.cn';

/** What no answer may carry outside development: stacks, file paths, SQL, library internals. */
const LEAK =
  /stacktrace|\bat [\w.<>]+ \(|\/work\/|node_modules|\.[jt]s:\d+|QueryFailedError|SELECT |INSERT |invalid byte sequence|RangeError|call stack|TypeError|SyntaxError: Unexpected|in JSON at position|is not valid JSON"/;

type Res = { status: number; text: string; body: any; headers: Record<string, string> };

const codes = (res: Res) =>
  ((res.body?.errors ?? []) as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code);

let dev: TestApp;
let prod: TestApp;
let admin: string;
let zoneId: string;

function post(t: TestApp, body: unknown, token?: string): Promise<Res> {
  const req = request(t.http).post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.send(body as object) as unknown as Promise<Res>;
}

const rows = async (t: TestApp) => ({
  users: await t.count('users'),
  tenants: await t.count('tenants'),
  requests: await t.count('service_requests'),
  audit: await t.count('audit_events'),
});

/** CORS checks. */
const preflight = (t: TestApp, origin: string) =>
  request(t.http)
    .options('/graphql')
    .set('origin', origin)
    .set('access-control-request-method', 'POST')
    .set('access-control-request-headers', 'content-type,authorization,idempotency-key');

const corsHeaders = (res: { headers: Record<string, string> }) =>
  Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));

describe('a development server', () => {
  beforeAll(async () => {
    dev = await startTestApp({}, { extraModules: [EchoModule] });
    admin = await dev.adminToken();
    const { zones } = await dev.ok<{ zones: { id: string; code: string }[] }>(
      `{ zones { id code } }`,
      {},
      admin,
    );
    zoneId = zones.find((z) => z.code === 'STARTUP')!.id;
  });
  afterAll(() => dev?.close());

  describe('NUL characters and lone surrogates in string arguments', () => {
    const NUL = 'a\u0000b';
    const SURROGATE = 'a\ud800b';
    const registerInput = (name: string) => ({
      name,
      kind: 'TEAM',
      zoneId,
      industryChain: 'AI_PLUS',
      isTechFirm: false,
      enteredOn: '2025-03-01',
    });

    // [what, document, variables, the field the answer must name]
    const cases: [string, string, Record<string, unknown> | undefined, string][] = [
      [
        'login email, variable',
        `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`,
        { i: { email: `x${NUL}@test.example`, password: 'whatever-password' } },
        'email',
      ],
      [
        'login email, inline literal',
        `mutation { login(input: {email: "x\\u0000@test.example", password: "whatever-password"}) { accessToken } }`,
        undefined,
        'email',
      ],
      [
        'registerTenant name, variable',
        `mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`,
        { i: registerInput(`Team ${NUL}`) },
        'name',
      ],
      [
        'registerTenant name, lone surrogate',
        `mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`,
        { i: registerInput(`Team ${SURROGATE}`) },
        'name',
      ],
      [
        'createUser displayName, variable',
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        {
          i: {
            email: 'nul-user@test.example',
            displayName: `Name ${NUL}`,
            password: 'long-enough-password',
            role: 'ANALYST',
          },
        },
        'displayName',
      ],
      [
        'createUser displayName, variable inside an inline object',
        `mutation($d: String!) { createUser(input: {email: "nul2@test.example", displayName: $d, password: "long-enough-password", role: ANALYST}) { id } }`,
        { d: `Name ${SURROGATE}` },
        'displayName',
      ],
      [
        'openServiceRequest title',
        `mutation($i: OpenServiceRequestInput!) { openServiceRequest(input: $i) { id } }`,
        {
          i: {
            tenantId: '00000000-0000-4000-8000-000000000000',
            category: 'LEGAL',
            title: `Help ${NUL}`,
            description: 'x',
          },
        },
        'title',
      ],
      [
        'tenants filter nameContains, inline literal',
        `{ tenants(filter: {nameContains: "a\\u0000"}) { totalCount } }`,
        undefined,
        'nameContains',
      ],
      [
        'tenants filter nameContains, variable for the field',
        `query($n: String) { tenants(filter: {nameContains: $n}) { totalCount } }`,
        { n: NUL },
        'nameContains',
      ],
      [
        'auditEvents entity, top-level argument',
        `query($e: String) { auditEvents(entity: $e) { totalCount } }`,
        { e: NUL },
        'entity',
      ],
      [
        'auditEvents entityId, inline literal',
        `{ auditEvents(entityId: "\\u0000") { totalCount } }`,
        undefined,
        'entityId',
      ],
      [
        'top-level string argument, lone surrogate',
        `query($t: String) { echoStrings(text: $t) }`,
        { t: SURROGATE },
        'text',
      ],
      [
        'list element, variable',
        `query($v: [String!]) { echoStrings(values: $v) }`,
        { v: ['ok', 'fine', NUL] },
        'values',
      ],
      [
        'list element, inline literal',
        `{ echoStrings(values: ["ok", "b\\u0000"]) }`,
        undefined,
        'values',
      ],
      [
        'list inside an input object',
        `query($i: EchoInput) { echoStrings(input: $i) }`,
        { i: { label: 'fine', tags: ['x', SURROGATE] } },
        'tags',
      ],
      [
        'nested input object, inline literal',
        `{ echoStrings(input: {inner: {note: "\\u0000"}}) }`,
        undefined,
        'note',
      ],
      [
        'nested input object, variable',
        `query($i: EchoInput) { echoStrings(input: $i) }`,
        { i: { inner: { note: NUL } } },
        'note',
      ],
      [
        'default value of a variable left out',
        `query($t: String = "\\u0000") { echoStrings(text: $t) }`,
        {},
        'text',
      ],
      [
        'argument inside a fragment',
        `query { ...F } fragment F on Query { echoStrings(text: "\\u0000") }`,
        undefined,
        'text',
      ],
    ];

    it.each(cases)(
      'refuses %s with BAD_USER_INPUT naming it, writing nothing',
      async (_, query, variables, field) => {
        const before = await rows(dev);
        const callsBefore = echoCalls;
        const res = await post(dev, { query, variables }, admin);
        expect(res.status).toBe(400);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.body.errors[0].extensions.fields).toEqual([
          { field, message: expect.stringMatching(/NUL|surrogate/) },
        ]);
        expect(res.body.data).toBeUndefined();
        expect(echoCalls).toBe(callsBefore);
        expect(await rows(dev)).toEqual(before);
      },
    );

    it('refuses the whole operation before its first mutation runs', async () => {
      const callsBefore = echoCalls;
      const res = await post(
        dev,
        { query: `mutation { a: echoWrite(text: "fine") b: echoWrite(text: "\\u0000") }` },
        admin,
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(echoCalls).toBe(callsBefore);
    });

    it('takes ordinary text, emoji (surrogate pairs) and Chinese', async () => {
      const res = await post(
        dev,
        {
          query: `query($t: String, $v: [String!]) { echoStrings(text: $t, values: $v) }`,
          variables: { t: '晋创谷·吕梁 🚀', v: ['😀', 'plain'] },
        },
        admin,
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.echoStrings).toBeGreaterThan(0);
    });

    it('answers a lone surrogate escape in an inline literal as a document that does not parse', async () => {
      const res = await post(dev, { query: `{ echoStrings(text: "\\ud800") }` }, admin);
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    });
  });

  describe('documents that do not parse or break the limits', () => {
    const refused: [string, string, string][] = [
      ['a syntax error', '{', 'GRAPHQL_PARSE_FAILED'],
      ['more tokens than the limit', `{ ${'parks { id } '.repeat(2000)} }`, 'GRAPHQL_PARSE_FAILED'],
      [
        'selections nested 2,400 deep',
        `{ ${'parks { '.repeat(2400)}id${' }'.repeat(2400)} }`,
        'GRAPHQL_PARSE_FAILED',
      ],
      [
        'a list literal nested 2,400 deep',
        `{ echoStrings(values: ${'['.repeat(2400)}${']'.repeat(2400)}) }`,
        'GRAPHQL_PARSE_FAILED',
      ],
      [
        'an object literal nested 1,000 deep',
        `{ echoStrings(input: ${'{inner: '.repeat(1000)}{}${'}'.repeat(1000)}) }`,
        'GRAPHQL_PARSE_FAILED',
      ],
      ['an unknown field', '{ parkz { id } }', 'GRAPHQL_VALIDATION_FAILED'],
      [
        'a query deeper than the depth limit',
        `{ parks { ${'zones { park { '.repeat(6)}id${' } }'.repeat(6)} } }`,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'sixteen aliases',
        `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: parks { id }`).join(' ')} }`,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'sixteen __typename aliases',
        `{ ${Array.from({ length: 16 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        '1,600 __typename aliases',
        `{ ${Array.from({ length: 1600 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'a fragment that spreads itself',
        '{ ...F } fragment F on Query { ...F }',
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'an enum value the schema lacks',
        '{ tenants(filter: {status: RESIDNT}) { totalCount } }',
        'GRAPHQL_VALIDATION_FAILED',
      ],
    ];

    it.each(refused)(
      'answers %s with HTTP 400 before any resolver runs',
      async (_, query, code) => {
        const callsBefore = echoCalls;
        const res = await post(dev, { query }, admin);
        expect(res.status).toBe(400);
        expect(new Set(codes(res))).toEqual(new Set([code]));
        expect(res.body.data).toBeUndefined();
        expect(echoCalls).toBe(callsBefore);
      },
    );

    it('still takes fifteen aliases', async () => {
      const aliases = Array.from({ length: 15 }, (_, i) => `t${i}: __typename`).join(' ');
      const res = await post(dev, { query: `{ ${aliases} }` }, admin);
      expect(res.status).toBe(200);
      expect(res.body.data.t14).toBe('Query');
    });

    it('keeps BAD_USER_INPUT naming the field for a variable that does not coerce', async () => {
      const res = await post(
        dev,
        {
          query: `query($f: TenantFilter) { tenants(filter: $f) { totalCount } }`,
          variables: { f: { status: 'RESIDNT' } },
        },
        admin,
      );
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors[0].extensions.fields[0].field).toBe('status');
    });

    it('does not echo a huge refused value back', async () => {
      const res = await post(
        dev,
        {
          query: `query($f: TenantFilter) { tenants(filter: $f) { totalCount } }`,
          variables: { f: { status: 'X'.repeat(200_000) } },
        },
        admin,
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      const { message, extensions } = res.body.errors[0];
      expect(message.length + JSON.stringify(extensions.fields).length).toBeLessThan(2_000);
      expect(extensions.fields[0].field).toBe('status');
    });
  });

  describe('requests that are not GraphQL requests', () => {
    const cases: [string, (r: ReturnType<typeof request>) => any, string][] = [
      [
        'a body that is not JSON',
        (r) => r.post('/graphql').set('content-type', 'application/json').send('{"query":'),
        'body',
      ],
      ['a query that is a number', (r) => r.post('/graphql').send({ query: 5 }), 'query'],
      ['a query that is missing', (r) => r.post('/graphql').send({ variables: {} }), 'query'],
      ['an empty object', (r) => r.post('/graphql').send({}), 'body'],
      [
        'variables that are a string',
        (r) => r.post('/graphql').send({ query: '{ parks { id } }', variables: '{}' }),
        'variables',
      ],
      [
        'a text/plain body',
        (r) => r.post('/graphql').set('content-type', 'text/plain').send('{ parks { id } }'),
        'content-type',
      ],
    ];

    it.each(cases)('answers %s with 400 and BAD_USER_INPUT naming %#', async (_, build, field) => {
      const res: Res = await build(request(dev.http));
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors[0].extensions.fields[0].field).toBe(field);
    });

    it('answers a mutation sent with GET with 405, naming the query', async () => {
      const res = await request(dev.http)
        .get('/graphql')
        .query({ query: 'mutation { echoWrite(text: "x") }' })
        .set('apollo-require-preflight', 'true');
      expect(res.status).toBe(405);
      expect(codes(res as unknown as Res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors[0].extensions.fields[0]).toEqual({
        field: 'query',
        message: 'a mutation must be sent with POST',
      });
    });

    it('answers a body over the limit with 413 in our words', async () => {
      const res = await request(dev.http)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send(
          JSON.stringify({
            query: '{ parks { id } }',
            variables: { x: 'x'.repeat(11 * 1024 * 1024) },
          }),
        );
      expect(res.status).toBe(413);
      expect(res.body.errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'body', message: 'is larger than this server accepts' }],
      });
    });

    it('has automatic persisted queries off and says so with the code APQ clients look for', async () => {
      for (const body of [
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
        {
          query: '{ parks { id } }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } },
        },
        { extensions: { persistedQuery: { version: 2, sha256Hash: 'c' } } },
      ]) {
        const res = await post(dev, body, admin);
        expect(res.status).toBeLessThan(500);
        expect(codes(res)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
        expect(res.body.errors[0].message).toMatch(/^PersistedQueryNotSupported/);
      }
    });
  });

  describe('scalars', () => {
    /** The JSON text of the value goes in as written: `1e400` as a JSON number, not Infinity. */
    const target = (json: string) =>
      request(dev.http)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${admin}`)
        .send(
          `{"query":"mutation($i: MilestoneTargetInput!) { setMilestoneTarget(input: $i) { id target } }",` +
            `"variables":{"i":{"year":2026,"metric":"NEW_TECH_FIRMS","source":"hardening","target":${json}}}}`,
        ) as unknown as Promise<Res>;
    const label = (json: string) => (json.length > 40 ? `${json.length} characters` : json);

    it.each(
      [
        '" 1"',
        '"1 "',
        '"\\t1"',
        '"1\\n"',
        '"1e400"',
        '"1e5"',
        '"NaN"',
        '"Infinity"',
        '"-Infinity"',
        '"-0"',
        '"-0.00"',
        '"+1"',
        '"１"',
        '"٣"',
        '"0x10"',
        '"1_000"',
        '""',
        `"${'9'.repeat(100_000)}"`,
        '1e400',
        '12345678901234567',
        '1.5',
        '-0.0',
        'true',
        '[1]',
      ].map((json) => [label(json), json]),
    )('refuses the Decimal %s, naming the field', async (_, json) => {
      const before = await dev.count('milestone_targets');
      const res = await target(json);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors[0].extensions.fields).toEqual([
        { field: 'target', message: expect.stringMatching(/Decimal/) },
      ]);
      expect(await dev.count('milestone_targets')).toBe(before);
    });

    it('refuses a Decimal inline literal with a space, naming the field', async () => {
      const res = await post(
        dev,
        {
          query: `mutation { setMilestoneTarget(input: {year: 2026, metric: NEW_TECH_FIRMS, target: " 1", source: "x"}) { id } }`,
        },
        admin,
      );
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors[0].extensions.fields).toEqual([
        { field: 'target', message: expect.stringMatching(/Decimal/) },
      ]);
    });

    it('still takes a plain Decimal, and a whole JSON number', async () => {
      expect((await target('"40"')).body.data.setMilestoneTarget.target).toBe('40.00');
      expect((await target('41')).body.data.setMilestoneTarget.target).toBe('41.00');
    });

    it.each(
      [
        ' 2025-01-01',
        '2025-01-01 ',
        '2025-01-01\n',
        '２０２５-01-01',
        '+02025-01-01',
        '2025-02-29',
        '2025-01-01T00:00:00Z',
        '0000-01-01',
        '9'.repeat(100_000),
        20250101,
      ].map((v) => [label(JSON.stringify(v)), v]),
    )('refuses the Date %s, naming the field', async (_, value) => {
      const res = await post(
        dev,
        {
          query: `query($d: Date) { eligiblePolicies(tenantId: "${'00000000-0000-4000-8000-000000000000'}", asOf: $d) { id } }`,
          variables: { d: value },
        },
        admin,
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors[0].extensions.fields[0]).toEqual({
        field: 'asOf',
        message: expect.stringMatching(/Date/),
      });
    });

    it.each(['1', 'x'.repeat(100_000), '00000000-0000-4000-8000-00000000000\u0660', '1e400'])(
      'answers an ID that is not a record id (%#) without an internal error',
      async (id) => {
        const res = await post(
          dev,
          { query: `query($id: ID!) { tenant(id: $id) { id } }`, variables: { id } },
          admin,
        );
        // An id that is not a record id is answered as an unknown one: no tenant.
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ data: { tenant: null } });
      },
    );
  });

  describe('the development page at /graphql', () => {
    it('says how to use the API and loads nothing from anywhere', async () => {
      const res = await request(dev.http).get('/graphql').set('accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toMatch(/POST/);
      expect(res.text).toMatch(/authorization: Bearer/);
      expect(res.text).not.toMatch(/<script|<link|@import|url\(|src=/i);
      // The only addresses it names are this server's own.
      for (const url of res.text.match(/https?:\/\/[^\s"'<]+/g) ?? []) {
        expect(url).toMatch(/^http:\/\/localhost:3000\//);
      }
    });
  });

  describe('CORS by default', () => {
    it('allows no origin at all by default', async () => {
      const pre = await preflight(dev, DASHBOARD);
      expect(pre.status).toBeLessThan(500);
      expect(corsHeaders(pre)).toEqual([]);
      const res = await request(dev.http)
        .post('/graphql')
        .set('origin', DASHBOARD)
        .set('content-type', 'application/json')
        .send({ query: '{ __typename }' });
      expect(corsHeaders(res)).toEqual([]);
    });
  });
});

// One app at a time: passport keeps one JWT strategy per process, the last app's.
describe('a production server', () => {
  beforeAll(async () => {
    prod = await startTestApp(
      { NODE_ENV: 'production', JWT_SECRET: SECRET, LOG_LEVEL: 'silent', CORS_ORIGINS: DASHBOARD },
      { extraModules: [EchoModule] },
    );
  });
  afterAll(() => prod?.close());

  describe('in production', () => {
    it('suggests no names: fields, arguments, enum values, types, in validation and coercion', async () => {
      const token = await prod.adminToken();
      const documents: [string, Record<string, unknown>?][] = [
        ['{ tenantz { totalCount } }'],
        ['{ tenants(fitler: {}) { totalCount } }'],
        ['{ tenants(filter: {status: RESIDNT}) { totalCount } }'],
        ['query($f: TenantFiltr) { tenants(filter: $f) { totalCount } }'],
        [
          'query($f: TenantFilter) { tenants(filter: $f) { totalCount } }',
          { f: { status: 'RESIDNT' } },
        ],
        [
          'query($f: TenantFilter) { tenants(filter: $f) { totalCount } }',
          { f: { nameContain: 'x' } },
        ],
        [
          'query($f: TenantFilter) { tenants(filter: $f) { totalCount } }',
          { f: { stauts: 'RESIDENT' } },
        ],
      ];
      for (const [query, variables] of documents) {
        const res = await post(prod, { query, variables }, token);
        expect(res.status).toBe(400);
        expect(res.text).not.toMatch(
          /Did you mean|RESIDENT"|"tenants"\?|"TenantFilter"\?|nameContains/,
        );
        expect(res.text).not.toMatch(LEAK);
      }
    });

    it('keeps the status of an unauthenticated call as it was: 200 with UNAUTHENTICATED', async () => {
      const res = await post(prod, { query: '{ tenants { totalCount } }' });
      expect(res.status).toBe(200);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    });

    it('serves no explorer page: GET /graphql in a browser is a plain refusal', async () => {
      const res = await request(prod.http).get('/graphql').set('accept', 'text/html');
      expect(res.status).toBe(400);
      expect(res.text).not.toMatch(/<script|https?:\/\//);
    });
  });

  describe('CORS', () => {
    it('answers the preflight of a listed origin for POST with our headers, without credentials', async () => {
      const res = await preflight(prod, DASHBOARD);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(DASHBOARD);
      expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
      const allowed = res.headers['access-control-allow-headers'].split(',');
      expect(allowed).toEqual(
        expect.arrayContaining(['content-type', 'authorization', 'idempotency-key']),
      );
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('lets a listed origin read the answer of a request', async () => {
      const res = await request(prod.http)
        .post('/graphql')
        .set('origin', DASHBOARD)
        .set('content-type', 'application/json')
        .send({ query: '{ __typename }' });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(DASHBOARD);
      expect(res.headers['access-control-expose-headers']).toMatch(/x-request-id/);
    });

    it('gives an origin not listed no CORS header, on preflight or request', async () => {
      const pre = await preflight(prod, 'https://evil.example');
      expect(pre.status).toBeLessThan(500);
      expect(corsHeaders(pre)).toEqual([]);
      const res = await request(prod.http)
        .post('/graphql')
        .set('origin', 'https://dash.example.cn.evil.example')
        .set('content-type', 'application/json')
        .send({ query: '{ __typename }' });
      expect(corsHeaders(res)).toEqual([]);
    });
  });

  describe('hostile HTTP requests against a production server', () => {
    const json = (body: unknown) => (r: ReturnType<typeof request>) =>
      r.post('/graphql').set('content-type', 'application/json').send(JSON.stringify(body));
    const raw =
      (contentType: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      (r: ReturnType<typeof request>) => {
        const req = r.post('/graphql').set('content-type', contentType);
        for (const [k, v] of Object.entries(headers)) req.set(k, v);
        return req.send(body);
      };
    const get = (query: string) => (r: ReturnType<typeof request>) =>
      r.get(`/graphql?${query}`).set('apollo-require-preflight', 'true');

    const cases: [string, (r: ReturnType<typeof request>) => any][] = [
      ['syntax error', json({ query: '{' })],
      ['only a closing brace', json({ query: '}' })],
      [
        'unterminated string',
        json({ query: '{ tenants(filter: {nameContains: "x) { totalCount } }' }),
      ],
      ['token flood', json({ query: `{ ${'__typename '.repeat(6000)} }` })],
      ['deep selections', json({ query: `{ ${'a { '.repeat(2400)}b${' }'.repeat(2400)} }` })],
      [
        'deep list literal',
        json({ query: `{ echoStrings(values: ${'['.repeat(2400)}${']'.repeat(2400)}) }` }),
      ],
      ['deep parentheses', json({ query: '('.repeat(3000) })],
      [
        'deep variables JSON',
        raw(
          'application/json',
          `{"query":"query($v: [String!]) { echoStrings(values: $v) }","variables":{"v":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
        ),
      ],
      ['body not JSON', raw('application/json', '{"query":')],
      ['body a JSON string', raw('application/json', '"{ parks { id } }"')],
      ['body JSON null', raw('application/json', 'null')],
      ['body a JSON array of numbers', raw('application/json', '[1, 2]')],
      ['batched operations', json([{ query: '{ __typename }' }, { query: '{ __typename }' }])],
      ['query a number', json({ query: 5 })],
      ['query an object', json({ query: { kind: 'Document', definitions: [] } })],
      ['query an array', json({ query: ['{ __typename }'] })],
      ['query missing', json({ variables: {} })],
      ['empty object', json({})],
      ['variables a string', json({ query: '{ __typename }', variables: '{"a":1}' })],
      ['variables an array', json({ query: '{ __typename }', variables: [1] })],
      ['operationName a number', json({ query: '{ __typename }', operationName: 7 })],
      ['extensions a string', json({ query: '{ __typename }', extensions: 'x' })],
      ['unknown operationName', json({ query: 'query A { __typename }', operationName: 'B' })],
      ['two operations, no name', json({ query: 'query A { __typename } query B { __typename }' })],
      [
        'GET with a mutation',
        get(`query=${encodeURIComponent('mutation { echoWrite(text: "x") }')}`),
      ],
      [
        'GET with variables not JSON',
        get(`query=${encodeURIComponent('{ __typename }')}&variables=%7B`),
      ],
      ['GET with the query twice', get('query=%7B__typename%7D&query=%7B__typename%7D')],
      ['GET with a bad percent escape', get('query=%E0%A4%A')],
      ['GET without a query', (r) => r.get('/graphql').set('apollo-require-preflight', 'true')],
      ['text/plain body', raw('text/plain', '{"query":"{ __typename }"}')],
      ['form body', raw('application/x-www-form-urlencoded', 'query=%7B__typename%7D')],
      [
        'multipart body',
        raw(
          'multipart/form-data; boundary=x',
          '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--',
        ),
      ],
      ['charset utf-7', raw('application/json; charset=utf-7', '{"query":"{ __typename }"}')],
      [
        'unknown content-encoding',
        raw('application/json', '{"query":"{ __typename }"}', { 'content-encoding': 'br2' }),
      ],
      [
        'gzip that is not gzip',
        raw('application/json', 'not gzip at all', { 'content-encoding': 'gzip' }),
      ],
      [
        'gzip bomb over the limit',
        raw(
          'application/json',
          gzipSync(
            Buffer.from(
              `{"query":"{ __typename }","variables":{"x":"${'x'.repeat(12 * 1024 * 1024)}"}}`,
            ),
          ),
          { 'content-encoding': 'gzip' },
        ),
      ],
      [
        'invalid UTF-8 bytes',
        raw('application/json', Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d])),
      ],
      [
        'raw lone surrogate in JSON',
        raw(
          'application/json',
          '{"query":"query($t: String) { echoStrings(text: $t) }","variables":{"t":"\\udc00"}}',
        ),
      ],
      [
        'NUL in variables',
        json({ query: 'query($t: String) { echoStrings(text: $t) }', variables: { t: '\u0000' } }),
      ],
      [
        'NUL in a variable name key',
        json({
          query: 'query($i: EchoInput) { echoStrings(input: $i) }',
          variables: { i: { 'la\u0000bel': 'x' } },
        }),
      ],
      [
        'number overflow in an Int',
        raw('application/json', '{"query":"{ tenants(first: 1e400) { totalCount } }"}'),
      ],
      [
        'Int variable overflow',
        raw(
          'application/json',
          '{"query":"query($n: Int) { tenants(first: $n) { totalCount } }","variables":{"n":1e400}}',
        ),
      ],
      [
        'Int variable as a string',
        json({
          query: 'query($n: Int) { tenants(first: $n) { totalCount } }',
          variables: { n: '10' },
        }),
      ],
      ['negative page size', json({ query: '{ tenants(first: -1) { totalCount } }' })],
      [
        'huge string filter',
        json({
          query: 'query($n: String) { tenants(filter: {nameContains: $n}) { totalCount } }',
          variables: { n: '%_\\'.repeat(100_000) },
        }),
      ],
      [
        'APQ unknown hash',
        json({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
      ],
      [
        'APQ hash not matching',
        json({
          query: '{ __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash: '0' } },
        }),
      ],
      ['introspection in production', json({ query: '{ __schema { types { name } } }' })],
      [
        '1,600 __typename aliases',
        json({
          query: `{ ${Array.from({ length: 1600 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
        }),
      ],
      [
        'fragment cycle',
        json({ query: '{ ...F } fragment F on Query { ...G } fragment G on Query { ...F }' }),
      ],
      ['many directives', json({ query: `{ __typename ${'@include(if: true) '.repeat(100)} }` })],
      ['unknown directive', json({ query: '{ __typename @evil }' })],
      ['subscription operation', json({ query: 'subscription { __typename }' })],
      [
        'token alg none',
        (r) =>
          r
            .post('/graphql')
            .set('content-type', 'application/json')
            .set('authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')
            .send({ query: '{ tenants { totalCount } }' }),
      ],
      [
        'garbage authorization header',
        (r) =>
          r
            .post('/graphql')
            .set('content-type', 'application/json')
            .set('authorization', 'Basic \u00ff\u00fe')
            .send({ query: '{ __typename }' }),
      ],
      [
        'PUT /graphql',
        (r) =>
          r
            .put('/graphql')
            .set('content-type', 'application/json')
            .send({ query: '{ __typename }' }),
      ],
      ['DELETE /graphql', (r) => r.delete('/graphql')],
      [
        'PATCH /graphql',
        (r) =>
          r
            .patch('/graphql')
            .set('content-type', 'application/json')
            .send({ query: '{ __typename }' }),
      ],
      ['a browser asking for the page', (r) => r.get('/graphql').set('accept', 'text/html')],
      ['POST /health', (r) => r.post('/health').send({})],
      ['GET /health with a bad escape', (r) => r.get('/health?x=%')],
      ['an unknown path with a bad escape', (r) => r.get('/%E0%A4%A')],
    ];

    it.each(cases)('%s: answered below 500, with nothing internal in it', async (_, build) => {
      const res: Res = await build(request(prod.http));
      expect(res.status).toBeLessThan(500);
      expect(res.status).not.toBe(0);
      expect(codes(res)).not.toContain('INTERNAL_SERVER_ERROR');
      expect(res.text ?? '').not.toMatch(LEAK);
    });

    it('has run at least thirty of them and is still healthy', async () => {
      expect(cases.length).toBeGreaterThanOrEqual(30);
      const res = await request(prod.http).get('/health');
      expect(res.status).toBe(200);
    });
  });
});
