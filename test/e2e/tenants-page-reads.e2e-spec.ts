import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatDecimal, Role, todayInShanghai } from '@jcv/shared';
import { Building, Lease, leaseStatus, Unit } from '@jcv/space';
import { CREDIT_CODE_CHARSET, Tenant, withCheckChar } from '@jcv/tenants';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A page of tenants with their leases and units is read as plain rows in few statements; its
// answer must be what the entities read through TypeORM would have shown, value for value.

let t: TestApp;
let admin: string;
let zone: string;
const prefix = `Rows ${randomBytes(4).toString('hex')}`;
const creditCode = () =>
  withCheckChar('91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''));

const PAGE = `query($filter: TenantFilter, $first: Int, $after: String) {
  tenants(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node {
      id name kind creditCode industryChain isTechFirm enteredOn exitedOn foundedOn status
      leases { id startDate endDate monthlyRent status
        unit { id code floor kind area monthlyRentPerSqm condition building { code } } }
    } } } }`;

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  admin = await t.adminToken();
  const { zones } = await t.ok<{ zones: { id: string; code: string }[] }>(
    `{ zones { id code } }`,
    {},
    admin,
  );
  zone = zones.find((z) => z.code === 'STARTUP')!.id;
  const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
  const [building] = await q(
    `INSERT INTO buildings (zone_id, code, name) VALUES ($1, $2, $3) RETURNING id`,
    [zone, `B${randomBytes(3).toString('hex')}`, prefix],
  );
  // Three firms: one with a founding day and an odd rent, one that left, one without leases.
  const firms = await q(
    `INSERT INTO tenants (name, kind, credit_code, zone_id, industry_chain, is_tech_firm,
                          entered_on, founded_on, exited_on, status)
     VALUES ($1 || ' A', 'FIRM', $2, $4, 'AI_PLUS', true, '2024-01-01', '2019-06-30', NULL, 'RESIDENT'),
            ($1 || ' B', 'FIRM', $3, $4, 'HYDROGEN', false, '2023-05-01', NULL, '2025-12-31', 'EXITED'),
            ($1 || ' C', 'TEAM', NULL, $4, 'AI_PLUS', true, '2025-02-01', NULL, NULL, 'RESIDENT')
     RETURNING id, name`,
    [prefix, creditCode(), creditCode(), zone],
  );
  const [a, b] = [...firms].sort((x: any, y: any) => x.name.localeCompare(y.name));
  const units = await q(
    `INSERT INTO units (building_id, code, floor, kind, area, monthly_rent_per_sqm, condition)
     VALUES ($1, 'U1', 1, 'OFFICE', 80, 35.5, 'IN_SERVICE'),
            ($1, 'U2', 2, 'OFFICE', 12.25, 40, 'MAINTENANCE'),
            ($1, 'U3', 3, 'OFFICE', 100.5, 0.01, 'IN_SERVICE')
     RETURNING id, code`,
    [building.id],
  );
  const unit = (code: string) => units.find((u: any) => u.code === code).id;
  await q(
    `INSERT INTO leases (unit_id, tenant_id, start_date, end_date, monthly_rent, status)
     VALUES ($1, $4, '2024-01-01', '2024-12-31', 2840, 'ACTIVE'),
            ($2, $4, '2025-01-01', '2099-12-31', 1234.5, 'ACTIVE'),
            ($3, $4, '2098-01-01', '2098-12-31', 0.01, 'TERMINATED'),
            ($3, $5, '2023-05-01', '2025-12-31', 99999999.99, 'ACTIVE')`,
    [unit('U1'), unit('U2'), unit('U3'), a.id, b.id],
  );
});
afterAll(() => t?.close());

/** What the page shows of each firm, from the entities as TypeORM reads them. */
async function expected() {
  const tenants = await t.dataSource
    .getRepository(Tenant)
    .createQueryBuilder('t')
    .where('t.name LIKE :p', { p: `${prefix}%` })
    .orderBy('t.name', 'ASC')
    .addOrderBy('t.id', 'ASC')
    .getMany();
  const today = todayInShanghai();
  return Promise.all(
    tenants.map(async (tenant) => {
      const leases = await t.dataSource
        .getRepository(Lease)
        .find({ where: { tenantId: tenant.id }, order: { startDate: 'ASC', id: 'ASC' } });
      return {
        id: tenant.id,
        name: tenant.name,
        kind: tenant.kind,
        creditCode: tenant.creditCode,
        industryChain: tenant.industryChain,
        isTechFirm: tenant.isTechFirm,
        enteredOn: tenant.enteredOn,
        exitedOn: tenant.exitedOn,
        foundedOn: tenant.foundedOn,
        status: tenant.status,
        leases: await Promise.all(
          leases.map(async (lease) => {
            const unit = await t.dataSource
              .getRepository(Unit)
              .findOneByOrFail({ id: lease.unitId });
            const building = await t.dataSource
              .getRepository(Building)
              .findOneByOrFail({ id: unit.buildingId });
            return {
              id: lease.id,
              startDate: lease.startDate,
              endDate: lease.endDate,
              monthlyRent: formatDecimal(lease.monthlyRent),
              status: leaseStatus(lease, today),
              unit: {
                id: unit.id,
                code: unit.code,
                floor: unit.floor,
                kind: unit.kind,
                area: formatDecimal(unit.area),
                monthlyRentPerSqm: formatDecimal(unit.monthlyRentPerSqm),
                condition: unit.condition,
                building: { code: building.code },
              },
            };
          }),
        ),
      };
    }),
  );
}

describe('a page of tenants read as plain rows', () => {
  it('shows what the entities hold, value for value', async () => {
    const want = await expected();
    expect(want).toHaveLength(3);
    expect(want[0].leases.map((l) => l.status)).toEqual(['ENDED', 'ACTIVE', 'TERMINATED']);
    expect(want[0].leases[1].monthlyRent).toBe('1234.50');

    const page = await t.ok(PAGE, { filter: { nameContains: prefix }, first: 10 }, admin);
    expect(page.tenants.totalCount).toBe(3);
    expect(page.tenants.pageInfo.hasNextPage).toBe(false);
    expect(page.tenants.edges.map((e: any) => e.node)).toEqual(want);
    // A page without the leases' units reads the leases alone, to the same values.
    const bare = await t.ok(
      `query($f: TenantFilter) { tenants(filter: $f) { edges { node { leases { id startDate endDate monthlyRent status } } } } }`,
      { f: { nameContains: prefix } },
      admin,
    );
    expect(bare.tenants.edges.map((e: any) => e.node.leases)).toEqual(
      want.map((w) => w.leases.map(({ unit: _unit, ...lease }) => lease)),
    );
  });

  it('counts the whole list on every page, past its end too, and only when asked', async () => {
    const filter = { nameContains: prefix };
    const one = await t.ok(PAGE, { filter, first: 2 }, admin);
    expect(one.tenants.edges).toHaveLength(2);
    expect(one.tenants).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const two = await t.ok(
      PAGE,
      { filter, first: 2, after: one.tenants.pageInfo.endCursor },
      admin,
    );
    expect(two.tenants.edges).toHaveLength(1);
    expect(two.tenants).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    const past = await t.ok(
      PAGE,
      { filter, first: 2, after: two.tenants.pageInfo.endCursor },
      admin,
    );
    expect(past.tenants).toMatchObject({ totalCount: 3, edges: [], pageInfo: { endCursor: null } });
    const none = await t.ok(PAGE, { filter: { nameContains: `${prefix} nobody` } }, admin);
    expect(none.tenants).toMatchObject({ totalCount: 0, edges: [] });

    // The page, its total and the leases with their units; the buildings; the caller's account.
    expect(await t.statements(PAGE, { filter, first: 10 }, admin)).toBe(4);
    const withoutTotal = `query($f: TenantFilter) { tenants(filter: $f) { edges { node { id } } } }`;
    expect(await t.statements(withoutTotal, { f: filter }, admin)).toBe(2);
  });

  it("shows a firm's users their own firm alone, counted alone", async () => {
    const want = await expected();
    const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: want[0].id });
    const page = await t.ok(PAGE, {}, token);
    expect(page.tenants.totalCount).toBe(1);
    expect(page.tenants.edges.map((e: any) => e.node)).toEqual([want[0]]);
  });
});
