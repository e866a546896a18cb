import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Tenant.incubation through /graphql (domain.md, Incubation): the stage on today, endsOn,
// monthsResident and youngAtEntry; TenantFilter.incubationStage by the same rule; the dashboard's
// dueToGraduate and overstaying on its day E; a park with INCUBATION_MONTHS of its own.

const creditCode = () =>
  withCheckChar('91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''));
const tag = () => randomBytes(4).toString('hex');

// Calendar arithmetic for the expectations, written out here rather than taken from the lib.
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function plusMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}
function plusDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const INCUBATION = 'incubation { stage endsOn monthsResident youngAtEntry }';
const REGISTER = `mutation($input: RegisterTenantInput!) {
  registerTenant(input: $input) { id enteredOn foundedOn status ${INCUBATION} } }`;
const TENANT = `query($id: ID!) { tenant(id: $id) { id status ${INCUBATION} } }`;
const DASHBOARD = `query($zoneId: ID!, $year: Int!, $asOf: Date) {
  zoneDashboard(zoneId: $zoneId, year: $year, asOf: $asOf) {
    asOf residentTenants dueToGraduate overstaying } }`;

interface Zones {
  startup: string;
  expansion: string;
}

async function zonesOf(app: TestApp): Promise<Zones> {
  const { zones } = await app.ok<{ zones: { id: string; code: string }[] }>(
    `{ zones { id code } }`,
    {},
    await app.adminToken(),
  );
  return {
    startup: zones.find((z) => z.code === 'STARTUP')!.id,
    expansion: zones.find((z) => z.code === 'EXPANSION')!.id,
  };
}

async function register(
  app: TestApp,
  zoneId: string,
  enteredOn: string,
  opts: { foundedOn?: string | null; exit?: { on: string; status: 'GRADUATED' | 'EXITED' } } = {},
): Promise<{ id: string; incubation: Record<string, unknown> }> {
  const admin = await app.adminToken();
  const { registerTenant } = await app.ok<{ registerTenant: any }>(
    REGISTER,
    {
      input: {
        name: `Firm ${tag()}`,
        kind: 'FIRM',
        creditCode: creditCode(),
        zoneId,
        industryChain: 'CARBON_MATERIALS',
        isTechFirm: true,
        enteredOn,
        foundedOn: opts.foundedOn ?? null,
      },
    },
    admin,
  );
  if (!opts.exit) return registerTenant;
  const { exitTenant } = await app.ok<{ exitTenant: any }>(
    `mutation($input: ExitTenantInput!) { exitTenant(input: $input) { id ${INCUBATION} } }`,
    { input: { tenantId: registerTenant.id, exitedOn: opts.exit.on, status: opts.exit.status } },
    admin,
  );
  return exitTenant;
}

const today = todayInShanghai();
/** enteredOn + months − 1 day. */
const endsOn = (enteredOn: string, months = 48) => plusDays(plusMonths(enteredOn, months), -1);

describe('with the default incubation period of 48 months', () => {
  let t: TestApp;
  let zones: Zones;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
    zones = await zonesOf(t);
    admin = await t.adminToken();
  });
  afterAll(() => t?.close());

  it('is INCUBATING a year in, DUE_TO_GRADUATE in the last 6 months, OVERSTAYING after', async () => {
    const yearIn = plusMonths(today, -12);
    expect((await register(t, zones.startup, yearIn)).incubation).toEqual({
      stage: 'INCUBATING',
      endsOn: endsOn(yearIn),
      monthsResident: 12,
      youngAtEntry: null,
    });
    const late = plusMonths(today, -44);
    expect((await register(t, zones.startup, late)).incubation).toEqual({
      stage: 'DUE_TO_GRADUATE',
      endsOn: endsOn(late),
      monthsResident: 44,
      youngAtEntry: null,
    });
    const long = plusMonths(today, -60);
    expect((await register(t, zones.startup, long)).incubation).toMatchObject({
      stage: 'OVERSTAYING',
      endsOn: endsOn(long),
      monthsResident: 60,
    });
  });

  it('is not overstaying on endsOn itself, and is from the day after', async () => {
    // Entered so that today is the period's last day.
    const lastDay = plusMonths(plusDays(today, 1), -48);
    const onEnd = await register(t, zones.startup, lastDay);
    expect(onEnd.incubation).toMatchObject({ stage: 'DUE_TO_GRADUATE', endsOn: today });
    const dayBefore = plusDays(lastDay, -1);
    const past = await register(t, zones.startup, dayBefore);
    expect(past.incubation).toMatchObject({ stage: 'OVERSTAYING', endsOn: endsOn(dayBefore) });
    expect(endsOn(dayBefore) < today).toBe(true);
  });

  it('is GRADUATED or EXITED by the status, counting the months up to the exit', async () => {
    const graduated = await register(t, zones.startup, '2020-01-01', {
      exit: { on: '2024-06-30', status: 'GRADUATED' },
    });
    expect(graduated.incubation).toEqual({
      stage: 'GRADUATED',
      endsOn: '2023-12-31',
      monthsResident: 53,
      youngAtEntry: null,
    });
    const exited = await register(t, zones.startup, '2024-01-31', {
      exit: { on: '2024-02-29', status: 'EXITED' },
    });
    // 31 January + 48 months is 31 January 2028; a month to the clamped 29 February.
    expect(exited.incubation).toEqual({
      stage: 'EXITED',
      endsOn: '2028-01-30',
      monthsResident: 1,
      youngAtEntry: null,
    });
    // The same when read again later.
    const { tenant } = await t.ok<{ tenant: any }>(TENANT, { id: exited.id }, admin);
    expect(tenant).toMatchObject({ status: 'EXITED', incubation: exited.incubation });
  });

  it('is youngAtEntry when founded at most 24 months before entry; null when unknown', async () => {
    const young = async (foundedOn: string | null) =>
      (await register(t, zones.startup, '2025-03-01', { foundedOn })).incubation.youngAtEntry;
    expect(await young('2023-03-01')).toBe(true);
    expect(await young('2023-02-28')).toBe(false);
    expect(await young('2025-03-01')).toBe(true);
    expect(await young(null)).toBeNull();
    // A correction of foundedOn shows at once.
    const firm = await register(t, zones.startup, '2025-03-01', { foundedOn: '2020-05-01' });
    expect(firm.incubation.youngAtEntry).toBe(false);
    const { updateTenant } = await t.ok<{ updateTenant: any }>(
      `mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { ${INCUBATION} } }`,
      { input: { id: firm.id, foundedOn: '2024-01-01' } },
      admin,
    );
    expect(updateTenant.incubation.youngAtEntry).toBe(true);
  });

  it('is read by whoever reads the firm’s profile: its own users, the committee', async () => {
    const firm = await register(t, zones.startup, plusMonths(today, -3), {
      foundedOn: plusMonths(today, -20),
    });
    for (const role of [Role.TENANT_REPORTER, Role.TENANT_ADMIN]) {
      const token = await t.tokenFor(role, { tenantId: firm.id });
      const { tenant } = await t.ok<{ tenant: any }>(TENANT, { id: firm.id }, token);
      expect(tenant.incubation).toEqual(firm.incubation);
    }
    const analyst = await t.tokenFor(Role.ANALYST);
    expect(
      (await t.ok<{ tenant: any }>(TENANT, { id: firm.id }, analyst)).tenant.incubation,
    ).toEqual({
      stage: 'INCUBATING',
      endsOn: endsOn(plusMonths(today, -3)),
      monthsResident: 3,
      youngAtEntry: true,
    });
  });

  it('costs no statement of its own on a page of firms', async () => {
    const page = (fields: string) => `{ tenants(first: 100) { edges { node { id ${fields} } } } }`;
    expect(await t.statements(page(INCUBATION), {}, admin)).toBe(
      await t.statements(page(''), {}, admin),
    );
  });

  it('filters the firms by the stage Tenant.incubation shows', async () => {
    const { tenants } = await t.ok<{ tenants: any }>(
      `{ tenants(first: 100) { totalCount edges { node { id incubation { stage } } } } }`,
      {},
      admin,
    );
    const byStage = new Map<string, string[]>();
    for (const { node } of tenants.edges) {
      byStage.set(node.incubation.stage, [...(byStage.get(node.incubation.stage) ?? []), node.id]);
    }
    for (const stage of ['INCUBATING', 'DUE_TO_GRADUATE', 'OVERSTAYING', 'GRADUATED', 'EXITED']) {
      expect(byStage.get(stage)?.length).toBeGreaterThan(0);
      const { tenants: filtered } = await t.ok<{ tenants: any }>(
        `query($s: IncubationStage) { tenants(first: 100, filter: { incubationStage: $s }) {
           totalCount edges { node { id incubation { stage } } } } }`,
        { s: stage },
        admin,
      );
      expect(filtered.edges.map((e: any) => e.node.id).sort()).toEqual(byStage.get(stage)!.sort());
      expect(filtered.totalCount).toBe(byStage.get(stage)!.length);
    }
    const refused = await t.gql(
      `{ tenants(filter: { incubationStage: SOMEDAY }) { totalCount } }`,
      {},
      admin,
    );
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(refused.data ?? null).toBeNull();
  });

  describe('the zone dashboard', () => {
    beforeAll(async () => {
      // Resident on 2025-06-30 unless said otherwise; endsOn in brackets.
      await register(t, zones.expansion, '2021-06-30'); // [2025-06-29] overstaying then
      await register(t, zones.expansion, '2021-07-01'); // [2025-06-30] due, its last day
      await register(t, zones.expansion, '2021-12-31'); // [2025-12-30] due, exactly 6 months
      await register(t, zones.expansion, '2022-01-01'); // [2025-12-31] incubating then
      await register(t, zones.expansion, '2020-01-01', {
        exit: { on: '2025-03-01', status: 'EXITED' }, // gone by then
      });
      await register(t, zones.expansion, '2019-01-01', {
        exit: { on: '2025-12-31', status: 'GRADUATED' }, // graduated since, overstaying then
      });
      await register(t, zones.expansion, '2025-07-15'); // not there yet
    });

    const dashboard = async (year: number, asOf?: string) =>
      (
        await t.ok<{ zoneDashboard: any }>(
          DASHBOARD,
          { zoneId: zones.expansion, year, asOf },
          admin,
        )
      ).zoneDashboard;

    it('counts the residents due to graduate and overstaying on the day', async () => {
      expect(await dashboard(2025, '2025-06-30')).toEqual({
        asOf: '2025-06-30',
        residentTenants: 5,
        dueToGraduate: 2,
        overstaying: 2,
      });
      // A day later the one on its last day overstays; the one entered 2022-01-01 is due.
      expect(await dashboard(2025, '2025-07-01')).toEqual({
        asOf: '2025-07-01',
        residentTenants: 5,
        dueToGraduate: 2,
        overstaying: 3,
      });
      // Before any of them entered: nothing to count.
      expect(await dashboard(2018, '2018-06-30')).toMatchObject({
        residentTenants: 0,
        dueToGraduate: 0,
        overstaying: 0,
      });
    });

    it('takes a past year on its 31 December', async () => {
      expect(await dashboard(2025)).toEqual({
        asOf: '2025-12-31',
        residentTenants: 6,
        dueToGraduate: 1,
        overstaying: 4,
      });
    });

    it('is the committee’s, as the rest of the dashboard', async () => {
      const firm = await register(t, zones.expansion, '2024-01-01');
      const res = await t.gql(
        DASHBOARD,
        { zoneId: zones.expansion, year: 2025 },
        await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id }),
      );
      expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      const analyst = await t.tokenFor(Role.ANALYST);
      const seen = await t.ok<{ zoneDashboard: any }>(
        DASHBOARD,
        { zoneId: zones.expansion, year: 2025, asOf: '2025-06-30' },
        analyst,
      );
      expect(seen.zoneDashboard).toMatchObject({ dueToGraduate: 2, overstaying: 2 });
    });
  });
});

describe('with INCUBATION_MONTHS=12', () => {
  let t: TestApp;
  let zones: Zones;

  beforeAll(async () => {
    t = await startTestApp({ INCUBATION_MONTHS: '12' });
    zones = await zonesOf(t);
  });
  afterAll(() => t?.close());

  it('ends the period 12 months after entry, in Tenant.incubation, the filter and the dashboard', async () => {
    const recent = plusMonths(today, -3);
    const due = plusMonths(today, -10);
    const over = plusMonths(today, -13);
    expect((await register(t, zones.startup, recent)).incubation).toMatchObject({
      stage: 'INCUBATING',
      endsOn: endsOn(recent, 12),
      monthsResident: 3,
    });
    // Within 48 months it would still be incubating.
    expect((await register(t, zones.startup, due)).incubation).toMatchObject({
      stage: 'DUE_TO_GRADUATE',
      endsOn: endsOn(due, 12),
    });
    const overstaying = await register(t, zones.startup, over);
    expect(overstaying.incubation).toMatchObject({
      stage: 'OVERSTAYING',
      endsOn: endsOn(over, 12),
      monthsResident: 13,
    });

    const admin = await t.adminToken();
    const { tenants } = await t.ok<{ tenants: any }>(
      `{ tenants(filter: { incubationStage: OVERSTAYING }) { edges { node { id } } } }`,
      {},
      admin,
    );
    expect(tenants.edges).toEqual([{ node: { id: overstaying.id } }]);

    const year = Number(today.slice(0, 4));
    const { zoneDashboard } = await t.ok<{ zoneDashboard: any }>(
      DASHBOARD,
      { zoneId: zones.startup, year, asOf: today },
      admin,
    );
    expect(zoneDashboard).toEqual({
      asOf: today,
      residentTenants: 3,
      dueToGraduate: 1,
      overstaying: 1,
    });
  });
});
