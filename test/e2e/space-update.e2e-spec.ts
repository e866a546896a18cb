import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

// updateBuilding and updateUnit: only the fields given change, each change audited with before
// and after, a refusal names its field and writes nothing.

let t: TestApp;
let admin: string;
let zoneId: string;

const tag = () => randomBytes(4).toString('hex');
const today = todayInShanghai();

const BUILDING = `id code name propertyFeePerSqm`;
const UNIT = `id code floor kind area monthlyRentPerSqm`;
const UPDATE_BUILDING = `mutation($input: UpdateBuildingInput!) { updateBuilding(input: $input) { ${BUILDING} } }`;
const UPDATE_UNIT = `mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { ${UNIT} } }`;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones WHERE kind = 'STARTUP'`);
});
afterAll(() => t?.close());

async function building(extra: Record<string, unknown> = {}) {
  const { createBuilding } = await t.ok(
    `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { ${BUILDING} } }`,
    { input: { zoneId, code: `B-${tag()}`, name: '创业大厦', ...extra } },
    admin,
  );
  return createBuilding;
}

async function unit(buildingId: string, code = `U-${tag()}`) {
  const { createUnit } = await t.ok(
    `mutation($input: CreateUnitInput!) { createUnit(input: $input) { ${UNIT} } }`,
    {
      input: {
        buildingId,
        code,
        floor: 3,
        kind: 'OFFICE',
        area: '100.00',
        monthlyRentPerSqm: '40',
      },
    },
    admin,
  );
  return createUnit;
}

async function firm(): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
     VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2024-01-10', 'RESIDENT') RETURNING id`,
    [`Team ${tag()}`, zoneId],
  );
  return id;
}

async function auditOf(entity: string, id: string) {
  const { auditEvents } = await t.ok(
    `query($entity: String, $id: String) { auditEvents(entity: $entity, entityId: $id, first: 10) {
      edges { node { operation before after } } } }`,
    { entity, id },
    admin,
  );
  return auditEvents.edges.map((e: any) => e.node);
}

const fieldsOf = (res: { errors?: any[] }) => ({
  code: res.errors?.[0]?.extensions.code,
  fields: res.errors?.[0]?.extensions.fields?.map((f: { field: string }) => f.field),
});

describe('propertyFeePerSqm on buildings', () => {
  it('is 0 when left out and kept exactly when given', async () => {
    expect((await building()).propertyFeePerSqm).toBe('0.00');
    expect((await building({ propertyFeePerSqm: '3.5' })).propertyFeePerSqm).toBe('3.50');
  });

  it('refuses a negative or over-precise fee naming the field', async () => {
    for (const fee of ['-1', '1.234', 'abc']) {
      const res = await t.gql(
        `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
        { input: { zoneId, code: `B-${tag()}`, name: 'x', propertyFeePerSqm: fee } },
        admin,
      );
      expect(fieldsOf(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['propertyFeePerSqm'] });
    }
  });
});

describe('updateBuilding', () => {
  it('changes only the fields given and audits before and after', async () => {
    const b = await building({ propertyFeePerSqm: '2.00' });
    const renamed = await t.ok(UPDATE_BUILDING, { input: { id: b.id, name: ' 孵化楼 ' } }, admin);
    expect(renamed.updateBuilding).toEqual({ ...b, name: '孵化楼' });
    const refeed = await t.ok(
      UPDATE_BUILDING,
      { input: { id: b.id, propertyFeePerSqm: '4.25' } },
      admin,
    );
    expect(refeed.updateBuilding).toEqual({ ...b, name: '孵化楼', propertyFeePerSqm: '4.25' });

    const [fee, name] = await auditOf('Building', b.id);
    expect(fee.operation).toBe('updateBuilding');
    expect(JSON.parse(fee.before).propertyFeePerSqm).toBe('2.00');
    expect(JSON.parse(fee.after).propertyFeePerSqm).toBe('4.25');
    expect(JSON.parse(name.before).name).toBe('创业大厦');
    expect(JSON.parse(name.after).name).toBe('孵化楼');
  });

  it('refuses by field and writes nothing', async () => {
    const b = await building();
    const events = await t.count('audit_events');
    for (const [input, field] of [
      [{ id: b.id, name: '   ' }, 'name'],
      [{ id: b.id, name: 'x'.repeat(201) }, 'name'],
      [{ id: b.id, propertyFeePerSqm: '-0.01' }, 'propertyFeePerSqm'],
      [{ id: 'nope' }, 'id'],
      [{ id: '00000000-0000-4000-8000-000000000000', name: 'x' }, 'id'],
    ] as const) {
      const res = await t.gql(UPDATE_BUILDING, { input }, admin);
      expect(fieldsOf(res)).toEqual({ code: 'BAD_USER_INPUT', fields: [field] });
    }
    const [row] = await t.dataSource.query(
      `SELECT name, property_fee_per_sqm::text AS fee FROM buildings WHERE id = $1`,
      [b.id],
    );
    expect(row).toEqual({ name: '创业大厦', fee: '0.00' });
    expect(await t.count('audit_events')).toBe(events);
  });

  it('is for SPACE_MANAGER and ADMIN only', async () => {
    const b = await building();
    const manager = await t.tokenFor(Role.SPACE_MANAGER);
    await t.ok(UPDATE_BUILDING, { input: { id: b.id, name: 'By the manager' } }, manager);
    for (const role of [Role.POLICY_OFFICER, Role.ANALYST, Role.SERVICE_DESK]) {
      const res = await t.gql(
        UPDATE_BUILDING,
        { input: { id: b.id, name: 'No' } },
        await t.tokenFor(role),
      );
      expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    const tenantToken = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: await firm() });
    const res = await t.gql(UPDATE_BUILDING, { input: { id: b.id, name: 'No' } }, tenantToken);
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const [row] = await t.dataSource.query(`SELECT name FROM buildings WHERE id = $1`, [b.id]);
    expect(row.name).toBe('By the manager');
  });
});

describe('updateUnit', () => {
  it('changes each field given, only that one, and audits before and after', async () => {
    const b = await building();
    let u = await unit(b.id);
    const steps: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ code: 'R-101' }, { code: 'R-101' }],
      [{ floor: -2 }, { floor: -2 }],
      [{ kind: 'LAB' }, { kind: 'LAB' }],
      [{ area: '120.5' }, { area: '120.50' }],
      [{ monthlyRentPerSqm: '45.5' }, { monthlyRentPerSqm: '45.50' }],
    ];
    for (const [input, expected] of steps) {
      const { updateUnit } = await t.ok(UPDATE_UNIT, { input: { id: u.id, ...input } }, admin);
      expect(updateUnit).toEqual({ ...u, ...expected });
      u = updateUnit;
    }
    const events = await auditOf('Unit', u.id);
    expect(events.map((e: any) => e.operation)).toEqual([
      ...steps.map(() => 'updateUnit'),
      'createUnit',
    ]);
    const rent = events[0];
    expect(JSON.parse(rent.before).monthlyRentPerSqm).toBe('40.00');
    expect(JSON.parse(rent.after).monthlyRentPerSqm).toBe('45.50');
  });

  it('lets existing leases keep their rent; a new rate applies to leases made afterwards', async () => {
    const u = await unit((await building()).id);
    const tenantId = await firm();
    const first = await t.ok(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id monthlyRent } }`,
      { input: { unitId: u.id, tenantId, startDate: '2020-01-01', endDate: '2020-12-31' } },
      admin,
    );
    expect(first.allocateUnit.monthlyRent).toBe('4000.00');
    await t.ok(UPDATE_UNIT, { input: { id: u.id, monthlyRentPerSqm: '50' } }, admin);
    const second = await t.ok(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id monthlyRent } }`,
      { input: { unitId: u.id, tenantId, startDate: '2021-01-01', endDate: '2021-12-31' } },
      admin,
    );
    expect(second.allocateUnit.monthlyRent).toBe('5000.00');
    const [kept] = await t.dataSource.query(
      `SELECT monthly_rent::text AS rent FROM leases WHERE id = $1`,
      [first.allocateUnit.id],
    );
    expect(kept.rent).toBe('4000.00');
  });

  it('refuses a new area while the unit is let today or later, and allows it once the lease is past', async () => {
    const u = await unit((await building()).id);
    const tenantId = await firm();
    await t.ok(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
      { input: { unitId: u.id, tenantId, startDate: '2020-01-01', endDate: '2020-12-31' } },
      admin,
    );
    // A lease that has ended does not hold the area.
    await t.ok(UPDATE_UNIT, { input: { id: u.id, area: '110' } }, admin);
    await t.ok(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
      { input: { unitId: u.id, tenantId, startDate: today, endDate: '2099-12-31' } },
      admin,
    );
    const events = await t.count('audit_events');
    const res = await t.gql(UPDATE_UNIT, { input: { id: u.id, area: '90', floor: 9 } }, admin);
    expect(fieldsOf(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['area'] });
    expect(res.errors?.[0]?.extensions.fields?.[0]?.message).toContain('2099-12-31');
    // The same area again is no change, and other fields still change.
    const same = await t.ok(UPDATE_UNIT, { input: { id: u.id, area: '110.00', floor: 9 } }, admin);
    expect(same.updateUnit).toMatchObject({ area: '110.00', floor: 9 });
    expect(await t.count('audit_events')).toBe(events + 1);
  });

  it('refuses by field and writes nothing', async () => {
    const b = await building();
    const taken = await unit(b.id);
    const u = await unit(b.id);
    const events = await t.count('audit_events');
    for (const [input, field] of [
      [{ code: 'has space' }, 'code'],
      [{ floor: 301 }, 'floor'],
      [{ floor: 1.5 }, 'floor'],
      [{ kind: 'CASTLE' }, 'kind'],
      [{ area: '0' }, 'area'],
      [{ area: '1.001' }, 'area'],
      [{ monthlyRentPerSqm: '-1' }, 'monthlyRentPerSqm'],
    ] as const) {
      const res = await t.gql(UPDATE_UNIT, { input: { id: u.id, ...input } }, admin);
      expect(res.errors?.length).toBe(1);
      // An enum or Int the schema rejects is a GraphQL validation error; the rest name the field.
      if (field !== 'kind' && !(field === 'floor' && input.floor === 1.5)) {
        expect(fieldsOf(res)).toEqual({ code: 'BAD_USER_INPUT', fields: [field] });
      }
    }
    const res = await t.gql(UPDATE_UNIT, { input: { id: u.id, code: taken.code } }, admin);
    expect(res.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toContain(taken.code);
    const missing = await t.gql(
      UPDATE_UNIT,
      { input: { id: '00000000-0000-4000-8000-000000000000', floor: 1 } },
      admin,
    );
    expect(fieldsOf(missing)).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
    const [row] = await t.dataSource.query(
      `SELECT code, floor, kind, area::text, monthly_rent_per_sqm::text AS rate FROM units WHERE id = $1`,
      [u.id],
    );
    expect(row).toEqual({ code: u.code, floor: 3, kind: 'OFFICE', area: '100.00', rate: '40.00' });
    expect(await t.count('audit_events')).toBe(events);
  });

  it('is for SPACE_MANAGER and ADMIN only', async () => {
    const u = await unit((await building()).id);
    const manager = await t.tokenFor(Role.SPACE_MANAGER);
    await t.ok(UPDATE_UNIT, { input: { id: u.id, floor: 7 } }, manager);
    const tenantToken = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: await firm() });
    for (const token of [await t.tokenFor(Role.POLICY_OFFICER), tenantToken]) {
      const res = await t.gql(UPDATE_UNIT, { input: { id: u.id, floor: 8 } }, token);
      expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    const [row] = await t.dataSource.query(`SELECT floor FROM units WHERE id = $1`, [u.id]);
    expect(row.floor).toBe(7);
  });
});
