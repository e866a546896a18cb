import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { todayInShanghai } from '@jcv/shared';
import { isValidCreditCode } from '@jcv/tenants';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { DEMO_FIRM_NAME, DEMO_PASSWORD } from '../../seeds/demo/index.js';

// The demo park a newcomer's `npm start` shows, loaded through the services: it must obey every
// rule and look lived-in.

let t: TestApp;
let admin: string;
const q = (sql: string) => t.dataSource.query(sql);

// The whole demo loads here (every capability's part), on a machine that may be busy.
beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
  admin = await t.adminToken();
}, 180_000);
afterAll(() => t?.close());

it('has firms and teams of all six chains in both zones, with valid credit codes', async () => {
  const { tenants } = await t.ok(
    `{ tenants(first: 100) { totalCount edges { node {
        name kind creditCode industryChain enteredOn zone { kind } } } } }`,
    {},
    admin,
  );
  const nodes = tenants.edges.map((e: any) => e.node);
  expect(tenants.totalCount).toBeGreaterThanOrEqual(40);
  expect(new Set(nodes.map((n: any) => n.industryChain)).size).toBe(6);
  expect(new Set(nodes.map((n: any) => n.zone.kind))).toEqual(new Set(['STARTUP', 'EXPANSION']));
  for (const n of nodes) {
    if (n.kind === 'FIRM') expect(isValidCreditCode(n.creditCode)).toBe(true);
    else expect(n.creditCode).toBeNull();
    expect(n.enteredOn <= todayInShanghai()).toBe(true);
  }
  expect(nodes.filter((n: any) => n.kind === 'TEAM').length).toBeGreaterThan(0);
  // The same every time: the generator is seeded.
  const demoFirm = nodes.find((n: any) => n.name === DEMO_FIRM_NAME);
  expect(demoFirm).toMatchObject({ creditCode: '91141100MA0AHU829B', enteredOn: '2025-01-11' });
});

it('sets the startup zone near its targets for new technology firms', async () => {
  const rows: { year: number; n: number }[] = await q(
    `SELECT extract(year FROM t.entered_on)::int AS year, count(*)::int AS n
       FROM tenants t JOIN zones z ON z.id = t.zone_id
      WHERE z.kind = 'STARTUP' AND t.is_tech_firm GROUP BY 1 ORDER BY 1`,
  );
  const byYear = Object.fromEntries(rows.map((r) => [r.year, r.n]));
  expect(byYear[2025]).toBe(28);
  expect(byYear[2026]).toBeGreaterThan(0);
  expect(byYear[2026]).toBeLessThanOrEqual(25);
  const certs = await q(
    `SELECT kind, count(*)::int AS n, max(issued_on)::text AS last FROM certifications GROUP BY 1`,
  );
  expect(certs.map((c: { kind: string }) => c.kind).sort()).toEqual([
    'HIGH_TECH',
    'SRDI',
    'TECH_SME',
  ]);
  for (const c of certs) expect(c.last <= todayInShanghai()).toBe(true);
  const projects = await t.ok(
    `{ industrializationProjects(year: 2025) { zone { kind } } }`,
    {},
    admin,
  );
  expect(projects.industrializationProjects).toHaveLength(5);
  expect(projects.industrializationProjects.every((p: any) => p.zone.kind === 'EXPANSION')).toBe(
    true,
  );
});

it('lets most of its space, with applications in every state', async () => {
  const [{ leased, total }] = await q(
    `SELECT count(DISTINCT l.tenant_id)::int AS leased, (SELECT count(*)::int FROM tenants) AS total
       FROM leases l WHERE l.status <> 'TERMINATED'`,
  );
  expect(leased / total).toBeGreaterThan(0.8);
  const { zones } = await t.ok(
    `{ zones { kind occupancy { unitsTotal unitsLeased rate } buildings { units { status } } } }`,
    {},
    admin,
  );
  for (const z of zones) {
    expect(z.occupancy.unitsLeased).toBeGreaterThan(0);
    expect(z.occupancy.rate).toBeGreaterThan(0.5);
    expect(z.occupancy.rate).toBeLessThan(1);
  }
  const statuses = zones.flatMap((z: any) => z.buildings.flatMap((b: any) => b.units));
  expect(new Set(statuses.map((u: any) => u.status))).toEqual(
    new Set(['AVAILABLE', 'LEASED', 'MAINTENANCE', 'RETIRED']),
  );
  const { spaceApplications } = await t.ok(`{ spaceApplications { status } }`, {}, admin);
  expect(spaceApplications.map((a: any) => a.status).sort()).toEqual([
    'APPROVED',
    'REJECTED',
    'SUBMITTED',
  ]);
});

it("signs the demo firm's users in to their own firm only", async () => {
  const firmAdmin = await t.login('firm-admin@jcv.example', DEMO_PASSWORD);
  const data = await t.ok(
    `{ me { role tenant { name leases { status } certifications { kind } } }
       tenants { totalCount } spaceApplications { status } }`,
    {},
    firmAdmin,
  );
  expect(data.me).toMatchObject({ role: 'TENANT_ADMIN', tenant: { name: DEMO_FIRM_NAME } });
  expect(data.me.tenant.leases.map((l: any) => l.status)).toContain('ACTIVE');
  expect(data.tenants.totalCount).toBe(1);
  expect(data.spaceApplications).toEqual([{ status: 'SUBMITTED' }]);
  const reporter = await t.login('reporter@jcv.example', DEMO_PASSWORD);
  const me = await t.ok(`{ me { role tenant { name } } }`, {}, reporter);
  expect(me.me).toEqual({ role: 'TENANT_REPORTER', tenant: { name: DEMO_FIRM_NAME } });
});
