import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
});
afterAll(() => t?.close());

it('counts the SQL statements of a request, and relations are batched per request', async () => {
  const token = await t.adminToken();
  const query = `query($y: Int) { milestoneTargets(year: $y) { metric zone { code park { name } } } }`;
  // 14 targets or 5: one statement for the caller's current account and sign-in, one for the
  // targets, one for their zones, one for the parks.
  expect(await t.statements(query, { y: null }, token)).toBe(4);
  expect(await t.statements(query, { y: 2026 }, token)).toBe(4);
});
