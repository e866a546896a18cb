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

it('reads a page of bills with their lines, leases, firms and payments in a fixed number of statements', async () => {
  const token = await t.adminToken();
  const [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones ORDER BY code LIMIT 1`);
  const { createBuilding } = await t.ok(
    `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
    { input: { zoneId, code: 'SC', name: 'Counting house', propertyFeePerSqm: '3.00' } },
    token,
  );
  // One firm billed in 2025-01, three in 2025-02, each with a lease of its own.
  for (const [i, months] of [
    ['2025-01-31'],
    ['2025-02-28'],
    ['2025-02-28'],
    ['2025-02-28'],
  ].entries()) {
    const { createUnit } = await t.ok(
      `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`,
      {
        input: {
          buildingId: createBuilding.id,
          code: `S${i}`,
          floor: 1,
          kind: 'OFFICE',
          area: '20.00',
          monthlyRentPerSqm: '50.00',
        },
      },
      token,
    );
    const [{ id: tenantId }] = await t.dataSource.query(
      `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
       VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2024-01-10', 'RESIDENT') RETURNING id`,
      [`Counted team ${i}`, zoneId],
    );
    const start = months[0].slice(0, 8) + '01';
    await t.ok(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
      { input: { unitId: createUnit.id, tenantId, startDate: start, endDate: months[0] } },
      token,
    );
  }
  for (const period of ['2025-01', '2025-02']) {
    await t.ok(
      `mutation($p: YearMonth!) { issueBills(period: $p) { issued } }`,
      { p: period },
      token,
    );
  }
  const query = `query($p: YearMonth, $n: Int) { bills(filter: { period: $p }, first: $n) {
    totalCount sums { count total }
    edges { node { number status tenant { name } payments { amount }
      lines { kind amount lease { id } benefitApplication { id } } } } } }`;
  // The caller, the count, the page, the sums, and one statement each for the firms, lines,
  // payments and leases, however many bills the page holds.
  expect(await t.statements(query, { p: '2025-01', n: 100 }, token)).toBe(8);
  expect(await t.statements(query, { p: '2025-02', n: 100 }, token)).toBe(8);
});
