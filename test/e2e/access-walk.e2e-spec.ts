import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isObjectType,
} from 'graphql';
import {
  ALL_ROLES,
  AUDIENCES,
  COMMITTEE_ROLES,
  fieldReaders,
  policyEntries,
  reachOf,
  Role,
} from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The access policy is one table: who reads each field of each type, and which rows. The walk
// reads the live schema, so a type or field added without a rule fails here, as an operation
// without @Roles is refused; then each role is asked for what the table gives and refuses it.

let t: TestApp;
let schema: GraphQLSchema;

const objectTypes = (): GraphQLObjectType[] =>
  Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) &&
      !type.name.startsWith('__') &&
      type !== schema.getQueryType() &&
      type !== schema.getMutationType(),
  );

const codeOf = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code;

beforeAll(async () => {
  t = await startTestApp();
  schema = t.app.get(GraphQLSchemaHost).schema;
});
afterAll(() => t?.close());

describe('the policy covers the schema', () => {
  it('every field of every object type has a rule, for every role', () => {
    const missing: string[] = [];
    for (const type of objectTypes()) {
      for (const field of Object.keys(type.getFields())) {
        if (!fieldReaders(type.name, field)) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
    // Whoever reads a field of a type reaches rows of that type, or the rule could never apply.
    const unreachable: string[] = [];
    for (const type of objectTypes()) {
      for (const field of Object.keys(type.getFields())) {
        for (const audience of fieldReaders(type.name, field)!) {
          if (!reachOf(type.name, audience)) unreachable.push(`${type.name}.${field}/${audience}`);
        }
      }
    }
    expect(unreachable).toEqual([]);
  });

  it('names only types, fields and edges the schema has', () => {
    const unknown: string[] = [];
    const fieldOf = (path: string): GraphQLField<unknown, unknown> | undefined => {
      const [typeName, fieldName] = path.split('.');
      const type = schema.getType(typeName);
      return isObjectType(type) ? type.getFields()[fieldName] : undefined;
    };
    for (const entry of policyEntries()) {
      const type = schema.getType(entry.type);
      if (!isObjectType(type)) {
        unknown.push(entry.type);
        continue;
      }
      for (const field of entry.fields.keys()) {
        if (!type.getFields()[field]) unknown.push(`${entry.type}.${field}`);
      }
      for (const [audience, reach] of entry.rows) {
        for (const edge of reach.through ?? []) {
          // An edge vouching for rows of a type must return that type.
          const f = fieldOf(edge);
          if (!f || getNamedType(f.type).name !== entry.type) {
            unknown.push(`${entry.type}/${audience} through ${edge}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('an edge leads only to a type its readers reach', () => {
    const dead: string[] = [];
    for (const type of objectTypes()) {
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type);
        if (!isObjectType(target)) continue;
        for (const audience of fieldReaders(type.name, field.name) ?? []) {
          if (!reachOf(target.name, audience)) {
            dead.push(`${type.name}.${field.name} → ${target.name} for ${audience}`);
          }
        }
      }
    }
    expect(dead).toEqual([]);
  });
});

// ---------------------------------------------------------------- behaviour, role by role

let admin: string;
let zoneId: string;
/** Firm A's users look at the park; firm B holds leases A must not see. */
let a: string;
let b: string;
let tokens: Record<'firmAdmin' | 'reporter' | 'provider' | 'otherProvider', string>;
let building: string;
let units: Record<'available' | 'letToB' | 'letToA' | 'maintenance' | 'formerlyB', string>;
let requestOfA: string;
let requestOfB: string;

const hex = () => randomBytes(4).toString('hex');

async function firm(): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
     VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2024-01-10', 'RESIDENT') RETURNING id`,
    [`Team ${hex()}`, zoneId],
  );
  return id;
}

async function unit(code: string): Promise<string> {
  const data = await t.ok(
    `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`,
    {
      input: {
        buildingId: building,
        code,
        floor: 1,
        kind: 'OFFICE',
        area: '50.00',
        monthlyRentPerSqm: '40.00',
      },
    },
    admin,
  );
  return data.createUnit.id;
}

async function lease(unitId: string, tenantId: string, startDate: string, endDate: string) {
  await t.ok(
    `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
    { input: { unitId, tenantId, startDate, endDate } },
    admin,
  );
}

async function provider(): Promise<string> {
  const data = await t.ok(
    `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
    { input: { name: `Provider ${hex()}`, categories: ['LEGAL'] } },
    admin,
  );
  return data.createServiceProvider.id;
}

async function request(tenantId: string, assignee: string): Promise<string> {
  const { openServiceRequest } = await t.ok(
    `mutation($input: OpenServiceRequestInput!) { openServiceRequest(input: $input) { id } }`,
    { input: { tenantId, category: 'LEGAL', title: 'Contract', description: 'Review it' } },
    admin,
  );
  await t.ok(
    `mutation($id: ID!, $p: ID!) { assignServiceRequest(id: $id, providerId: $p) { id } }`,
    { id: openServiceRequest.id, p: assignee },
    admin,
  );
  return openServiceRequest.id;
}

beforeAll(async () => {
  admin = await t.adminToken();
  [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones WHERE kind = 'STARTUP'`);
  a = await firm();
  b = await firm();
  building = (
    await t.ok(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      { input: { zoneId, code: `W${hex()}`, name: 'Walk house' } },
      admin,
    )
  ).createBuilding.id;
  units = {
    available: await unit('U1'),
    letToB: await unit('U2'),
    letToA: await unit('U3'),
    maintenance: await unit('U4'),
    formerlyB: await unit('U5'),
  };
  await lease(units.letToB, b, '2025-01-01', '2099-12-31');
  await lease(units.letToA, a, '2025-01-01', '2099-12-31');
  await lease(units.formerlyB, b, '2024-01-01', '2024-12-31');
  await t.ok(
    `mutation($input: SetUnitConditionInput!) { setUnitCondition(input: $input) { id } }`,
    { input: { unitId: units.maintenance, condition: 'MAINTENANCE' } },
    admin,
  );
  await t.ok(
    `mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`,
    {
      input: { tenantId: a, kind: 'TECH_SME', certificateNo: `C-${hex()}`, issuedOn: '2025-01-01' },
    },
    admin,
  );
  for (const tenantId of [a, b]) {
    await t.ok(
      `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { id } }`,
      {
        input: {
          tenantId,
          period: '2025-06',
          outputValue: '1000.00',
          revenue: '900.00',
          rdExpense: '100.00',
          employees: 5,
          patentsFiled: 0,
          patentsGranted: 0,
        },
      },
      admin,
    );
  }
  const mine = await provider();
  const other = await provider();
  requestOfA = await request(a, mine);
  requestOfB = await request(b, other);
  tokens = {
    firmAdmin: await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a }),
    reporter: await t.tokenFor(Role.TENANT_REPORTER, { tenantId: a }),
    provider: await t.tokenFor(Role.SERVICE_PROVIDER, { serviceProviderId: mine }),
    otherProvider: await t.tokenFor(Role.SERVICE_PROVIDER, { serviceProviderId: other }),
  };
});

const UNITS_OF_BUILDING = `query($z: ID!) { zone(id: $z) { buildings { id units {
  id code status area kind monthlyRentPerSqm building { code zone { code } }
  currentLease { id tenant { id } } leases { id tenant { id } } } } } }`;

describe('a firm browsing space', () => {
  it('sees the units AVAILABLE today and its own, never another firm’s lease', async () => {
    const { zone } = await t.ok(UNITS_OF_BUILDING, { z: zoneId }, tokens.firmAdmin);
    const seen = zone.buildings.find((x: { id: string }) => x.id === building).units;
    expect(seen.map((u: { id: string }) => u.id).sort()).toEqual(
      [units.available, units.letToA, units.formerlyB].sort(),
    );
    const own = seen.find((u: { id: string }) => u.id === units.letToA);
    expect(own).toMatchObject({ status: 'LEASED', currentLease: { tenant: { id: a } } });
    for (const u of seen) {
      for (const l of [u.currentLease, ...u.leases].filter(Boolean)) {
        expect(l.tenant.id).toBe(a);
      }
    }
    // The unit B leased before is AVAILABLE again; B's old lease stays out of sight.
    expect(seen.find((u: { id: string }) => u.id === units.formerlyB)).toMatchObject({
      status: 'AVAILABLE',
      leases: [],
    });
  });

  it('gets the same units from the units query; another firm’s unit is FORBIDDEN', async () => {
    const { units: page } = await t.ok(
      `query($b: ID) { units(filter: { buildingId: $b }) { totalCount edges { node { id } } } }`,
      { b: building },
      tokens.firmAdmin,
    );
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
      [units.available, units.letToA, units.formerlyB].sort(),
    );
    const ONE = `query($id: ID!) { unit(id: $id) { id code } }`;
    expect((await t.ok(ONE, { id: units.available }, tokens.firmAdmin)).unit.id).toBe(
      units.available,
    );
    const theirs = await t.gql(ONE, { id: units.letToB }, tokens.firmAdmin);
    const none = await t.gql(ONE, { id: randomUUID() }, tokens.firmAdmin);
    expect(codeOf(theirs)).toBe('FORBIDDEN');
    expect(none.errors?.[0].message).toBe(theirs.errors?.[0].message);
    // The committee sees every unit, and is told null for one that does not exist.
    const manager = await t.tokenFor(Role.SPACE_MANAGER);
    expect((await t.ok(ONE, { id: randomUUID() }, manager)).unit).toBeNull();
    const all = await t.ok(UNITS_OF_BUILDING, { z: zoneId }, await t.tokenFor(Role.ANALYST));
    const every = all.zone.buildings.find((x: { id: string }) => x.id === building).units;
    expect(every).toHaveLength(5);
    expect(every.find((u: { id: string }) => u.id === units.letToB).currentLease.tenant.id).toBe(b);
  });

  it('reaches the units of its own leases through them', async () => {
    const { tenant } = await t.ok(
      `query($id: ID!) { tenant(id: $id) { leases { unit { id status } } } }`,
      { id: a },
      tokens.firmAdmin,
    );
    expect(tenant.leases).toEqual([{ unit: { id: units.letToA, status: 'LEASED' } }]);
  });
});

describe('a provider and the firms it serves', () => {
  const OF_REQUESTS = (fields: string) => `{ serviceRequests { id tenant { ${fields} } } }`;

  it('sees the name of the firm of a request assigned to it, and nothing else of it', async () => {
    const { serviceRequests } = await t.ok(
      OF_REQUESTS('id name zone { code }'),
      {},
      tokens.provider,
    );
    expect(serviceRequests).toEqual([
      { id: requestOfA, tenant: { id: a, name: expect.any(String), zone: { code: 'STARTUP' } } },
    ]);
    for (const field of [
      'creditCode',
      'enteredOn',
      'status',
      'certifications { kind }',
      'leases { id }',
      'outputReports { period }',
    ]) {
      const res = await t.gql(OF_REQUESTS(field), {}, tokens.provider);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toBe(
        `SERVICE_PROVIDER may not read Tenant.${field.split(' ')[0]}`,
      );
    }
    const other = await t.ok(OF_REQUESTS('id'), {}, tokens.otherProvider);
    expect(other.serviceRequests).toEqual([{ id: requestOfB, tenant: { id: b } }]);
  });
});

describe('a firm’s reporter', () => {
  it('reads its firm’s reports and what the report form needs, nothing more', async () => {
    const { tenant } = await t.ok(
      `query($id: ID!) { tenant(id: $id) { name enteredOn exitedOn status outputReports { period } } }`,
      { id: a },
      tokens.reporter,
    );
    expect(tenant.outputReports).toEqual([{ period: '2025-06' }]);
    for (const query of [
      `query($id: ID!) { tenant(id: $id) { leases { id } } }`,
      `query($id: ID!) { tenant(id: $id) { certifications { kind } } }`,
      `{ zones { buildings { id } } }`,
      `{ zones { occupancy { rate } } }`,
      `{ industrializationProjects { id } }`,
      `{ units { totalCount } }`,
      `{ benefitApplications { id } }`,
    ]) {
      expect(codeOf(await t.gql(query, { id: a }, tokens.reporter))).toBe('FORBIDDEN');
    }
  });
});

describe('the answer of a sign-in', () => {
  it('is read as the user who signed in: its account and its firm’s name and profile', async () => {
    const email = `reporter-${hex()}@test.example`;
    await t.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email,
          displayName: 'Reporter',
          password: 'a-long-enough-password',
          role: 'TENANT_REPORTER',
          tenantId: a,
        },
      },
      admin,
    );
    const LOGIN = (fields: string) =>
      `mutation($input: LoginInput!) { login(input: $input) { user { email active tenant { ${fields} } } } }`;
    const input = { input: { email, password: 'a-long-enough-password' } };
    const { login } = await t.ok(LOGIN('id name enteredOn zone { code }'), input);
    expect(login.user).toMatchObject({ email, active: true, tenant: { id: a } });
    expect(codeOf(await t.gql(LOGIN('certifications { kind }'), input))).toBe('FORBIDDEN');
  });
});

describe('lists hold the caller’s rows, whatever they ask', () => {
  it('a filter naming another firm, or none, finds nothing; the committee finds them', async () => {
    const analyst = await t.tokenFor(Role.ANALYST);
    const lists: [string, (id: string) => string, (d: any) => unknown[], string[]][] = [
      [
        'outputReports',
        (id) => `{ outputReports(filter: { tenantId: "${id}" }) { edges { node { id } } } }`,
        (d) => d.outputReports.edges,
        ['firmAdmin', 'reporter'],
      ],
      [
        'serviceRequests',
        (id) => `{ serviceRequests(tenantId: "${id}") { id } }`,
        (d) => d.serviceRequests,
        ['firmAdmin', 'provider'],
      ],
      [
        'benefitApplications',
        (id) => `{ benefitApplications(tenantId: "${id}") { id } }`,
        (d) => d.benefitApplications,
        ['firmAdmin'],
      ],
    ];
    for (const [name, query, rows, callers] of lists) {
      for (const caller of callers) {
        for (const id of [b, randomUUID()]) {
          const res = await t.gql(query(id), {}, tokens[caller as keyof typeof tokens]);
          expect({ name, caller, errors: res.errors }).toEqual({ name, caller, errors: undefined });
          expect(rows(res.data)).toEqual([]);
        }
      }
    }
    expect((await t.ok(lists[0][1](b), {}, analyst)).outputReports.edges).toHaveLength(1);
    expect((await t.ok(lists[1][1](b), {}, analyst)).serviceRequests).toHaveLength(1);
  });
});

describe('the fields of a firm, role by role, as the policy says', () => {
  // Each role reaches firm A by its own way in; every field of Tenant is then asked for and
  // must be answered exactly when the policy names the role.
  const ways: [Role, () => string, string][] = [
    ...COMMITTEE_ROLES.map((role): [Role, () => string, string] => [
      role,
      () => `tenant(id: "${a}")`,
      'tenant',
    ]),
    [Role.TENANT_ADMIN, () => `tenant(id: "${a}")`, 'tenant'],
    [Role.TENANT_REPORTER, () => `tenant(id: "${a}")`, 'tenant'],
    [Role.SERVICE_PROVIDER, () => `serviceRequests`, 'serviceRequests'],
  ];

  it('covers every role', () => {
    expect(ways.map(([role]) => role).sort()).toEqual([...ALL_ROLES].sort());
    expect(AUDIENCES).toContain('ANONYMOUS');
  });

  it.each(ways.map(([role, way, key]) => ({ role, way, key })))(
    '$role',
    async ({ role, way, key }) => {
      const token =
        role === Role.TENANT_ADMIN
          ? tokens.firmAdmin
          : role === Role.TENANT_REPORTER
            ? tokens.reporter
            : role === Role.SERVICE_PROVIDER
              ? tokens.provider
              : await t.tokenFor(role);
      const tenantType = schema.getType('Tenant') as GraphQLObjectType;
      for (const field of Object.values(tenantType.getFields())) {
        const selection = isObjectType(getNamedType(field.type))
          ? `${field.name} { __typename }`
          : field.name;
        const document =
          key === 'tenant'
            ? `{ ${way()} { ${selection} } }`
            : `{ ${way()} { tenant { ${selection} } } }`;
        const res = await t.gql(document, {}, token);
        const allowed = fieldReaders('Tenant', field.name)!.has(role);
        expect({ field: field.name, code: codeOf(res) }).toEqual({
          field: field.name,
          code: allowed ? undefined : 'FORBIDDEN',
        });
      }
    },
  );
});
