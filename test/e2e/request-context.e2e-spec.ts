import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Without statement counting or replicas the request context is entered only for the requests
// that may write: their audit events must still carry the request id, whatever came before.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const SET_TARGET = `mutation($i: MilestoneTargetInput!) { setMilestoneTarget(input: $i) { id target } }`;

async function send(requestId: string, query: string, variables: object, token: string) {
  const res = await request(t.http)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${token}`)
    .set('x-request-id', requestId)
    .send({ query, variables });
  expect(res.headers['x-request-id']).toBe(requestId);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

const requestIdsOf = async (entityId: string) =>
  (
    await t.dataSource.query(
      `SELECT request_id FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    )
  ).map((r: { request_id: string }) => r.request_id);

describe('the request id', () => {
  it('reaches the audit events of a mutation, before and after queries, and side by side', async () => {
    const token = await t.adminToken();
    const input = { year: 2032, metric: 'ANNUAL_OUTPUT_VALUE', target: '1', source: 'test' };
    const first = await send('req-ctx-1', SET_TARGET, { i: input }, token);
    await send('req-ctx-q', '{ me { id } }', {}, token);
    await Promise.all([
      send('req-ctx-2', SET_TARGET, { i: { ...input, target: '2' } }, token),
      send('req-ctx-q2', '{ me { id } }', {}, token),
    ]);
    await send('req-ctx-3', SET_TARGET, { i: { ...input, target: '3' } }, token);
    expect(await requestIdsOf(first.setMilestoneTarget.id)).toEqual([
      'req-ctx-1',
      'req-ctx-2',
      'req-ctx-3',
    ]);
  });

  it('is given to a request that sends none, and answered', async () => {
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
