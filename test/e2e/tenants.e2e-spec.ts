import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Tenants through /graphql: registration and the credit code, certifications, exits, projects,
// the list and who may read what, and the SQL cost of a page of tenants with leases and units.

let t: TestApp;
let admin: string;
let zones: { startup: string; expansion: string };

const creditCode = () =>
  withCheckChar('91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''));
const tag = () => randomBytes(4).toString('hex');

const REGISTER = `mutation($input: RegisterTenantInput!) {
  registerTenant(input: $input) { id name kind creditCode status enteredOn exitedOn zone { id code } } }`;

async function register(overrides: Record<string, unknown> = {}) {
  const input = {
    name: `Firm ${tag()}`,
    kind: 'FIRM',
    creditCode: creditCode(),
    zoneId: zones.startup,
    industryChain: 'AI_PLUS',
    isTechFirm: true,
    enteredOn: '2025-03-01',
    ...overrides,
  };
  const data = await t.ok<{ registerTenant: Record<string, any> }>(REGISTER, { input }, admin);
  return data.registerTenant;
}

/** Rows of the tables a refused mutation must leave alone. */
const counts = async () => ({
  tenants: await t.count('tenants'),
  certifications: await t.count('certifications'),
  projects: await t.count('industrialization_projects'),
  audit: await t.count('audit_events'),
});

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  admin = await t.adminToken();
  const { zones: list } = await t.ok<{ zones: { id: string; code: string }[] }>(
    `{ zones { id code } }`,
    {},
    admin,
  );
  zones = {
    startup: list.find((z) => z.code === 'STARTUP')!.id,
    expansion: list.find((z) => z.code === 'EXPANSION')!.id,
  };
});
afterAll(() => t?.close());

describe('registerTenant', () => {
  it('registers a firm with its credit code and a team without one', async () => {
    const code = creditCode();
    const firm = await register({ creditCode: code, name: '  吕梁氢能科技有限公司 ' });
    expect(firm).toMatchObject({
      name: '吕梁氢能科技有限公司',
      kind: 'FIRM',
      creditCode: code,
      status: 'RESIDENT',
      enteredOn: '2025-03-01',
      exitedOn: null,
      zone: { id: zones.startup, code: 'STARTUP' },
    });
    const team = await register({ kind: 'TEAM', creditCode: null, name: 'Carbon team' });
    expect(team).toMatchObject({ kind: 'TEAM', creditCode: null });
  });

  it('accepts the published valid codes, spaces and lower case normalised', async () => {
    const firm = await register({ creditCode: ' 91110000600037341l ' });
    expect(firm.creditCode).toBe('91110000600037341L');
  });

  it.each([
    ['a wrong check character', '91350100M000100Y44', /check character/],
    ['a letter outside the charset', '91350100I000100Y43', /may only use/],
    ['a wrong length', '91350100M000100Y4', /18 characters/],
    // Its check character is right: the registration authority 0 is what is wrong.
    ['the all-zero code', '000000000000000000', /first character: the registration authority/],
    ['a kind the authority does not register', '97141100MA0AHU829Q', /second character/],
    ['a division outside every province', '91991100MA0AHU829M', /characters 3-8/],
  ])('refuses %s naming creditCode, writing nothing', async (_, code, reason) => {
    const before = await counts();
    const res = await t.gql(
      REGISTER,
      {
        input: {
          name: 'Bad code',
          kind: 'FIRM',
          creditCode: code,
          zoneId: zones.startup,
          industryChain: 'HYDROGEN',
          isTechFirm: true,
          enteredOn: '2025-01-01',
        },
      },
      admin,
    );
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const field = res.errors?.[0].extensions.fields?.find((f) => f.field === 'creditCode');
    expect(field?.message).toMatch(/^creditCode /);
    expect(field?.message).toMatch(reason);
    expect(await counts()).toEqual(before);
  });

  it('requires a code for a FIRM and refuses one for a TEAM', async () => {
    const before = await counts();
    const noCode = await t.gql(
      REGISTER,
      {
        input: {
          name: 'No code',
          kind: 'FIRM',
          zoneId: zones.startup,
          industryChain: 'OTHER',
          isTechFirm: false,
          enteredOn: '2025-01-01',
        },
      },
      admin,
    );
    expect(noCode.errors?.[0].extensions.fields).toEqual([
      { field: 'creditCode', message: 'is required for a FIRM' },
    ]);
    const teamWithCode = await t.gql(
      REGISTER,
      {
        input: {
          name: 'Team',
          kind: 'TEAM',
          creditCode: creditCode(),
          zoneId: zones.startup,
          industryChain: 'OTHER',
          isTechFirm: false,
          enteredOn: '2025-01-01',
        },
      },
      admin,
    );
    expect(teamWithCode.errors?.[0].extensions.fields?.[0].field).toBe('creditCode');
    expect(await counts()).toEqual(before);
  });

  it('refuses a second firm with the same code as CONFLICT', async () => {
    const code = creditCode();
    await register({ creditCode: code });
    const before = await counts();
    const res = await t.gql(
      REGISTER,
      {
        input: {
          name: 'Copycat',
          kind: 'FIRM',
          creditCode: code,
          zoneId: zones.startup,
          industryChain: 'AI_PLUS',
          isTechFirm: true,
          enteredOn: '2025-01-01',
        },
      },
      admin,
    );
    expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(res.errors?.[0].message).toContain(code);
    expect(await counts()).toEqual(before);
  });

  it('refuses an empty or too long name, an unreal date and an unknown zone', async () => {
    const base = {
      kind: 'TEAM',
      zoneId: zones.startup,
      industryChain: 'OTHER',
      isTechFirm: false,
      enteredOn: '2025-01-01',
    };
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, name: '' }, 'name'],
      [{ ...base, name: 'x'.repeat(201) }, 'name'],
      [{ ...base, name: 'Feb 30', enteredOn: '2025-02-30' }, 'enteredOn'],
      [{ ...base, name: 'Nowhere', zoneId: '00000000-0000-4000-8000-000000000000' }, 'zoneId'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(REGISTER, { input }, admin);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields?.map((f) => f.field)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('is for ADMIN only', async () => {
    for (const role of [Role.SPACE_MANAGER, Role.ANALYST]) {
      const res = await t.gql(
        REGISTER,
        {
          input: {
            name: 'x',
            kind: 'TEAM',
            zoneId: zones.startup,
            industryChain: 'OTHER',
            isTechFirm: false,
            enteredOn: '2025-01-01',
          },
        },
        await t.tokenFor(role),
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('certifications, exits and projects', () => {
  const ADD = `mutation($input: AddCertificationInput!) {
    addCertification(input: $input) { id kind certificateNo issuedOn expiresOn } }`;
  const EXIT = `mutation($input: ExitTenantInput!) {
    exitTenant(input: $input) { id status exitedOn } }`;

  it('adds certifications and shows them on the tenant', async () => {
    const firm = await register();
    const no = `GR2025${tag()}`;
    const { addCertification } = await t.ok(
      ADD,
      {
        input: {
          tenantId: firm.id,
          kind: 'HIGH_TECH',
          certificateNo: no,
          issuedOn: '2025-10-01',
          expiresOn: '2028-09-30',
        },
      },
      admin,
    );
    expect(addCertification).toMatchObject({ kind: 'HIGH_TECH', expiresOn: '2028-09-30' });
    await t.ok(
      ADD,
      { input: { tenantId: firm.id, kind: 'TECH_SME', certificateNo: no, issuedOn: '2025-04-01' } },
      admin,
    );
    const { tenant } = await t.ok(
      `query($id: ID!) { tenant(id: $id) { certifications { kind issuedOn expiresOn } } }`,
      { id: firm.id },
      admin,
    );
    expect(tenant.certifications).toEqual([
      { kind: 'TECH_SME', issuedOn: '2025-04-01', expiresOn: null },
      { kind: 'HIGH_TECH', issuedOn: '2025-10-01', expiresOn: '2028-09-30' },
    ]);
  });

  it('refuses expiry before issue, a duplicate certificate and an unknown tenant', async () => {
    const firm = await register();
    const no = `SRDI-${tag()}`;
    await t.ok(
      ADD,
      { input: { tenantId: firm.id, kind: 'SRDI', certificateNo: no, issuedOn: '2026-01-05' } },
      admin,
    );
    const before = await counts();
    const early = await t.gql(
      ADD,
      {
        input: {
          tenantId: firm.id,
          kind: 'SRDI',
          certificateNo: `other-${tag()}`,
          issuedOn: '2026-01-05',
          expiresOn: '2026-01-04',
        },
      },
      admin,
    );
    expect(early.errors?.[0].extensions.fields?.[0].field).toBe('expiresOn');
    const dup = await t.gql(
      ADD,
      { input: { tenantId: firm.id, kind: 'SRDI', certificateNo: no, issuedOn: '2026-02-01' } },
      admin,
    );
    expect(dup.errors?.[0].extensions.code).toBe('CONFLICT');
    const unknown = await t.gql(
      ADD,
      {
        input: {
          tenantId: '00000000-0000-4000-8000-000000000000',
          kind: 'SRDI',
          certificateNo: `x-${tag()}`,
          issuedOn: '2026-02-01',
        },
      },
      admin,
    );
    expect(unknown.errors?.[0].extensions.fields?.[0].field).toBe('tenantId');
    expect(await counts()).toEqual(before);
  });

  it('records an exit: not before entry, not RESIDENT, not twice; the firm keeps its history', async () => {
    const firm = await register({ enteredOn: '2024-06-01' });
    await t.ok(
      ADD,
      {
        input: {
          tenantId: firm.id,
          kind: 'TECH_SME',
          certificateNo: `TS-${tag()}`,
          issuedOn: '2024-09-01',
        },
      },
      admin,
    );
    const before = await counts();
    const early = await t.gql(
      EXIT,
      { input: { tenantId: firm.id, exitedOn: '2024-05-31', status: 'EXITED' } },
      admin,
    );
    expect(early.errors?.[0].extensions.fields?.[0].field).toBe('exitedOn');
    const resident = await t.gql(
      EXIT,
      { input: { tenantId: firm.id, exitedOn: '2025-05-31', status: 'RESIDENT' } },
      admin,
    );
    expect(resident.errors?.[0].extensions.fields?.[0].field).toBe('status');
    expect(await counts()).toEqual(before);

    const { exitTenant } = await t.ok(
      EXIT,
      { input: { tenantId: firm.id, exitedOn: '2024-06-01', status: 'GRADUATED' } },
      admin,
    );
    expect(exitTenant).toMatchObject({ status: 'GRADUATED', exitedOn: '2024-06-01' });
    const again = await t.gql(
      EXIT,
      { input: { tenantId: firm.id, exitedOn: '2025-01-01', status: 'EXITED' } },
      admin,
    );
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const { tenant } = await t.ok(
      `query($id: ID!) { tenant(id: $id) { status certifications { kind } } }`,
      { id: firm.id },
      admin,
    );
    expect(tenant).toEqual({ status: 'GRADUATED', certifications: [{ kind: 'TECH_SME' }] });
  });

  it('records industrialisation projects in the firm zone and lists them by year', async () => {
    const firm = await register({ zoneId: zones.expansion, industryChain: 'SPECIAL_STEEL' });
    const RECORD = `mutation($input: RecordProjectInput!) {
      recordIndustrializationProject(input: $input) { id name stage cultivatedOn zone { code } tenant { id } } }`;
    const name = `Pilot line ${tag()}`;
    const { recordIndustrializationProject: p } = await t.ok(
      RECORD,
      { input: { tenantId: firm.id, name, stage: 'PILOT', cultivatedOn: '2026-04-10' } },
      admin,
    );
    expect(p).toMatchObject({
      name,
      stage: 'PILOT',
      cultivatedOn: '2026-04-10',
      zone: { code: 'EXPANSION' },
      tenant: { id: firm.id },
    });
    await t.ok(
      RECORD,
      { input: { tenantId: firm.id, name: `Later ${tag()}`, stage: 'INCUBATING' } },
      admin,
    );
    const q = `query($y: Int) { industrializationProjects(year: $y) { name cultivatedOn } }`;
    const in2026 = (await t.ok(q, { y: 2026 }, admin)).industrializationProjects;
    expect(in2026.map((x: { name: string }) => x.name)).toContain(name);
    expect(in2026.every((x: { cultivatedOn: string }) => x.cultivatedOn.startsWith('2026'))).toBe(
      true,
    );
    const in2025 = (await t.ok(q, { y: 2025 }, admin)).industrializationProjects;
    expect(in2025.map((x: { name: string }) => x.name)).not.toContain(name);

    const forbidden = await t.gql(
      RECORD,
      { input: { tenantId: firm.id, name: 'x', stage: 'PILOT' } },
      await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id }),
    );
    expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('reading tenants', () => {
  const LIST = `query($filter: TenantFilter, $first: Int, $after: String) {
    tenants(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`;

  it('pages by name with a total, and filters', async () => {
    const prefix = `Page ${tag()}`;
    for (const [i, chain] of [
      'HYDROGEN',
      'SOLID_WASTE',
      'HYDROGEN',
      'HYDROGEN',
      'OTHER',
    ].entries()) {
      await register({
        name: `${prefix} ${i}`,
        industryChain: chain,
        zoneId: zones.expansion,
        enteredOn: i < 2 ? '2024-05-05' : '2026-02-02',
      });
    }
    const filter = { nameContains: prefix.toLowerCase() };
    const first = await t.ok(LIST, { filter, first: 2 }, admin);
    expect(first.tenants.totalCount).toBe(5);
    expect(first.tenants.edges.map((e: any) => e.node.name)).toEqual([
      `${prefix} 0`,
      `${prefix} 1`,
    ]);
    expect(first.tenants.pageInfo.hasNextPage).toBe(true);
    const second = await t.ok(
      LIST,
      { filter, first: 2, after: first.tenants.pageInfo.endCursor },
      admin,
    );
    expect(second.tenants.edges.map((e: any) => e.node.name)).toEqual([
      `${prefix} 2`,
      `${prefix} 3`,
    ]);
    const last = await t.ok(
      LIST,
      { filter, first: 2, after: second.tenants.pageInfo.endCursor },
      admin,
    );
    expect(last.tenants.edges.map((e: any) => e.node.name)).toEqual([`${prefix} 4`]);
    expect(last.tenants.pageInfo.hasNextPage).toBe(false);

    const hydrogen2026 = await t.ok(
      LIST,
      {
        filter: {
          ...filter,
          industryChain: 'HYDROGEN',
          enteredInYear: 2026,
          zoneId: zones.expansion,
          status: 'RESIDENT',
        },
      },
      admin,
    );
    expect(hydrogen2026.tenants.totalCount).toBe(2);
    const none = await t.ok(LIST, { filter: { ...filter, zoneId: zones.startup } }, admin);
    expect(none.tenants.totalCount).toBe(0);
    // LIKE's wildcards are plain characters in nameContains.
    const wildcard = await t.ok(LIST, { filter: { nameContains: '%' } }, admin);
    expect(wildcard.tenants.totalCount).toBe(0);
  });

  it('refuses a page larger than 100', async () => {
    const res = await t.gql(LIST, { first: 101 }, admin);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("gives a firm's users their own firm only; another firm's id is FORBIDDEN", async () => {
    const mine = await register();
    const other = await register();
    for (const role of [Role.TENANT_ADMIN, Role.TENANT_REPORTER]) {
      const token = await t.tokenFor(role, { tenantId: mine.id });
      const list = await t.ok(LIST, { first: 100 }, token);
      expect(list.tenants.totalCount).toBe(1);
      expect(list.tenants.edges.map((e: any) => e.node.id)).toEqual([mine.id]);
      const own = await t.ok(`query($id: ID!) { tenant(id: $id) { id } }`, { id: mine.id }, token);
      expect(own.tenant.id).toBe(mine.id);
      const res = await t.gql(
        `query($id: ID!) { tenant(id: $id) { id } }`,
        { id: other.id },
        token,
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(res.data?.tenant ?? null).toBeNull();
      const me = await t.ok(`{ me { role tenant { id name } } }`, {}, token);
      expect(me.me).toEqual({ role, tenant: { id: mine.id, name: mine.name } });
    }
  });

  it('lets every committee role read all, and answers null for an unknown id', async () => {
    const firm = await register();
    for (const role of [Role.SPACE_MANAGER, Role.POLICY_OFFICER, Role.SERVICE_DESK, Role.ANALYST]) {
      const token = await t.tokenFor(role);
      const data = await t.ok(
        `query($id: ID!, $none: ID!) { tenant(id: $id) { id } missing: tenant(id: $none) { id }
           notAnId: tenant(id: "42") { id } tenants { totalCount } }`,
        { id: firm.id, none: '00000000-0000-4000-8000-000000000000' },
        token,
      );
      expect(data.tenant.id).toBe(firm.id);
      expect(data.missing).toBeNull();
      expect(data.notAnId).toBeNull();
      expect(data.tenants.totalCount).toBeGreaterThan(1);
    }
  });
});

describe('a page of tenants with their leases and units', () => {
  const PAGE = `query($filter: TenantFilter, $first: Int) {
    tenants(filter: $filter, first: $first) { totalCount edges { node {
      id name zone { code } certifications { kind }
      leases { startDate endDate status monthlyRent unit { code status building { code zone { code } } } }
    } } } }`;

  /**
   * n firms, each with a certificate and two leases of units of its own, written in bulk: the
   * rules for writing them are tested above, here only reading is measured.
   */
  async function firmsWithLeases(n: number, prefix: string) {
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    const [building] = await q(
      `INSERT INTO buildings (zone_id, code, name) VALUES ($1, $2, $3) RETURNING id`,
      [zones.startup, `B${tag()}`, prefix],
    );
    const firms = await q(
      `INSERT INTO tenants (name, kind, credit_code, zone_id, industry_chain, is_tech_firm, entered_on)
       SELECT $1 || ' ' || lpad(i::text, 3, '0'), 'FIRM', code, $2, 'AI_PLUS', true, '2024-01-01'
         FROM unnest($3::text[]) WITH ORDINALITY AS c(code, i)
       RETURNING id, name`,
      [prefix, zones.startup, Array.from({ length: n }, creditCode)],
    );
    await q(
      `INSERT INTO certifications (tenant_id, kind, certificate_no, issued_on)
       SELECT id, 'TECH_SME', $2 || id, '2025-05-01' FROM unnest($1::uuid[]) AS f(id)`,
      [firms.map((f: { id: string }) => f.id), prefix],
    );
    await q(
      `WITH u AS (
         INSERT INTO units (building_id, code, floor, kind, area, monthly_rent_per_sqm)
         SELECT $1, 'U' || f.i || '-' || j, 1 + j, 'OFFICE', 80, 35.50
           FROM unnest($2::uuid[]) WITH ORDINALITY AS f(id, i), generate_series(0, 1) AS j
         RETURNING id, code)
       INSERT INTO leases (unit_id, tenant_id, start_date, end_date, monthly_rent)
       SELECT u.id, f.id,
              CASE WHEN u.code LIKE '%-0' THEN DATE '2024-01-01' ELSE DATE '2025-04-01' END,
              CASE WHEN u.code LIKE '%-0' THEN DATE '2025-03-31' ELSE DATE '2027-03-31' END,
              2840.00
         FROM u JOIN unnest($2::uuid[]) WITH ORDINALITY AS f(id, i)
           ON u.code LIKE 'U' || f.i || '-%'`,
      [building.id, firms.map((f: { id: string }) => f.id)],
    );
  }

  it('costs the same number of SQL statements for 10 firms as for 50', async () => {
    const small = `Small ${tag()}`;
    const large = `Large ${tag()}`;
    await firmsWithLeases(10, small);
    await firmsWithLeases(50, large);

    const page10 = await t.ok(PAGE, { filter: { nameContains: small }, first: 50 }, admin);
    const page50 = await t.ok(PAGE, { filter: { nameContains: large }, first: 50 }, admin);
    expect(page10.tenants.edges).toHaveLength(10);
    expect(page50.tenants.edges).toHaveLength(50);
    const one = page50.tenants.edges[0].node;
    expect(one.certifications).toEqual([{ kind: 'TECH_SME' }]);
    expect(one.leases).toHaveLength(2);
    expect(one.leases[0]).toMatchObject({ monthlyRent: '2840.00', unit: { code: 'U1-0' } });

    const n10 = await t.statements(PAGE, { filter: { nameContains: small }, first: 50 }, admin);
    const n50 = await t.statements(PAGE, { filter: { nameContains: large }, first: 50 }, admin);
    console.log(
      `SQL statements for a page of tenants with leases and units: 10 → ${n10}, 50 → ${n50}`,
    );
    expect(n50).toBe(n10);
    // the caller's account, count, page, zones, certifications, leases, units, leases on today
    // (unit status), buildings: one each.
    expect(n50).toBeLessThanOrEqual(9);
  });
});
