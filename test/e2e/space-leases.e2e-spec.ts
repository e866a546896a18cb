import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Buildings, units, leases and occupancy through /graphql. With TEST_DATABASE_URL the race
// below really races on the server's connection pool; on the embedded database the requests
// queue for its one session. Both must give one lease and 19 CONFLICT.

let t: TestApp;
let admin: string;
let startupZone: string;

const tag = () => randomBytes(4).toString('hex');
const creditCode = () =>
  withCheckChar('91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''));

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const ALLOCATE = `mutation($input: AllocateUnitInput!) {
  allocateUnit(input: $input) { id startDate endDate monthlyRent status unit { id } tenant { id } } }`;
const END = `mutation($id: ID!, $endDate: Date!) {
  endLease(id: $id, endDate: $endDate) { id startDate endDate status } }`;

async function building(zoneId = startupZone) {
  const { createBuilding } = await t.ok(
    `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id code } }`,
    { input: { zoneId, code: `B-${tag()}`, name: '创业大厦' } },
    admin,
  );
  return createBuilding as { id: string; code: string };
}

async function unit(buildingId: string, area = '100.00', rate = '40.00') {
  const { createUnit } = await t.ok(
    `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code area monthlyRentPerSqm status } }`,
    {
      input: {
        buildingId,
        code: `U-${tag()}`,
        floor: 3,
        kind: 'OFFICE',
        area,
        monthlyRentPerSqm: rate,
      },
    },
    admin,
  );
  return createUnit as { id: string; code: string };
}

async function tenant(zoneId = startupZone) {
  const { registerTenant } = await t.ok(
    `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id name } }`,
    {
      input: {
        name: `Firm ${tag()}`,
        kind: 'FIRM',
        creditCode: creditCode(),
        zoneId,
        industryChain: 'CARBON_MATERIALS',
        isTechFirm: true,
        enteredOn: '2024-01-02',
      },
    },
    admin,
  );
  return registerTenant as { id: string; name: string };
}

function allocate(
  unitId: string,
  tenantId: string,
  startDate: string,
  endDate: string,
  extra: Record<string, unknown> = {},
  token = admin,
) {
  return t.gql(ALLOCATE, { input: { unitId, tenantId, startDate, endDate, ...extra } }, token);
}

const counts = async () => ({
  buildings: await t.count('buildings'),
  units: await t.count('units'),
  leases: await t.count('leases'),
  audit: await t.count('audit_events'),
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const { zones } = await t.ok(`{ zones { id code } }`, {}, admin);
  startupZone = zones.find((z: { code: string }) => z.code === 'STARTUP').id;
});
afterAll(() => t?.close());

describe('buildings and units', () => {
  it('creates them and shows them under the zone', async () => {
    const b = await building();
    const u = await unit(b.id, '120.50', '45.55');
    expect(u).toMatchObject({ area: '120.50', monthlyRentPerSqm: '45.55', status: 'AVAILABLE' });
    const { zone } = await t.ok(
      `query($id: ID!) { zone(id: $id) { buildings { id code zone { id } units { id kind floor } } } }`,
      { id: startupZone },
      admin,
    );
    const listed = zone.buildings.find((x: { id: string }) => x.id === b.id);
    expect(listed).toEqual({
      id: b.id,
      code: b.code,
      zone: { id: startupZone },
      units: [{ id: u.id, kind: 'OFFICE', floor: 3 }],
    });
  });

  it('refuses bad areas, rents and duplicate codes, writing nothing', async () => {
    const b = await building();
    const first = await unit(b.id);
    const before = await counts();
    const CREATE = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`;
    const input = {
      buildingId: b.id,
      code: `U-${tag()}`,
      floor: 1,
      kind: 'LAB',
      area: '10.00',
      monthlyRentPerSqm: '1.00',
    };
    const bad: [Record<string, unknown>, string, string][] = [
      [{ area: '0' }, 'area', 'area must be greater than 0'],
      [{ area: '-5.00' }, 'area', 'area must be greater than 0'],
      [{ area: '10.001' }, 'area', 'area must have at most 2 decimal places'],
      [{ monthlyRentPerSqm: '-0.01' }, 'monthlyRentPerSqm', 'monthlyRentPerSqm must be at least 0'],
      [{ code: 'has space' }, 'code', 'code must be 1 to 40 letters, digits, - or _'],
    ];
    for (const [change, field, message] of bad) {
      const res = await t.gql(CREATE, { input: { ...input, ...change } }, admin);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toContainEqual({ field, message });
    }
    const dup = await t.gql(CREATE, { input: { ...input, code: first.code } }, admin);
    expect(dup.errors?.[0].extensions.code).toBe('CONFLICT');
    const dupBuilding = await t.gql(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      { input: { zoneId: startupZone, code: b.code, name: 'again' } },
      admin,
    );
    expect(dupBuilding.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);

    // The same unit code in another building is fine.
    const other = await building();
    await t.ok(CREATE, { input: { ...input, buildingId: other.id, code: first.code } }, admin);
  });

  it('lets the space manager build, and no firm', async () => {
    const manager = await t.tokenFor(Role.SPACE_MANAGER);
    const { createBuilding } = await t.ok(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      { input: { zoneId: startupZone, code: `SM-${tag()}`, name: 'by the manager' } },
      manager,
    );
    expect(createBuilding.id).toMatch(/^[0-9a-f-]{36}$/);
    const firm = await tenant();
    const res = await t.gql(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      { input: { zoneId: startupZone, code: `T-${tag()}`, name: 'by a firm' } },
      await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id }),
    );
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('allocateUnit', () => {
  it('defaults the rent to area × rent per m², rounded half up to the fen', async () => {
    const u = await unit((await building()).id, '120.50', '45.55'); // 5488.775
    const firm = await tenant();
    const res = await allocate(u.id, firm.id, '2025-01-01', '2025-12-31');
    expect(res.data?.allocateUnit).toMatchObject({
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      monthlyRent: '5488.78',
      unit: { id: u.id },
      tenant: { id: firm.id },
    });
    const given = await allocate(u.id, firm.id, '2026-01-01', '2026-06-30', {
      monthlyRent: '5000',
    });
    expect(given.data?.allocateUnit.monthlyRent).toBe('5000.00');
  });

  it('refuses overlaps, also on the shared inclusive last day, and allows the next day', async () => {
    const u = await unit((await building()).id);
    const a = await tenant();
    const b = await tenant();
    expect((await allocate(u.id, a.id, '2025-01-01', '2025-06-30')).errors).toBeUndefined();
    const before = await counts();

    const overlap = await allocate(u.id, b.id, '2025-03-01', '2025-09-30');
    expect(overlap.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(overlap.errors?.[0].message).toBe(
      `Unit ${u.code} is already let from 2025-01-01 to 2025-06-30`,
    );
    const lastDay = await allocate(u.id, b.id, '2025-06-30', '2025-12-31');
    expect(lastDay.errors?.[0].extensions.code).toBe('CONFLICT');
    const inside = await allocate(u.id, b.id, '2025-02-01', '2025-02-01');
    expect(inside.errors?.[0].extensions.code).toBe('CONFLICT');
    const around = await allocate(u.id, b.id, '2024-12-31', '2025-07-01');
    expect(around.errors?.[0].extensions.code).toBe('CONFLICT');
    const firstDay = await allocate(u.id, b.id, '2024-06-01', '2025-01-01');
    expect(firstDay.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);

    const next = await allocate(u.id, b.id, '2025-07-01', '2025-12-31');
    expect(next.errors).toBeUndefined();
    const dayBefore = await allocate(u.id, b.id, '2024-06-01', '2024-12-31');
    expect(dayBefore.errors).toBeUndefined();
  });

  it('refuses an end before the start, and unknown units and tenants, writing nothing', async () => {
    const u = await unit((await building()).id);
    const firm = await tenant();
    const before = await counts();
    const backwards = await allocate(u.id, firm.id, '2025-06-01', '2025-05-31');
    expect(backwards.errors?.[0].extensions.fields).toEqual([
      { field: 'endDate', message: 'must not be before startDate (2025-06-01)' },
    ]);
    const nobody = '00000000-0000-4000-8000-000000000000';
    const noUnit = await allocate(nobody, firm.id, '2025-01-01', '2025-01-31');
    expect(noUnit.errors?.[0].extensions.fields?.[0].field).toBe('unitId');
    const noTenant = await allocate(u.id, nobody, '2025-01-01', '2025-01-31');
    expect(noTenant.errors?.[0].extensions.fields?.[0].field).toBe('tenantId');
    const badRent = await allocate(u.id, firm.id, '2025-01-01', '2025-01-31', {
      monthlyRent: '1.234',
    });
    expect(badRent.errors?.[0].extensions.fields?.[0].field).toBe('monthlyRent');
    expect(await counts()).toEqual(before);
  });

  it('gives exactly one lease and 19 CONFLICT to 20 concurrent allocations of one unit', async () => {
    const u = await unit((await building()).id);
    const firms = await Promise.all(Array.from({ length: 4 }, () => tenant()));
    const manager = await t.tokenFor(Role.SPACE_MANAGER);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        allocate(u.id, firms[i % 4].id, '2026-01-01', '2026-12-31', {}, i % 2 ? manager : admin),
      ),
    );
    const won = results.filter((r) => r.data?.allocateUnit);
    const codes = results.flatMap((r) => r.errors?.map((e) => e.extensions.code) ?? []);
    console.log(
      `race (${process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'embedded'}): ` +
        `${won.length} lease, ${codes.filter((c) => c === 'CONFLICT').length} CONFLICT, ` +
        `other errors: ${JSON.stringify(codes.filter((c) => c !== 'CONFLICT'))}`,
    );
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('CONFLICT'));
    const messages = new Set(results.flatMap((r) => r.errors?.map((e) => e.message) ?? []));
    expect([...messages]).toEqual([`Unit ${u.code} is already let from 2026-01-01 to 2026-12-31`]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM leases WHERE unit_id = $1`,
      [u.id],
    );
    expect(n).toBe(1);
  });

  it('refuses a unit under maintenance or retired, and a firm that left', async () => {
    const b = await building();
    const u = await unit(b.id);
    const firm = await tenant();
    const SET = `mutation($input: SetUnitConditionInput!) { setUnitCondition(input: $input) { condition status } }`;
    const set = (condition: string) => t.gql(SET, { input: { unitId: u.id, condition } }, admin);

    expect((await set('MAINTENANCE')).data?.setUnitCondition).toEqual({
      condition: 'MAINTENANCE',
      status: 'MAINTENANCE',
    });
    const before = await counts();
    const repair = await allocate(u.id, firm.id, '2025-01-01', '2025-12-31');
    expect(repair.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(repair.errors?.[0].message).toMatch(/under maintenance/);
    expect(await counts()).toEqual(before);

    await set('IN_SERVICE');
    const today = todayInShanghai();
    const lease = await allocate(u.id, firm.id, addDays(today, -10), addDays(today, 10));
    expect(lease.errors).toBeUndefined();
    const retireLet = await set('RETIRED');
    expect(retireLet.errors?.[0].extensions.code).toBe('CONFLICT');

    const spare = await unit(b.id);
    await t.ok(SET, { input: { unitId: spare.id, condition: 'RETIRED' } }, admin);
    const retired = await allocate(spare.id, firm.id, '2025-01-01', '2025-12-31');
    expect(retired.errors?.[0].message).toMatch(/retired/);

    const gone = await tenant();
    await t.ok(
      `mutation($input: ExitTenantInput!) { exitTenant(input: $input) { id } }`,
      { input: { tenantId: gone.id, exitedOn: '2025-06-30', status: 'EXITED' } },
      admin,
    );
    const left = await allocate(u.id, gone.id, addDays(today, 20), addDays(today, 30));
    expect(left.errors?.[0].extensions.code).toBe('CONFLICT');
  });
});

describe('endLease', () => {
  it('shortens a lease and frees the rest of its period', async () => {
    const u = await unit((await building()).id);
    const a = await tenant();
    const b = await tenant();
    const lease = (await allocate(u.id, a.id, '2025-01-01', '2025-12-31')).data!.allocateUnit;
    const { endLease } = await t.ok(END, { id: lease.id, endDate: '2025-06-30' }, admin);
    expect(endLease).toMatchObject({ endDate: '2025-06-30', status: 'ENDED' });
    expect(
      (await allocate(u.id, b.id, '2025-06-30', '2025-12-31')).errors?.[0].extensions.code,
    ).toBe('CONFLICT');
    expect((await allocate(u.id, b.id, '2025-07-01', '2025-12-31')).errors).toBeUndefined();
  });

  it('refuses an end before the start of a lease that has begun, and a longer lease', async () => {
    const u = await unit((await building()).id);
    const firm = await tenant();
    const lease = (await allocate(u.id, firm.id, '2025-01-01', '2025-12-31')).data!.allocateUnit;
    const firmToken = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id });
    const before = await counts();
    const early = await t.gql(END, { id: lease.id, endDate: '2024-12-31' }, admin);
    expect(early.errors?.[0].extensions.fields).toEqual([
      { field: 'endDate', message: "must not be before the lease's start date (2025-01-01)" },
    ]);
    const longer = await t.gql(END, { id: lease.id, endDate: '2026-01-01' }, admin);
    expect(longer.errors?.[0].extensions.fields?.[0].field).toBe('endDate');
    const unknown = await t.gql(
      END,
      { id: '00000000-0000-4000-8000-000000000000', endDate: '2025-01-01' },
      admin,
    );
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const byFirm = await t.gql(END, { id: lease.id, endDate: '2025-06-30' }, firmToken);
    expect(byFirm.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    // The last day itself is a valid end: a one-day lease.
    const { endLease } = await t.ok(END, { id: lease.id, endDate: '2025-01-01' }, admin);
    expect(endLease.endDate).toBe('2025-01-01');
  });

  it('cancels a lease that has not begun when it is cut to before its start', async () => {
    const u = await unit((await building()).id);
    const a = await tenant();
    const b = await tenant();
    const today = todayInShanghai();
    const start = addDays(today, 30);
    const lease = (await allocate(u.id, a.id, start, addDays(today, 400))).data!.allocateUnit;
    expect(lease.status).toBe('ACTIVE');
    const { endLease } = await t.ok(END, { id: lease.id, endDate: addDays(start, -1) }, admin);
    expect(endLease).toMatchObject({ status: 'TERMINATED', startDate: start });
    // A TERMINATED lease neither blocks the unit nor can be ended again.
    expect((await allocate(u.id, b.id, start, addDays(today, 400))).errors).toBeUndefined();
    const again = await t.gql(END, { id: lease.id, endDate: start }, admin);
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('ends the leases of a firm that leaves: running ones on the exit day, later ones cancelled', async () => {
    const bld = await building();
    const [u1, u2, u3] = [await unit(bld.id), await unit(bld.id), await unit(bld.id)];
    const firm = await tenant();
    const past = (await allocate(u1.id, firm.id, '2024-01-02', '2024-12-31')).data!.allocateUnit;
    const running = (await allocate(u2.id, firm.id, '2025-01-01', '2026-12-31')).data!.allocateUnit;
    const later = (await allocate(u3.id, firm.id, '2026-01-01', '2026-12-31')).data!.allocateUnit;
    await t.ok(
      `mutation($input: ExitTenantInput!) { exitTenant(input: $input) { id } }`,
      { input: { tenantId: firm.id, exitedOn: '2025-09-30', status: 'GRADUATED' } },
      admin,
    );
    const { tenant: after } = await t.ok(
      `query($id: ID!) { tenant(id: $id) { status leases { id endDate status } } }`,
      { id: firm.id },
      admin,
    );
    expect(after.status).toBe('GRADUATED');
    expect(after.leases).toEqual([
      { id: past.id, endDate: '2024-12-31', status: 'ENDED' },
      { id: running.id, endDate: '2025-09-30', status: 'ENDED' },
      { id: later.id, endDate: '2026-12-31', status: 'TERMINATED' },
    ]);
  });
});

describe('occupancy and unit status', () => {
  it('counts units and area let on chosen dates', async () => {
    // A zone of its own, so that other tests' units do not count.
    const [zone] = await t.dataSource.query(
      `INSERT INTO zones (park_id, code, name, kind)
       SELECT park_id, $1, 'Test zone', 'STARTUP' FROM zones LIMIT 1 RETURNING id`,
      [`Z${tag().toUpperCase()}`],
    );
    const OCC = `query($id: ID!, $d: Date) { zone(id: $id) { occupancy(asOf: $d) {
      unitsTotal unitsLeased totalArea leasedArea rate } } }`;
    const occ = async (d: string | null) =>
      (await t.ok(OCC, { id: zone.id, d }, admin)).zone.occupancy;
    expect(await occ(null)).toEqual({
      unitsTotal: 0,
      unitsLeased: 0,
      totalArea: '0.00',
      leasedArea: '0.00',
      rate: 0,
    });

    const b = await building(zone.id);
    const a = await unit(b.id, '100.00');
    const bb = await unit(b.id, '50.50');
    const c = await unit(b.id, '30.00');
    const d = await unit(b.id, '20.00');
    const SET = `mutation($input: SetUnitConditionInput!) { setUnitCondition(input: $input) { id } }`;
    await t.ok(SET, { input: { unitId: c.id, condition: 'MAINTENANCE' } }, admin);
    await t.ok(SET, { input: { unitId: d.id, condition: 'RETIRED' } }, admin);
    const f1 = await tenant();
    const f2 = await tenant();
    await allocate(a.id, f1.id, '2025-01-01', '2025-06-30');
    await allocate(a.id, f2.id, '2025-07-01', '2025-12-31');
    await allocate(bb.id, f2.id, '2025-03-01', '2025-12-31');
    const today = todayInShanghai();
    const cancelled = (await allocate(bb.id, f1.id, addDays(today, 10), addDays(today, 90))).data!
      .allocateUnit;
    await t.ok(END, { id: cancelled.id, endDate: addDays(today, 9) }, admin);

    // The retired unit is out of the stock; the one under maintenance stays in it.
    const stock = { unitsTotal: 3, totalArea: '180.50' };
    expect(await occ('2024-12-31')).toEqual({
      ...stock,
      unitsLeased: 0,
      leasedArea: '0.00',
      rate: 0,
    });
    expect(await occ('2025-01-01')).toEqual({
      ...stock,
      unitsLeased: 1,
      leasedArea: '100.00',
      rate: 100 / 180.5,
    });
    expect(await occ('2025-06-30')).toEqual({
      ...stock,
      unitsLeased: 2,
      leasedArea: '150.50',
      rate: 150.5 / 180.5,
    });
    expect(await occ('2025-07-01')).toMatchObject({ unitsLeased: 2, leasedArea: '150.50' });
    expect(await occ('2025-12-31')).toMatchObject({ unitsLeased: 2, leasedArea: '150.50' });
    expect(await occ('2026-01-01')).toMatchObject({ unitsLeased: 0, leasedArea: '0.00' });
    // The cancelled lease does not count.
    expect(await occ(addDays(today, 20))).toMatchObject({ unitsLeased: 0, rate: 0 });
  });

  it('derives unit status and the current lease from today, and filters units by them', async () => {
    const b = await building();
    const today = todayInShanghai();
    const [let_, free, repair] = [await unit(b.id), await unit(b.id), await unit(b.id)];
    const firm = await tenant();
    const lease = (await allocate(let_.id, firm.id, addDays(today, -30), today)).data!.allocateUnit;
    await allocate(free.id, firm.id, addDays(today, -60), addDays(today, -1));
    await allocate(free.id, firm.id, addDays(today, 1), addDays(today, 60));
    await t.ok(
      `mutation($input: SetUnitConditionInput!) { setUnitCondition(input: $input) { id } }`,
      { input: { unitId: repair.id, condition: 'MAINTENANCE' } },
      admin,
    );
    const UNITS = `query($filter: UnitFilter, $first: Int, $after: String) {
      units(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id code status currentLease { id } leases { status } building { id } } } } }`;
    const all = await t.ok(UNITS, { filter: { buildingId: b.id } }, admin);
    expect(all.units.totalCount).toBe(3);
    const byId = new Map(all.units.edges.map((e: any) => [e.node.id, e.node]));
    expect(byId.get(let_.id)).toMatchObject({
      status: 'LEASED',
      currentLease: { id: lease.id },
      leases: [{ status: 'ACTIVE' }],
    });
    expect(byId.get(free.id)).toMatchObject({
      status: 'AVAILABLE',
      currentLease: null,
      leases: [{ status: 'ENDED' }, { status: 'ACTIVE' }],
    });
    expect(byId.get(repair.id)).toMatchObject({ status: 'MAINTENANCE', currentLease: null });

    for (const [status, id] of [
      ['LEASED', let_.id],
      ['AVAILABLE', free.id],
      ['MAINTENANCE', repair.id],
    ]) {
      const res = await t.ok(UNITS, { filter: { buildingId: b.id, status } }, admin);
      expect(res.units.edges.map((e: any) => e.node.id)).toEqual([id]);
    }
    const page1 = await t.ok(
      UNITS,
      { filter: { buildingId: b.id, kind: 'OFFICE' }, first: 2 },
      admin,
    );
    const page2 = await t.ok(
      UNITS,
      { filter: { buildingId: b.id }, first: 2, after: page1.units.pageInfo.endCursor },
      admin,
    );
    const seen = [...page1.units.edges, ...page2.units.edges].map((e: any) => e.node.code);
    expect(seen).toEqual([let_.code, free.code, repair.code].sort());
    expect(page2.units.pageInfo.hasNextPage).toBe(false);

    const { unit: one } = await t.ok(
      `query($id: ID!) { unit(id: $id) { id status } }`,
      { id: let_.id },
      await t.tokenFor(Role.ANALYST),
    );
    expect(one).toEqual({ id: let_.id, status: 'LEASED' });
  });
});
