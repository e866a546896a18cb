import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COMMITTEE_ROLES, fieldReaders, Role, rowInReach } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  REVIEW,
  SUBMIT,
  zones,
} from '../fixtures/reporting/fixtures.js';

const LIST = `query($filter: OutputReportFilter, $first: Int, $after: String) {
  outputReports(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id period revision status tenant { id } } }
  }
}`;

let t: TestApp;
let a: FixtureTenant;
let b: FixtureTenant;
let c: FixtureTenant;
let admin: string;
let tokenA: string;
let tokenB: string;
const z = { startup: '', expansion: '' };

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  Object.assign(z, await zones(t));
  a = await makeTenant(t, { zoneId: z.startup, enteredOn: '2025-01-01' });
  b = await makeTenant(t, { zoneId: z.startup, enteredOn: '2025-01-01' });
  c = await makeTenant(t, { zoneId: z.expansion, enteredOn: '2025-01-01' });
  admin = await t.adminToken();
  tokenA = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: a.id });
  tokenB = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: b.id });
  // a: 2025-01..2025-12 and 2026-01..2026-03; b: 2025-01..2025-06; c: 2025-01..2025-04.
  const months = (year: number, n: number) =>
    Array.from({ length: n }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  for (const p of [...months(2025, 12), ...months(2026, 3)])
    await t.ok(SUBMIT, { input: figures(a.id, p) }, admin);
  for (const p of months(2025, 6)) await t.ok(SUBMIT, { input: figures(b.id, p) }, admin);
  for (const p of months(2025, 4)) await t.ok(SUBMIT, { input: figures(c.id, p) }, admin);
  // A resubmission and two reviews, so that revisions and statuses differ.
  await t.ok(SUBMIT, { input: figures(a.id, '2025-05', { outputValue: '7.00' }) }, admin);
  const list = await t.ok(LIST, { filter: { tenantId: b.id, period: '2025-02' } }, admin);
  await t.ok(
    REVIEW,
    { id: list.outputReports.edges[0].node.id, decision: 'RETURN', note: 'fix' },
    admin,
  );
  const list2 = await t.ok(LIST, { filter: { tenantId: c.id, period: '2025-03' } }, admin);
  await t.ok(REVIEW, { id: list2.outputReports.edges[0].node.id, decision: 'ACCEPT' }, admin);
});
afterAll(() => t?.close());

/** Walks every page and returns the nodes in order. */
async function allPages(filter: Record<string, unknown>, first: number, token = admin) {
  const nodes: any[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount: number;
  for (;;) {
    const d: any = await t.ok(LIST, { filter, first, after }, token);
    totalCount = d.outputReports.totalCount;
    nodes.push(...d.outputReports.edges.map((e: any) => e.node));
    pages++;
    if (!d.outputReports.pageInfo.hasNextPage) break;
    after = d.outputReports.pageInfo.endCursor;
  }
  return { nodes, pages, totalCount };
}

describe('outputReports pages', () => {
  it.each([1, 4, 7, 100])('cover every latest row exactly once with pages of %i', async (first) => {
    const { nodes, totalCount, pages } = await allPages({}, first);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM output_reports WHERE latest`,
    );
    expect(totalCount).toBe(n);
    expect(nodes).toHaveLength(n);
    expect(new Set(nodes.map((x) => x.id)).size).toBe(n);
    expect(pages).toBe(Math.max(1, Math.ceil(n / first)));
    // Newest month first.
    const periods = nodes.map((x) => x.period);
    expect([...periods].sort().reverse()).toEqual(periods);
  });

  it('refuses a page size over 100 and a cursor that is not one', async () => {
    const big = await t.gql(LIST, { first: 101 }, admin);
    expect(big.errors?.[0].extensions.fields?.[0].field).toBe('first');
    const bad = await t.gql(LIST, { after: 'garbage' }, admin);
    expect(bad.errors?.[0].extensions.fields?.[0].field).toBe('after');
  });
});

describe('outputReports filters', () => {
  const count = async (filter: Record<string, unknown>, token = admin) =>
    (await t.ok(LIST, { filter, first: 1 }, token)).outputReports.totalCount;

  it('filter by tenant, zone, year, month and status', async () => {
    expect(await count({ tenantId: a.id })).toBe(15);
    expect(await count({ zoneId: z.startup })).toBe(21);
    expect(await count({ zoneId: z.expansion })).toBe(4);
    expect(await count({ year: 2026 })).toBe(3);
    expect(await count({ year: 2025, zoneId: z.startup })).toBe(18);
    expect(await count({ period: '2025-02' })).toBe(3);
    expect(await count({ status: 'RETURNED' })).toBe(1);
    expect(await count({ status: 'ACCEPTED', zoneId: z.expansion })).toBe(1);
    expect(await count({ status: 'SUBMITTED' })).toBe(23);
  });

  it('count the latest revision only', async () => {
    const d = await t.ok(LIST, { filter: { tenantId: a.id, period: '2025-05' } }, admin);
    expect(d.outputReports.edges.map((e: any) => e.node.revision)).toEqual([2]);
  });

  it('are validated', async () => {
    const res = await t.gql(LIST, { filter: { year: 1999, zoneId: 'x' } }, admin);
    expect(res.errors?.[0].extensions.fields?.map((f: any) => f.field).sort()).toEqual([
      'year',
      'zoneId',
    ]);
  });
});

describe('isolation between firms', () => {
  it('a firm lists only its own reports, whatever the filter', async () => {
    const own = await allPages({}, 6, tokenA);
    expect(own.totalCount).toBe(15);
    expect(new Set(own.nodes.map((x) => x.tenant.id))).toEqual(new Set([a.id]));
    const zone = await t.ok(LIST, { filter: { zoneId: z.startup } }, tokenB);
    expect(zone.outputReports.totalCount).toBe(6);
    const otherZone = await t.ok(LIST, { filter: { zoneId: z.expansion } }, tokenB);
    expect(otherZone.outputReports.totalCount).toBe(0);
    const byStatus = await t.ok(LIST, { filter: { status: 'ACCEPTED' } }, tokenB);
    expect(byStatus.outputReports.totalCount).toBe(0);
  });

  it("a firm naming another firm's id in the filter finds nothing: a list holds its own rows", async () => {
    const res = await t.ok(LIST, { filter: { tenantId: a.id } }, tokenB);
    expect(res.outputReports).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('through the tenant edge a firm reaches only its own months', async () => {
    const d = await t.ok(
      `{ outputReports(first: 1) { edges { node { tenant { id outputReports(year: 2025) { period tenant { id } } } } } } }`,
      {},
      tokenB,
    );
    const tenant = d.outputReports.edges[0].node.tenant;
    expect(tenant.id).toBe(b.id);
    expect(tenant.outputReports.map((r: any) => r.period)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(new Set(tenant.outputReports.map((r: any) => r.tenant.id))).toEqual(new Set([b.id]));
  });

  it("the tenant edge is the committee's and the firm's own, by the access policy", () => {
    const actor = (role: Role, tenantId: string | null = null) => ({
      userId: '00000000-0000-4000-8000-000000000001',
      role,
      tenantId,
      serviceProviderId: null,
    });
    expect([...fieldReaders('Tenant', 'outputReports')!].sort()).toEqual(
      [...COMMITTEE_ROLES, Role.TENANT_ADMIN, Role.TENANT_REPORTER].sort(),
    );
    expect(rowInReach(actor(Role.TENANT_ADMIN, b.id), 'Tenant', { id: a.id })).toBe(false);
    expect(rowInReach(actor(Role.TENANT_REPORTER, a.id), 'Tenant', { id: a.id })).toBe(true);
    expect(rowInReach(actor(Role.ANALYST), 'Tenant', { id: a.id })).toBe(true);
    expect(rowInReach(actor(Role.SERVICE_PROVIDER), 'OutputReport', { tenantId: a.id })).toBe(
      false,
    );
  });

  it('the committee reads every firm, through the list and the tenant edge by year', async () => {
    const analyst = await t.tokenFor(Role.ANALYST);
    const d = await t.ok(
      `{ outputReports(first: 10, filter: { period: "2025-01" }) { totalCount edges { node {
           tenant { id all: outputReports { period } y2026: outputReports(year: 2026) { period } } } } } }`,
      {},
      analyst,
    );
    expect(d.outputReports.totalCount).toBe(3);
    const byTenant = new Map(
      d.outputReports.edges.map((e: any) => [e.node.tenant.id, e.node.tenant]),
    );
    expect((byTenant.get(a.id) as any).all).toHaveLength(15);
    expect((byTenant.get(a.id) as any).y2026.map((r: any) => r.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect((byTenant.get(c.id) as any).y2026).toEqual([]);
  });
});

describe('the cost of a page', () => {
  it('does not grow with its rows: relations come through per-request loaders', async () => {
    const PAGE = `query($first: Int) {
      outputReports(filter: { year: 2025 }, first: $first) { totalCount edges { node {
        period tenant { id name outputReports(year: 2025) { period } }
        revisions { revision status }
      } } }
    }`;
    const small = await t.statements(PAGE, { first: 2 }, admin);
    const large = await t.statements(PAGE, { first: 20 }, admin);
    const rows = await t.ok(PAGE, { first: 20 }, admin);
    expect(rows.outputReports.edges).toHaveLength(20);
    expect(large).toBe(small);
    // The count, the page, the tenants, their months and the revisions.
    expect(small).toBeLessThanOrEqual(6);
  });
});
