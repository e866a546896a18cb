import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A firm's user, or a provider, must not learn whether a record it may not see exists: another
// firm's record and an id that names nothing get one answer, as tenant(id) gives. Only the
// committee, which may see every record, is told that one does not exist.

let t: TestApp;
let admin: string;
let desk: string;
let zoneId: string;
/** Firm A's admin asks about firm B's records. */
let a: string;
let b: string;
let tokenA: string;
let reporterA: string;
let tokenB: string;
let policyId: string;
/** The provider B's request is assigned to, and another one. */
let assigned: string;
let otherProvider: string;

const errorOf = (res: { errors?: { message: string; extensions: { code: string } }[] }) => ({
  code: res.errors?.[0]?.extensions.code,
  message: res.errors?.[0]?.message,
});

async function firm(): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
     VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2025-01-10', 'RESIDENT') RETURNING id`,
    [`Team ${randomBytes(4).toString('hex')}`, zoneId],
  );
  return id;
}

async function provider(): Promise<string> {
  const data = await t.ok(
    `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
    { input: { name: `Provider ${randomBytes(4).toString('hex')}`, categories: ['LEGAL'] } },
    admin,
  );
  return data.createServiceProvider.id;
}

/** What the database holds that a refused call could have changed. */
async function state() {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*) FROM audit_events)::int AS events,
            (SELECT string_agg(id || status, ',' ORDER BY id) FROM benefit_applications) AS applications,
            (SELECT string_agg(id || status || coalesce(rating::text, ''), ',' ORDER BY id)
               FROM service_requests) AS requests,
            (SELECT count(*) FROM service_request_events)::int AS history`,
  );
  return row;
}

/** Firm B's SUBMITTED benefit application and its RESOLVED request, assigned to `assigned`. */
async function recordsOfB(): Promise<{ application: string; request: string }> {
  const application = (
    await t.ok(
      `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`,
      { input: { policyId, tenantId: b, requestedAmount: '10', justification: 'We qualify' } },
      tokenB,
    )
  ).applyForBenefit.id;
  const request = (
    await t.ok(
      `mutation($input: OpenServiceRequestInput!) { openServiceRequest(input: $input) { id } }`,
      { input: { tenantId: b, category: 'LEGAL', title: 'Contract', description: 'Review it' } },
      tokenB,
    )
  ).openServiceRequest.id;
  await t.ok(
    `mutation($id: ID!, $p: ID!) { assignServiceRequest(id: $id, providerId: $p) { id } }`,
    { id: request, p: assigned },
    desk,
  );
  // Resolved, so that B could rate it: what refuses A must be that it is not A's.
  for (const status of ['IN_PROGRESS', 'RESOLVED']) {
    await t.ok(
      `mutation($id: ID!, $s: ServiceRequestStatus!) { updateServiceRequestStatus(id: $id, status: $s) { id } }`,
      { id: request, s: status },
      desk,
    );
  }
  return { application, request };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  desk = await t.tokenFor(Role.SERVICE_DESK);
  [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones WHERE kind = 'STARTUP'`);
  a = await firm();
  b = await firm();
  tokenA = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a });
  reporterA = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: a });
  tokenB = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: b });

  const { createPolicy } = await t.ok(
    `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }`,
    {
      input: {
        code: `P_${randomBytes(4).toString('hex').toUpperCase()}`,
        title: 'Rent subsidy',
        kind: 'RENT_SUBSIDY',
        basis: '《吕梁市支持科技创新若干措施》',
        budget: '100000.00',
        validFrom: '2025-01-01',
        eligibility: {},
      },
    },
    admin,
  );
  policyId = createPolicy.id;
  assigned = await provider();
  otherProvider = await provider();
});
afterAll(() => t?.close());

const WITHDRAW = `mutation($id: ID!) { withdrawBenefitApplication(id: $id) { id status } }`;
const RATE = `mutation($id: ID!) { rateServiceRequest(id: $id, rating: 5) { id rating } }`;
const MOVE = `mutation($id: ID!) { updateServiceRequestStatus(id: $id, status: CLOSED) { id status } }`;

describe('operations on a record id', () => {
  const cases: {
    name: string;
    query: string;
    id: (records: { application: string; request: string }) => string;
    token: () => Promise<string>;
  }[] = [
    {
      name: 'withdrawBenefitApplication',
      query: WITHDRAW,
      id: (r) => r.application,
      token: async () => tokenA,
    },
    { name: 'rateServiceRequest', query: RATE, id: (r) => r.request, token: async () => tokenA },
    {
      name: 'updateServiceRequestStatus by a provider the request is not assigned to',
      query: MOVE,
      id: (r) => r.request,
      token: () => t.tokenFor(Role.SERVICE_PROVIDER, { serviceProviderId: otherProvider }),
    },
  ];

  it.each(cases)(
    '$name: another firm’s id, a random uuid and a non-uuid get one FORBIDDEN, writing nothing',
    async ({ query, id, token }) => {
      const records = await recordsOfB();
      const caller = await token();
      const before = await state();
      const theirs = errorOf(await t.gql(query, { id: id(records) }, caller));
      const random = errorOf(await t.gql(query, { id: randomUUID() }, caller));
      const garbage = errorOf(await t.gql(query, { id: 'not-an-id' }, caller));
      expect(theirs.code).toBe('FORBIDDEN');
      expect(random).toEqual(theirs);
      expect(garbage).toEqual(theirs);
      expect(theirs.message).not.toMatch(/not found|exist/i);
      expect(await state()).toEqual(before);
    },
  );

  it('answers a firm’s own record and the assigned provider as before', async () => {
    const { application: bApplication, request: bRequest } = await recordsOfB();
    const mine = await t.tokenFor(Role.SERVICE_PROVIDER, { serviceProviderId: assigned });
    const moved = await t.gql(MOVE, { id: bRequest }, mine);
    expect(moved.data?.updateServiceRequestStatus).toEqual({ id: bRequest, status: 'CLOSED' });
    expect((await t.ok(RATE, { id: bRequest }, tokenB)).rateServiceRequest.rating).toBe(5);
    expect((await t.ok(WITHDRAW, { id: bApplication }, tokenB)).withdrawBenefitApplication).toEqual(
      { id: bApplication, status: 'WITHDRAWN' },
    );
  });

  it('tells the committee that a record does not exist', async () => {
    for (const id of [randomUUID(), 'not-an-id']) {
      expect(errorOf(await t.gql(WITHDRAW, { id }, admin))).toEqual({
        code: 'NOT_FOUND',
        message: `BenefitApplication ${id} was not found`,
      });
      expect(errorOf(await t.gql(MOVE, { id }, desk))).toEqual({
        code: 'NOT_FOUND',
        message: `ServiceRequest ${id} was not found`,
      });
    }
  });
});

describe('operations on a firm id', () => {
  // Each names a firm the caller's token does not belong to; the answer must not depend on
  // whether that firm exists.
  const ops: [string, string, (tenantId: string) => Record<string, unknown>][] = [
    ['tenant', `query($id: ID!) { tenant(id: $id) { id } }`, (id) => ({ id })],
    [
      'applyForBenefit',
      `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`,
      (tenantId) => ({
        input: { policyId, tenantId, requestedAmount: '10', justification: 'We qualify' },
      }),
    ],
    [
      'eligiblePolicies',
      `query($id: ID!) { eligiblePolicies(tenantId: $id) { id } }`,
      (id) => ({ id }),
    ],
    [
      'applyForSpace',
      `mutation($input: ApplyForSpaceInput!) { applyForSpace(input: $input) { id } }`,
      (tenantId) => ({
        input: {
          tenantId,
          zoneId,
          unitKind: 'OFFICE',
          area: '50',
          fromDate: '2027-01-01',
          toDate: '2027-12-31',
          purpose: 'A lab',
        },
      }),
    ],
    [
      'submitOutputReport',
      `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { id } }`,
      (tenantId) => ({
        input: {
          tenantId,
          period: '2025-06',
          outputValue: '1',
          revenue: '1',
          rdExpense: '0',
          employees: 1,
          patentsFiled: 0,
          patentsGranted: 0,
        },
      }),
    ],
    [
      'openServiceRequest',
      `mutation($input: OpenServiceRequestInput!) { openServiceRequest(input: $input) { id } }`,
      (tenantId) => ({
        input: { tenantId, category: 'LEGAL', title: 'Contract', description: 'Review it' },
      }),
    ],
  ];

  it.each(ops.map(([name, query, vars]) => ({ name, query, vars })))(
    '$name: another firm and a firm that does not exist get one FORBIDDEN',
    async ({ name, query, vars }) => {
      const caller = name === 'submitOutputReport' || name === 'tenant' ? reporterA : tokenA;
      const before = await state();
      const theirs = errorOf(await t.gql(query, vars(b), caller));
      const random = errorOf(await t.gql(query, vars(randomUUID()), caller));
      expect(theirs).toEqual({ code: 'FORBIDDEN', message: 'A firm can only reach its own data' });
      expect(random).toEqual(theirs);
      expect(await state()).toEqual(before);
    },
  );

  // A list holds the caller's rows only: a filter naming a firm out of reach finds nothing, the
  // same nothing whether or not the firm exists.
  const lists: [string, string, (data: any) => unknown][] = [
    [
      'benefitApplications',
      `query($id: ID) { benefitApplications(tenantId: $id) { id } }`,
      (d) => d.benefitApplications,
    ],
    [
      'outputReports',
      `query($id: ID) { outputReports(filter: { tenantId: $id }) { totalCount edges { node { id } } } }`,
      (d) => d.outputReports,
    ],
    [
      'serviceRequests',
      `query($id: ID) { serviceRequests(tenantId: $id) { id } }`,
      (d) => d.serviceRequests,
    ],
  ];

  it.each(lists.map(([name, query, rows]) => ({ name, query, rows })))(
    '$name: another firm and a firm that does not exist find one empty list',
    async ({ name, query, rows }) => {
      await recordsOfB();
      const caller = name === 'outputReports' ? reporterA : tokenA;
      const theirs = rows(await t.ok(query, { id: b }, caller));
      const random = rows(await t.ok(query, { id: randomUUID() }, caller));
      expect(theirs).toEqual(name === 'outputReports' ? { totalCount: 0, edges: [] } : []);
      expect(random).toEqual(theirs);
    },
  );
});
