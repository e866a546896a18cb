import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import request from 'supertest';
import { ALL_ROLES, Roles } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** An operation someone forgot to give an access rule. */
@Resolver()
class ForgottenResolver {
  @Query(() => String)
  forgottenOperation() {
    return 'should never be seen';
  }

  @Roles(...ALL_ROLES)
  @Query(() => String)
  failingOperation(): string {
    throw new Error('relation "secret_table" does not exist at SELECT * FROM secret_table');
  }
}

@Module({ providers: [ForgottenResolver] })
class ForgottenModule {}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { extraModules: [ForgottenModule] });
});
afterAll(() => t?.close());

const codeOf = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code;

describe('access rules', () => {
  it('denies an operation that states no access rule, even to ADMIN', async () => {
    const res = await t.gql(`{ forgottenOperation }`, {}, await t.adminToken());
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });
});

describe('query limits', () => {
  it('refuses a query deeper than the limit', async () => {
    let selection = 'id';
    for (let i = 0; i < 6; i++) selection = `zones { park { ${selection} } }`;
    const res = await request(t.http)
      .post('/graphql')
      .set('authorization', `Bearer ${await t.adminToken()}`)
      .send({ query: `{ parks { ${selection} } }` });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/depth/i);
  });

  it('refuses a query with too many aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: parks { id }`).join(' ');
    const res = await request(t.http)
      .post('/graphql')
      .set('authorization', `Bearer ${await t.adminToken()}`)
      .send({ query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/alias/i);
  });

  it('counts __typename aliases too', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `t${i}: __typename`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, {}, await t.adminToken());
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.data ?? null).toBeNull();
  });

  it('refuses a document over the token limit while parsing, with 400', async () => {
    const res = await request(t.http)
      .post('/graphql')
      .send({ query: `{ ${'parks { id } '.repeat(2000)} }` });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body.errors[0].message).toMatch(/5000 tokens/);
  });

  it('refuses a document nested deeper than the parser can go, with 400', async () => {
    const res = await request(t.http)
      .post('/graphql')
      .send({ query: `{ parks(x: ${'['.repeat(2400)}${']'.repeat(2400)}) { id } }` });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/call stack|RangeError/);
  });

  it('refuses a page larger than 100 and names the argument', async () => {
    const res = await t.gql(`{ auditEvents(first: 101) { totalCount } }`, {}, await t.adminToken());
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields).toEqual([
      { field: 'first', message: 'first must be at most 100' },
    ]);
  });

  it('refuses a request body over the size limit', async () => {
    const big = 'x'.repeat(11 * 1024 * 1024);
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: `{ parks { id } }`, variables: { big } }));
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'body', message: 'is larger than this server accepts' }],
    });
  });

  it('refuses batched requests', async () => {
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ parks { id } }' }, { query: '{ parks { id } }' }]);
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});

describe('errors', () => {
  it('names the bad field of a malformed scalar in variables', async () => {
    const res = await t.gql(
      `mutation($i: MilestoneTargetInput!) { setMilestoneTarget(input: $i) { id } }`,
      { i: { year: 2026, metric: 'NEW_TECH_FIRMS', target: 'forty', source: 'x' } },
      await t.adminToken(),
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields![0].field).toBe('target');
  });

  it('hides the cause of an unexpected error: no SQL, generic message', async () => {
    const res = await t.gql(`{ failingOperation }`, {}, await t.adminToken());
    expect(codeOf(res)).toBe('INTERNAL_SERVER_ERROR');
    expect(res.errors![0].message).toBe('Internal server error');
    expect(JSON.stringify(res.errors![0].message)).not.toMatch(/secret_table/);
  });
});
