import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import { startTestApp, type TestApp } from '../support/test-app.js';

// updateTenant through /graphql: corrections of the given fields only, a TEAM incorporating as a
// FIRM, the refusals (each naming its field and writing nothing), the audit trail, and who may.

let t: TestApp;
let admin: string;
let zoneId: string;

const creditCode = () =>
  withCheckChar('91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''));
const tag = () => randomBytes(4).toString('hex');

const FIELDS =
  'id name kind creditCode industryChain isTechFirm enteredOn foundedOn status zone { id }';
const REGISTER = `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { ${FIELDS} } }`;

async function register(overrides: Record<string, unknown> = {}) {
  const input = {
    name: `Firm ${tag()}`,
    kind: 'FIRM',
    creditCode: creditCode(),
    zoneId,
    industryChain: 'AI_PLUS',
    isTechFirm: true,
    enteredOn: '2025-03-01',
    ...overrides,
  };
  const data = await t.ok<{ registerTenant: Record<string, any> }>(REGISTER, { input }, admin);
  return data.registerTenant;
}

const team = () => register({ kind: 'TEAM', creditCode: null, name: `Team ${tag()}` });

/** The tenant's row and the audit trail's size: what a refused correction must leave alone. */
async function footprint(id: string) {
  const [row] = await t.dataSource.query(`SELECT * FROM tenants WHERE id = $1`, [id]);
  return { row, audit: await t.count('audit_events') };
}

async function updateEvents(id: string): Promise<{ before: any; after: any }[]> {
  return t.dataSource.query(
    `SELECT before, after FROM audit_events
      WHERE entity = 'Tenant' AND entity_id = $1 AND operation = 'updateTenant' ORDER BY id`,
    [id],
  );
}

/** The fields a refusal names. */
async function refusal(input: Record<string, unknown>, token = admin) {
  const res = await t.gql(UPDATE, { input }, token);
  expect(res.data?.updateTenant ?? null).toBeNull();
  return res.errors?.[0];
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const { zones } = await t.ok<{ zones: { id: string; code: string }[] }>(
    `{ zones { id code } }`,
    {},
    admin,
  );
  zoneId = zones.find((z) => z.code === 'STARTUP')!.id;
});
afterAll(() => t?.close());

describe('updateTenant', () => {
  it('changes only the fields given', async () => {
    const firm = await register({ foundedOn: '2024-06-01' });
    const { updateTenant } = await t.ok<{ updateTenant: Record<string, any> }>(
      UPDATE,
      { input: { id: firm.id, name: '  吕梁碳材料科技有限公司 ' } },
      admin,
    );
    expect(updateTenant).toEqual({ ...firm, name: '吕梁碳材料科技有限公司' });

    const { updateTenant: again } = await t.ok<{ updateTenant: Record<string, any> }>(
      UPDATE,
      { input: { id: firm.id, industryChain: 'HYDROGEN', isTechFirm: false, foundedOn: null } },
      admin,
    );
    expect(again).toEqual({
      ...firm,
      name: '吕梁碳材料科技有限公司',
      industryChain: 'HYDROGEN',
      isTechFirm: false,
      foundedOn: null,
    });
  });

  it('incorporates a TEAM as a FIRM with its code; it keeps its entry date and zone', async () => {
    const t0 = await team();
    const code = creditCode();
    const { updateTenant } = await t.ok<{ updateTenant: Record<string, any> }>(
      UPDATE,
      { input: { id: t0.id, kind: 'FIRM', creditCode: ` ${code.toLowerCase()} ` } },
      admin,
    );
    expect(updateTenant).toEqual({ ...t0, kind: 'FIRM', creditCode: code });
    expect(updateTenant.enteredOn).toBe('2025-03-01');
  });

  it('records each change with before and after', async () => {
    const firm = await register();
    await t.ok(UPDATE, { input: { id: firm.id, name: 'Renamed firm' } }, admin);
    const events = await updateEvents(firm.id);
    expect(events).toHaveLength(1);
    expect(events[0].before).toMatchObject({ name: firm.name, creditCode: firm.creditCode });
    expect(events[0].after).toMatchObject({ name: 'Renamed firm', creditCode: firm.creditCode });
  });

  it('writes nothing when nothing changes', async () => {
    const firm = await register();
    const before = await footprint(firm.id);
    const { updateTenant } = await t.ok<{ updateTenant: Record<string, any> }>(
      UPDATE,
      { input: { id: firm.id, name: firm.name, kind: 'FIRM' } },
      admin,
    );
    expect(updateTenant).toEqual(firm);
    expect(await footprint(firm.id)).toEqual(before);
  });

  it('refuses kind FIRM without a code, and a code for a TEAM alone, naming creditCode', async () => {
    const t0 = await team();
    const before = await footprint(t0.id);
    for (const input of [
      { id: t0.id, kind: 'FIRM' },
      { id: t0.id, kind: 'FIRM', creditCode: null },
      { id: t0.id, creditCode: creditCode() },
    ]) {
      const err = await refusal(input);
      expect(err?.extensions.code).toBe('BAD_USER_INPUT');
      expect(err?.extensions.fields?.map((f: any) => f.field)).toEqual(['creditCode']);
    }
    expect(await footprint(t0.id)).toEqual(before);
  });

  it('refuses a FIRM becoming a TEAM, naming kind, and a FIRM losing its code', async () => {
    const firm = await register();
    const before = await footprint(firm.id);
    const toTeam = await refusal({ id: firm.id, kind: 'TEAM', creditCode: null });
    expect(toTeam?.extensions.fields).toEqual([
      { field: 'kind', message: 'a FIRM cannot become a TEAM' },
    ]);
    const noCode = await refusal({ id: firm.id, creditCode: null });
    expect(noCode?.extensions.fields).toEqual([
      { field: 'creditCode', message: 'is required for a FIRM' },
    ]);
    expect(await footprint(firm.id)).toEqual(before);
  });

  it('refuses a bad code, naming the part that is wrong', async () => {
    const t0 = await team();
    const good = creditCode();
    const before = await footprint(t0.id);
    const lastWrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: [string, RegExp][] = [
      [good.slice(0, 17), /18/],
      [lastWrong, /check/i],
      ['I' + good.slice(1), /^creditCode /],
    ];
    for (const [code, reason] of cases) {
      const err = await refusal({ id: t0.id, kind: 'FIRM', creditCode: code });
      expect(err?.extensions.code).toBe('BAD_USER_INPUT');
      const field = err?.extensions.fields?.find((f: any) => f.field === 'creditCode');
      expect(field?.message).toMatch(/^creditCode /);
      expect(field?.message).toMatch(reason);
    }
    expect(await footprint(t0.id)).toEqual(before);
  });

  it("refuses another firm's code as CONFLICT", async () => {
    const taken = await register();
    const t0 = await team();
    const before = await footprint(t0.id);
    const err = await refusal({ id: t0.id, kind: 'FIRM', creditCode: taken.creditCode });
    expect(err?.extensions.code).toBe('CONFLICT');
    expect(err?.message).toContain(taken.creditCode);
    expect(await footprint(t0.id)).toEqual(before);
  });

  it('refuses foundedOn after enteredOn or after today, and null for a required field', async () => {
    const firm = await register();
    const before = await footprint(firm.id);
    const today = todayInShanghai();
    const cases: [Record<string, unknown>, string][] = [
      [{ foundedOn: '2025-03-02' }, 'foundedOn'],
      [{ foundedOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }, 'foundedOn'],
      [{ name: null }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ isTechFirm: null }, 'isTechFirm'],
      [{ industryChain: null }, 'industryChain'],
      [{ kind: null }, 'kind'],
    ];
    for (const [input, field] of cases) {
      const err = await refusal({ id: firm.id, ...input });
      expect(err?.extensions.code).toBe('BAD_USER_INPUT');
      expect(err?.extensions.fields?.map((f: any) => f.field)).toEqual([field]);
    }
    expect(await footprint(firm.id)).toEqual(before);
  });

  it('takes foundedOn on the day of entry, and on registration', async () => {
    const firm = await register({ foundedOn: '2023-01-15' });
    expect(firm.foundedOn).toBe('2023-01-15');
    const { updateTenant } = await t.ok<{ updateTenant: Record<string, any> }>(
      UPDATE,
      { input: { id: firm.id, foundedOn: '2025-03-01' } },
      admin,
    );
    expect(updateTenant.foundedOn).toBe('2025-03-01');
    const late = await t.gql(
      REGISTER,
      {
        input: {
          name: 'Late founder',
          kind: 'TEAM',
          zoneId,
          industryChain: 'OTHER',
          isTechFirm: false,
          enteredOn: '2025-01-01',
          foundedOn: '2025-01-02',
        },
      },
      admin,
    );
    expect(late.errors?.[0].extensions.fields?.map((f: any) => f.field)).toEqual(['foundedOn']);
  });

  it('has no enteredOn or zone to edit, and refuses an unknown tenant naming id', async () => {
    const firm = await register();
    const before = await footprint(firm.id);
    for (const extra of [{ enteredOn: '2024-01-01' }, { zoneId }]) {
      const res = await t.gql(UPDATE, { input: { id: firm.id, ...extra } }, admin);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain(Object.keys(extra)[0]);
    }
    const unknown = await refusal({ id: '00000000-0000-4000-8000-000000000000', name: 'x' });
    expect(unknown?.extensions.fields?.map((f: any) => f.field)).toEqual(['id']);
    expect(await footprint(firm.id)).toEqual(before);
  });

  it("is for ADMIN only: a firm's own users and the other committee roles are FORBIDDEN", async () => {
    const firm = await register();
    // Making the users and signing them in is audited too: the footprint is taken after.
    const tokens = [
      await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id }),
      await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm.id }),
      await t.tokenFor(Role.SPACE_MANAGER),
      await t.tokenFor(Role.ANALYST),
    ];
    const before = await footprint(firm.id);
    for (const token of tokens) {
      const err = await refusal({ id: firm.id, name: 'Taken over' }, token);
      expect(err?.extensions.code).toBe('FORBIDDEN');
    }
    expect(await footprint(firm.id)).toEqual(before);
  });
});
