import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

it('boots, seeds the park and answers me', async () => {
  const token = await t.adminToken();
  const data = await t.ok(
    `{ me { email role } parks { name zones { code kind park { code } } } milestoneTargets(year: 2026) { metric target zone { code } source } }`,
    {},
    token,
  );
  expect(data.me).toEqual({ email: 'admin@test.example', role: 'ADMIN' });
  console.log(JSON.stringify(data, null, 1));
});
