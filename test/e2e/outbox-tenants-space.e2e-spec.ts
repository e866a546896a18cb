import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import {
  outboxOf as readOutbox,
  refuseWritesTo as refuseWrites,
  userIdOf,
} from '../support/outbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The register and the space tell other systems what changed, in the transaction of the
// change: tenant.registered and tenant.exited, lease.created (by allocateUnit or an approved
// application) and lease.ended (by endLease or a firm's exit); a decided space application
// notifies the firm's administrators. A change that is refused tells no one.

const REGISTER = `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id name } }`;
const EXIT = `mutation($input: ExitTenantInput!) { exitTenant(input: $input) { id } }`;
const ALLOCATE = `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`;
const END = `mutation($id: ID!, $endDate: Date!) { endLease(id: $id, endDate: $endDate) { id } }`;
const APPLY = `mutation($input: ApplyForSpaceInput!) { applyForSpace(input: $input) { id } }`;
const APPROVE = `mutation($id: ID!, $unitId: ID!, $note: String) {
  approveSpaceApplication(id: $id, unitId: $unitId, note: $note) { id status lease { id } } }`;
const REJECT = `mutation($id: ID!, $note: String!) {
  rejectSpaceApplication(id: $id, note: $note) { id status } }`;

const tag = () => randomBytes(4).toString('hex');
const creditCode = () =>
  withCheckChar('91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''));

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const today = todayInShanghai();

let t: TestApp;
let admin: string;
let endpointId: string;
let zones: { startup: string; expansion: string };

/** Runs `work` and returns what it added to the outbox, events in the order written. */
/** What `work` added to the outbox; events by type, data and deliveries. */
async function outboxOf(work: () => Promise<unknown>) {
  const { events, notifications } = await readOutbox(t, work);
  return {
    events: events.map(({ type, data, deliveries }) => ({ type, data, deliveries })),
    notifications,
  };
}

/** What a refused request must leave: nothing in the outbox. */
async function refused(
  work: () => Promise<{ errors?: { extensions: { code: string } }[] }>,
  code: string,
) {
  const added = await outboxOf(async () => {
    const res = await work();
    expect(res.errors?.[0].extensions.code).toBe(code);
  });
  expect(added).toEqual({ events: [], notifications: [] });
}

const refuseWritesTo = <T>(table: string, work: () => Promise<T>) => refuseWrites(t, table, work);

const typesAndData = (events: { type: string; data: Record<string, unknown> }[]) =>
  events.map(({ type, data }) => ({ type, data }));

async function register(zoneId = zones.startup, name = `Firm ${tag()}`) {
  const input = {
    name,
    kind: 'FIRM',
    creditCode: creditCode(),
    zoneId,
    industryChain: 'SOLID_WASTE',
    isTechFirm: true,
    enteredOn: '2025-02-01',
  };
  const { registerTenant } = await t.ok(REGISTER, { input }, admin);
  return { id: registerTenant.id as string, name, creditCode: input.creditCode };
}

async function unit(zoneId = zones.startup) {
  const { createBuilding } = await t.ok(
    `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
    { input: { zoneId, code: `B-${tag()}`, name: '孵化楼' } },
    admin,
  );
  const { createUnit } = await t.ok(
    `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`,
    {
      input: {
        buildingId: createBuilding.id,
        code: `U-${tag()}`,
        floor: 2,
        kind: 'LAB',
        area: '60.00',
        monthlyRentPerSqm: '38.00',
      },
    },
    admin,
  );
  return createUnit.id as string;
}

async function allocate(unitId: string, tenantId: string, startDate: string, endDate: string) {
  const { allocateUnit } = await t.ok(
    ALLOCATE,
    { input: { unitId, tenantId, startDate, endDate } },
    admin,
  );
  return allocateUnit.id as string;
}

const userId = (role: Role, tenantId: string | null) => userIdOf(t, role, tenantId);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const list: { id: string; code: string }[] = await t.dataSource.query(
    `SELECT id, code FROM zones`,
  );
  const zone = (code: string) => list.find((z) => z.code === code)!.id;
  zones = { startup: zone('STARTUP'), expansion: zone('EXPANSION') };
  [{ id: endpointId }] = await t.dataSource.query(
    `INSERT INTO webhook_endpoints (url, events, secret)
     VALUES ('https://erp.example/hooks/jcv', '{}', 'whsec_dGVzdA==') RETURNING id`,
  );
});
afterAll(() => t?.close());

describe('registerTenant', () => {
  it('emits tenant.registered with the firm, its code and its zone', async () => {
    const name = `科技 ${tag()}`;
    const code = creditCode();
    let id = '';
    const { events, notifications } = await outboxOf(async () => {
      const d = await t.ok(
        REGISTER,
        {
          input: {
            name: `  ${name} `,
            kind: 'FIRM',
            creditCode: code,
            zoneId: zones.expansion,
            industryChain: 'AI_PLUS',
            isTechFirm: true,
            enteredOn: '2025-05-01',
          },
        },
        admin,
      );
      id = d.registerTenant.id;
    });
    expect(events).toEqual([
      {
        type: 'tenant.registered',
        data: { tenantId: id, name, creditCode: code, zone: 'EXPANSION' },
        deliveries: [{ endpointId, status: 'PENDING' }],
      },
    ]);
    expect(notifications).toEqual([]);

    const team = await outboxOf(async () => {
      const d = await t.ok(
        REGISTER,
        {
          input: {
            name: `团队 ${tag()}`,
            kind: 'TEAM',
            zoneId: zones.startup,
            industryChain: 'AI_PLUS',
            isTechFirm: true,
            enteredOn: '2025-05-01',
          },
        },
        admin,
      );
      id = d.registerTenant.id;
    });
    expect(typesAndData(team.events)).toEqual([
      {
        type: 'tenant.registered',
        data: { tenantId: id, name: expect.any(String), creditCode: null, zone: 'STARTUP' },
      },
    ]);
  });

  it('tells no one of a refused registration', async () => {
    const taken = await register();
    const input = {
      name: `Firm ${tag()}`,
      kind: 'FIRM',
      zoneId: zones.startup,
      industryChain: 'SOLID_WASTE',
      isTechFirm: true,
      enteredOn: '2025-02-01',
    };
    await refused(() => t.gql(REGISTER, { input }, admin), 'BAD_USER_INPUT');
    await refused(
      () => t.gql(REGISTER, { input: { ...input, creditCode: taken.creditCode } }, admin),
      'CONFLICT',
    );
  });

  it('registers no firm when its event cannot be written: one transaction', async () => {
    const name = `Firm ${tag()}`;
    const input = {
      name,
      kind: 'TEAM',
      zoneId: zones.startup,
      industryChain: 'AI_PLUS',
      isTechFirm: true,
      enteredOn: '2025-02-01',
    };
    const added = await outboxOf(() =>
      refuseWritesTo('webhook_events', async () => {
        const res = await t.gql(REGISTER, { input }, admin);
        expect(res.errors?.length).toBe(1);
      }),
    );
    expect(added).toEqual({ events: [], notifications: [] });
    expect(await t.dataSource.query(`SELECT id FROM tenants WHERE name = $1`, [name])).toEqual([]);
  });
});

describe('leases', () => {
  it('emits lease.created for an allocation, and nothing for a refused one', async () => {
    const firm = await register();
    const unitId = await unit();
    let leaseId = '';
    const { events, notifications } = await outboxOf(async () => {
      leaseId = await allocate(unitId, firm.id, '2026-01-01', '2027-12-31');
    });
    expect(events).toEqual([
      {
        type: 'lease.created',
        data: {
          leaseId,
          tenantId: firm.id,
          unitId,
          startDate: '2026-01-01',
          endDate: '2027-12-31',
        },
        deliveries: [{ endpointId, status: 'PENDING' }],
      },
    ]);
    expect(notifications).toEqual([]);

    const input = { unitId, tenantId: firm.id, startDate: '2027-06-01', endDate: '2028-05-31' };
    await refused(() => t.gql(ALLOCATE, { input }, admin), 'CONFLICT');
    await refused(
      () => t.gql(ALLOCATE, { input: { ...input, startDate: '2029-01-01' } }, admin),
      'BAD_USER_INPUT',
    );
  });

  it('emits lease.ended when a lease is shortened or cancelled, and nothing when refused', async () => {
    const firm = await register();
    const unitId = await unit();
    const running = await allocate(unitId, firm.id, '2026-01-01', addDays(today, 200));
    const shortened = await outboxOf(() =>
      t.ok(END, { id: running, endDate: addDays(today, 30) }, admin),
    );
    expect(typesAndData(shortened.events)).toEqual([
      {
        type: 'lease.ended',
        data: {
          leaseId: running,
          tenantId: firm.id,
          unitId,
          endDate: addDays(today, 30),
          cancelled: false,
        },
      },
    ]);
    expect(shortened.notifications).toEqual([]);

    await refused(
      () => t.gql(END, { id: running, endDate: addDays(today, 300) }, admin),
      'BAD_USER_INPUT',
    );

    const start = addDays(today, 100);
    const future = await allocate(unitId, firm.id, start, addDays(today, 150));
    const cancelled = await outboxOf(() =>
      t.ok(END, { id: future, endDate: addDays(today, 90) }, admin),
    );
    expect(typesAndData(cancelled.events)).toEqual([
      {
        type: 'lease.ended',
        data: {
          leaseId: future,
          tenantId: firm.id,
          unitId,
          endDate: addDays(today, 150),
          cancelled: true,
        },
      },
    ]);
    await refused(() => t.gql(END, { id: future, endDate: start }, admin), 'CONFLICT');
  });
});

describe('exitTenant', () => {
  it('emits tenant.exited, and lease.ended for each lease the exit ends', async () => {
    const firm = await register();
    const [u1, u2, u3] = [await unit(), await unit(), await unit()];
    const past = await allocate(u1, firm.id, '2025-03-01', '2025-12-31');
    const running = await allocate(u2, firm.id, '2025-03-01', addDays(today, 300));
    const future = await allocate(u3, firm.id, addDays(today, 10), addDays(today, 400));
    const { events, notifications } = await outboxOf(() =>
      t.ok(EXIT, { input: { tenantId: firm.id, exitedOn: today, status: 'GRADUATED' } }, admin),
    );
    expect(typesAndData(events).sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      {
        type: 'lease.ended',
        data: expect.anything(),
      },
      {
        type: 'lease.ended',
        data: expect.anything(),
      },
      {
        type: 'tenant.exited',
        data: { tenantId: firm.id, name: firm.name, exitedOn: today, status: 'GRADUATED' },
      },
    ]);
    const ended = events.filter((e) => e.type === 'lease.ended').map((e) => e.data);
    expect(ended.sort((a, b) => String(a.unitId).localeCompare(String(b.unitId)))).toEqual(
      [
        { leaseId: running, tenantId: firm.id, unitId: u2, endDate: today, cancelled: false },
        {
          leaseId: future,
          tenantId: firm.id,
          unitId: u3,
          endDate: addDays(today, 400),
          cancelled: true,
        },
      ].sort((a, b) => a.unitId.localeCompare(b.unitId)),
    );
    expect(ended.map((e) => e.leaseId)).not.toContain(past);
    expect(notifications).toEqual([]);

    const again = { tenantId: firm.id, exitedOn: today, status: 'EXITED' };
    await refused(() => t.gql(EXIT, { input: again }, admin), 'CONFLICT');
    const other = await register();
    await refused(
      () => t.gql(EXIT, { input: { ...again, tenantId: other.id, exitedOn: '2024-12-31' } }, admin),
      'BAD_USER_INPUT',
    );
  });
});

describe('space applications', () => {
  let firm: { id: string; name: string };
  let rival: { id: string; name: string };
  let firmToken: string;
  let firmAdmin: string;

  beforeAll(async () => {
    firm = await register(zones.startup, `申请企业 ${tag()}`);
    rival = await register();
    firmToken = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id });
    await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm.id });
    await t.tokenFor(Role.TENANT_ADMIN, { tenantId: rival.id });
    await t.tokenFor(Role.SPACE_MANAGER);
    firmAdmin = await userId(Role.TENANT_ADMIN, firm.id);
  });

  async function apply(fromDate: string, toDate: string) {
    const input = {
      tenantId: firm.id,
      zoneId: zones.startup,
      unitKind: 'LAB',
      area: '60',
      fromDate,
      toDate,
      purpose: '中试实验室 pilot lab',
    };
    const { applyForSpace } = await t.ok(APPLY, { input }, firmToken);
    return applyForSpace.id as string;
  }

  it("notifies the firm's administrators of an approval, and emits the lease it makes", async () => {
    const id = await apply('2027-01-01', '2027-12-31');
    const unitId = await unit();
    let leaseId = '';
    const { events, notifications } = await outboxOf(async () => {
      const d = await t.ok(APPROVE, { id, unitId, note: '同意 approved' }, admin);
      leaseId = d.approveSpaceApplication.lease.id;
    });
    expect(typesAndData(events)).toEqual([
      {
        type: 'lease.created',
        data: {
          leaseId,
          tenantId: firm.id,
          unitId,
          startDate: '2027-01-01',
          endDate: '2027-12-31',
        },
      },
    ]);
    // The firm's administrator only: not its reporter, another firm or the committee.
    expect(notifications).toEqual([
      {
        userId: firmAdmin,
        kind: 'SPACE_APPLICATION_DECIDED',
        matter: id,
        params: { tenantName: firm.name, approved: true, note: '同意 approved' },
        link: '/space/applications',
      },
    ]);

    await refused(() => t.gql(APPROVE, { id, unitId }, admin), 'CONFLICT');
    await refused(() => t.gql(REJECT, { id, note: 'late' }, admin), 'CONFLICT');
  });

  it('tells no one of an approval onto a unit already let, and notifies once it is rejected', async () => {
    const id = await apply('2027-01-01', '2027-12-31');
    const unitId = await unit();
    await allocate(unitId, rival.id, '2027-06-01', '2028-05-31');
    await refused(() => t.gql(APPROVE, { id, unitId }, admin), 'CONFLICT');
    await refused(() => t.gql(REJECT, { id, note: '  ' }, admin), 'BAD_USER_INPUT');

    const { events, notifications } = await outboxOf(() =>
      t.ok(REJECT, { id, note: '该区暂无空置实验室 no lab free' }, admin),
    );
    expect(events).toEqual([]);
    expect(notifications).toEqual([
      {
        userId: firmAdmin,
        kind: 'SPACE_APPLICATION_DECIDED',
        matter: id,
        params: { tenantName: firm.name, approved: false, note: '该区暂无空置实验室 no lab free' },
        link: '/space/applications',
      },
    ]);
  });

  it('approves nothing when its notification cannot be written: one transaction', async () => {
    const id = await apply('2028-01-01', '2028-06-30');
    const unitId = await unit();
    const leases = await t.count('leases');
    const added = await outboxOf(() =>
      refuseWritesTo('notifications', async () => {
        const res = await t.gql(APPROVE, { id, unitId }, admin);
        expect(res.errors?.length).toBe(1);
      }),
    );
    // The lease.created event written before the notification went with the rollback.
    expect(added).toEqual({ events: [], notifications: [] });
    expect(await t.count('leases')).toBe(leases);
    const [row] = await t.dataSource.query(`SELECT status FROM space_applications WHERE id = $1`, [
      id,
    ]);
    expect(row.status).toBe('SUBMITTED');
  });

  it('notifies an approval without a note with a null note', async () => {
    const id = await apply('2029-01-01', '2029-06-30');
    const unitId = await unit();
    const { notifications } = await outboxOf(() => t.ok(APPROVE, { id, unitId }, admin));
    expect(notifications.map((n) => n.params)).toEqual([
      { tenantName: firm.name, approved: true, note: null },
    ]);
  });
});
