import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Space applications through /graphql: a firm applies for itself, the committee approves onto a
// unit (the lease is made in the same transaction) or rejects with a note; a firm sees only its
// own applications and leases.

let t: TestApp;
let admin: string;
let manager: string;
let zones: { startup: string; expansion: string };

const tag = () => randomBytes(4).toString('hex');
const creditCode = () =>
  withCheckChar('91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''));

const APPLY = `mutation($input: ApplyForSpaceInput!) {
  applyForSpace(input: $input) { id status unitKind area fromDate toDate purpose decisionNote
    tenant { id } zone { id } lease { id } } }`;
const APPROVE = `mutation($id: ID!, $unitId: ID!, $note: String) {
  approveSpaceApplication(id: $id, unitId: $unitId, note: $note) { id status decisionNote
    lease { id startDate endDate monthlyRent status unit { id } tenant { id } } } }`;
const REJECT = `mutation($id: ID!, $note: String!) {
  rejectSpaceApplication(id: $id, note: $note) { id status decisionNote lease { id } } }`;
const LIST = `query($status: SpaceApplicationStatus) {
  spaceApplications(status: $status) { id status tenant { id } } }`;

interface Firm {
  id: string;
  token: string;
}

async function firm(zoneId = zones.startup): Promise<Firm> {
  const { registerTenant } = await t.ok(
    `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
    {
      input: {
        name: `Firm ${tag()}`,
        kind: 'FIRM',
        creditCode: creditCode(),
        zoneId,
        industryChain: 'SOLID_WASTE',
        isTechFirm: true,
        enteredOn: '2025-02-01',
      },
    },
    admin,
  );
  const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: registerTenant.id });
  return { id: registerTenant.id, token };
}

async function unit(zoneId = zones.startup, area = '60.00', rate = '38.00') {
  const { createBuilding } = await t.ok(
    `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
    { input: { zoneId, code: `B-${tag()}`, name: '孵化楼' } },
    admin,
  );
  const { createUnit } = await t.ok(
    `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code } }`,
    {
      input: {
        buildingId: createBuilding.id,
        code: `U-${tag()}`,
        floor: 2,
        kind: 'LAB',
        area,
        monthlyRentPerSqm: rate,
      },
    },
    admin,
  );
  return createUnit as { id: string; code: string };
}

function applicationInput(tenantId: string, overrides: Record<string, unknown> = {}) {
  return {
    tenantId,
    zoneId: zones.startup,
    unitKind: 'LAB',
    area: '60',
    fromDate: '2026-01-01',
    toDate: '2026-12-31',
    purpose: '中试实验室 pilot lab for coal-based carbon fibre',
    ...overrides,
  };
}

async function apply(f: Firm, overrides: Record<string, unknown> = {}) {
  const { applyForSpace } = await t.ok(
    APPLY,
    { input: applicationInput(f.id, overrides) },
    f.token,
  );
  return applyForSpace as { id: string; status: string };
}

const counts = async () => ({
  applications: await t.count('space_applications'),
  leases: await t.count('leases'),
  audit: await t.count('audit_events'),
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  manager = await t.tokenFor(Role.SPACE_MANAGER);
  const { zones: list } = await t.ok(`{ zones { id code } }`, {}, admin);
  zones = {
    startup: list.find((z: { code: string }) => z.code === 'STARTUP').id,
    expansion: list.find((z: { code: string }) => z.code === 'EXPANSION').id,
  };
});
afterAll(() => t?.close());

describe('applyForSpace', () => {
  it('lets a firm apply for itself', async () => {
    const f = await firm();
    const { applyForSpace } = await t.ok(APPLY, { input: applicationInput(f.id) }, f.token);
    expect(applyForSpace).toMatchObject({
      status: 'SUBMITTED',
      unitKind: 'LAB',
      area: '60.00',
      fromDate: '2026-01-01',
      toDate: '2026-12-31',
      decisionNote: null,
      tenant: { id: f.id },
      zone: { id: zones.startup },
      lease: null,
    });
  });

  it('refuses applying for another firm, bad dates and areas, and the reporter, writing nothing', async () => {
    const f = await firm();
    const other = await firm();
    const reporter = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: f.id });
    const before = await counts();
    const forOther = await t.gql(APPLY, { input: applicationInput(other.id) }, f.token);
    expect(forOther.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const backwards = await t.gql(
      APPLY,
      { input: applicationInput(f.id, { fromDate: '2026-05-01', toDate: '2026-04-30' }) },
      f.token,
    );
    expect(backwards.errors?.[0].extensions.fields).toEqual([
      { field: 'toDate', message: 'must not be before fromDate (2026-05-01)' },
    ]);
    const noArea = await t.gql(APPLY, { input: applicationInput(f.id, { area: '0' }) }, f.token);
    expect(noArea.errors?.[0].extensions.fields).toContainEqual({
      field: 'area',
      message: 'area must be greater than 0',
    });
    const blank = await t.gql(APPLY, { input: applicationInput(f.id, { purpose: '  ' }) }, f.token);
    expect(blank.errors?.[0].extensions.fields?.[0].field).toBe('purpose');
    const byReporter = await t.gql(APPLY, { input: applicationInput(f.id) }, reporter);
    expect(byReporter.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('deciding applications', () => {
  it('approves onto a unit, making the lease for the dates applied for', async () => {
    const f = await firm();
    const u = await unit(zones.startup, '60.00', '38.25'); // 2295.00
    const a = await apply(f);
    const { approveSpaceApplication } = await t.ok(
      APPROVE,
      { id: a.id, unitId: u.id, note: '  二楼实验室 ' },
      manager,
    );
    expect(approveSpaceApplication).toMatchObject({
      id: a.id,
      status: 'APPROVED',
      decisionNote: '二楼实验室',
      lease: {
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        monthlyRent: '2295.00',
        unit: { id: u.id },
        tenant: { id: f.id },
      },
    });
    // The firm sees its application with the lease, and the lease on itself.
    const mine = await t.ok(
      `query($id: ID!) { spaceApplications { id status lease { id } } tenant(id: $id) { leases { id } } }`,
      { id: f.id },
      f.token,
    );
    const leaseId = approveSpaceApplication.lease.id;
    expect(mine.spaceApplications).toEqual([
      { id: a.id, status: 'APPROVED', lease: { id: leaseId } },
    ]);
    expect(mine.tenant.leases).toEqual([{ id: leaseId }]);

    const before = await counts();
    const again = await t.gql(APPROVE, { id: a.id, unitId: u.id }, manager);
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const rejectApproved = await t.gql(REJECT, { id: a.id, note: 'too late' }, manager);
    expect(rejectApproved.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('refuses approval onto a let unit the same way as allocateUnit, leaving it SUBMITTED', async () => {
    const f = await firm();
    const holder = await firm();
    const u = await unit();
    await t.ok(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
      {
        input: {
          unitId: u.id,
          tenantId: holder.id,
          startDate: '2025-06-01',
          endDate: '2026-01-01',
        },
      },
      admin,
    );
    const a = await apply(f);
    const before = await counts();
    const res = await t.gql(APPROVE, { id: a.id, unitId: u.id }, manager);
    expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(res.errors?.[0].message).toBe(
      `Unit ${u.code} is already let from 2025-06-01 to 2026-01-01`,
    );
    expect(await counts()).toEqual(before);
    const { spaceApplications } = await t.ok(LIST, { status: 'SUBMITTED' }, f.token);
    expect(spaceApplications).toEqual([{ id: a.id, status: 'SUBMITTED', tenant: { id: f.id } }]);
  });

  it('refuses a unit outside the zone applied for, an unknown unit and an unknown application', async () => {
    const f = await firm();
    const a = await apply(f);
    const elsewhere = await unit(zones.expansion);
    const before = await counts();
    const wrongZone = await t.gql(APPROVE, { id: a.id, unitId: elsewhere.id }, manager);
    expect(wrongZone.errors?.[0].extensions.fields).toEqual([
      { field: 'unitId', message: 'is not in the zone applied for' },
    ]);
    const nowhere = '00000000-0000-4000-8000-000000000000';
    const noUnit = await t.gql(APPROVE, { id: a.id, unitId: nowhere }, manager);
    expect(noUnit.errors?.[0].extensions.fields?.[0].field).toBe('unitId');
    const noApplication = await t.gql(APPROVE, { id: nowhere, unitId: elsewhere.id }, manager);
    expect(noApplication.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('rejects with a note, which is required', async () => {
    const f = await firm();
    const a = await apply(f);
    const before = await counts();
    const noNote = await t.gql(REJECT, { id: a.id, note: '   ' }, manager);
    expect(noNote.errors?.[0].extensions.fields?.[0].field).toBe('note');
    expect(await counts()).toEqual(before);
    const { rejectSpaceApplication } = await t.ok(
      REJECT,
      { id: a.id, note: 'No lab of that size is free in 2026' },
      admin,
    );
    expect(rejectSpaceApplication).toEqual({
      id: a.id,
      status: 'REJECTED',
      decisionNote: 'No lab of that size is free in 2026',
      lease: null,
    });
  });

  it('does not let a firm approve or reject, not even its own application', async () => {
    const f = await firm();
    const a = await apply(f);
    const u = await unit();
    const analystToken = await t.tokenFor(Role.ANALYST);
    const before = await counts();
    const approve = await t.gql(APPROVE, { id: a.id, unitId: u.id }, f.token);
    expect(approve.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const reject = await t.gql(REJECT, { id: a.id, note: 'changed our mind' }, f.token);
    expect(reject.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const analyst = await t.gql(APPROVE, { id: a.id, unitId: u.id }, analystToken);
    expect(analyst.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('what a firm sees', () => {
  it("never another firm's applications or leases", async () => {
    const mine = await firm();
    const theirs = await firm();
    const a = await apply(mine);
    const b = await apply(theirs, { fromDate: '2027-01-01', toDate: '2027-12-31' });
    const u = await unit();
    await t.ok(APPROVE, { id: b.id, unitId: u.id }, manager);
    const today = todayInShanghai();
    const current = await unit();
    await t.ok(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
      { input: { unitId: current.id, tenantId: theirs.id, startDate: today, endDate: today } },
      admin,
    );

    const own = await t.ok(LIST, {}, mine.token);
    expect(own.spaceApplications).toEqual([
      { id: a.id, status: 'SUBMITTED', tenant: { id: mine.id } },
    ]);
    const approvedOnly = await t.ok(LIST, { status: 'APPROVED' }, mine.token);
    expect(approvedOnly.spaceApplications).toEqual([]);

    const committee = await t.ok(LIST, {}, await t.tokenFor(Role.ANALYST));
    const ids = committee.spaceApplications.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));

    // Walking the park from the zone shows the units it could apply for, never other firms'
    // units or leases.
    const walk = await t.ok(
      `query($id: ID!) { zone(id: $id) { buildings { units { id status currentLease { id tenant { id } } leases { id tenant { id } } } } } }`,
      { id: zones.startup },
      mine.token,
    );
    const units = walk.zone.buildings.flatMap((x: any) => x.units);
    expect(units.find((x: any) => x.id === current.id)).toBeUndefined();
    expect(new Set(units.map((x: any) => x.status))).toEqual(new Set(['AVAILABLE']));
    expect(units.flatMap((x: any) => x.leases)).toEqual([]);

    const other = await t.gql(
      `query($id: ID!) { tenant(id: $id) { leases { id } } }`,
      { id: theirs.id },
      mine.token,
    );
    expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const unitsQuery = await t.ok(
      `query($z: ID) { units(first: 100, filter: { zoneId: $z }) { totalCount edges { node { id status } } } }`,
      { z: zones.startup },
      mine.token,
    );
    expect(unitsQuery.units.totalCount).toBe(units.length);
    expect(unitsQuery.units.edges.map((e: any) => e.node.id).sort()).toEqual(
      units.map((x: any) => x.id).sort(),
    );
  });
});
