import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { BenefitsService } from '@jcv/benefits';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let zones: Record<'STARTUP' | 'EXPANSION', string>;
let admin: string;
let officer: string;
const today = todayInShanghai();

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  const rows: { id: string; kind: 'STARTUP' | 'EXPANSION' }[] = await t.dataSource.query(
    `SELECT id, kind FROM zones`,
  );
  zones = Object.fromEntries(rows.map((z) => [z.kind, z.id])) as typeof zones;
  admin = await t.adminToken();
  officer = await t.tokenFor(Role.POLICY_OFFICER);
});
afterAll(() => t?.close());

interface TenantSpec {
  zone?: 'STARTUP' | 'EXPANSION';
  chain?: string;
  enteredOn?: string;
  exitedOn?: string;
  certs?: { kind: string; issuedOn: string; expiresOn?: string | null }[];
}

/** A team (no credit code needed) written straight to the table: the suite's own fixture. */
async function tenant(spec: TenantSpec = {}): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, exited_on, status)
     VALUES ($1, 'TEAM', $2, $3, true, $4, $5, $6) RETURNING id`,
    [
      `Team ${randomBytes(4).toString('hex')}`,
      zones[spec.zone ?? 'STARTUP'],
      spec.chain ?? 'AI_PLUS',
      spec.enteredOn ?? '2024-01-10',
      spec.exitedOn ?? null,
      spec.exitedOn ? 'EXITED' : 'RESIDENT',
    ],
  );
  for (const c of spec.certs ?? []) {
    await t.dataSource.query(
      `INSERT INTO certifications (tenant_id, kind, certificate_no, issued_on, expires_on)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, c.kind, `GR${randomBytes(5).toString('hex')}`, c.issuedOn, c.expiresOn ?? null],
    );
  }
  return id;
}

const code = (prefix = 'P') => `${prefix}_${randomBytes(4).toString('hex').toUpperCase()}`;

const POLICY_FIELDS = `id code title kind basis maxAmountPerTenant budget granted remaining validFrom validTo
  eligibility { zoneKinds requiredCertifications industryChains minMonthsResident }`;
const CREATE_POLICY = `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const APPLICATION_FIELDS = `id status requestedAmount grantedAmount justification submittedAt decidedAt note
  policy { code granted remaining } tenant { id }`;
const APPLY = `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { ${APPLICATION_FIELDS} } }`;
const DECIDE = `mutation($input: DecideBenefitInput!) { decideBenefit(input: $input) { ${APPLICATION_FIELDS} } }`;
const DISBURSE = `mutation($id: ID!) { markBenefitDisbursed(id: $id) { id status grantedAmount disbursedAt } }`;

async function policy(over: Record<string, unknown> = {}, token = officer) {
  const data = await t.ok(
    CREATE_POLICY,
    {
      input: {
        code: code(),
        title: 'Rent subsidy for startups',
        kind: 'RENT_SUBSIDY',
        basis: '《吕梁市支持科技创新若干措施》',
        budget: '1000000.00',
        validFrom: '2025-01-01',
        eligibility: {},
        ...over,
      },
    },
    token,
  );
  return data.createPolicy;
}

async function apply(policyId: string, tenantId: string, requestedAmount: string) {
  const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId });
  const data = await t.ok(
    APPLY,
    { input: { policyId, tenantId, requestedAmount, justification: 'We qualify' } },
    token,
  );
  return data.applyForBenefit;
}

const errorOf = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code;

/** A signed-in SERVICE_PROVIDER of a new provider. */
async function providerToken(): Promise<string> {
  const data = await t.ok(
    `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
    { input: { name: `Provider ${randomBytes(4).toString('hex')}`, categories: ['LEGAL'] } },
    admin,
  );
  return t.tokenFor(Role.SERVICE_PROVIDER, { serviceProviderId: data.createServiceProvider.id });
}

describe('createPolicy and policies', () => {
  it('creates a policy with its rule, exact amounts and empty lists stored as no condition', async () => {
    const p = await policy({
      budget: '15000000',
      maxAmountPerTenant: '3000000.5',
      validTo: '2027-12-31',
      eligibility: {
        zoneKinds: ['EXPANSION'],
        requiredCertifications: ['HIGH_TECH'],
        industryChains: [],
        minMonthsResident: 6,
      },
    });
    expect(p).toMatchObject({
      budget: '15000000.00',
      maxAmountPerTenant: '3000000.50',
      granted: '0.00',
      remaining: '15000000.00',
      validTo: '2027-12-31',
      eligibility: {
        zoneKinds: ['EXPANSION'],
        requiredCertifications: ['HIGH_TECH'],
        industryChains: null,
        minMonthsResident: 6,
      },
    });
    const readers = [
      await t.tokenFor(Role.ANALYST),
      await providerToken(),
      await t.tokenFor(Role.TENANT_REPORTER, { tenantId: await tenant() }),
    ];
    for (const token of readers) {
      const data = await t.ok(`{ policies { code } }`, {}, token);
      expect(data.policies.map((x: { code: string }) => x.code)).toContain(p.code);
    }
  });

  it('lets only POLICY_OFFICER and ADMIN create policies', async () => {
    expect((await policy({}, admin)).granted).toBe('0.00');
    const before = await t.count('policies');
    for (const role of [Role.SPACE_MANAGER, Role.SERVICE_DESK, Role.ANALYST]) {
      const res = await t.gql(
        CREATE_POLICY,
        {
          input: {
            code: code(),
            title: 'x',
            kind: 'OTHER',
            basis: 'x',
            budget: '1',
            validFrom: '2025-01-01',
            eligibility: {},
          },
        },
        await t.tokenFor(role),
      );
      expect(errorOf(res)).toBe('FORBIDDEN');
    }
    expect(await t.count('policies')).toBe(before);
  });

  it('refuses bad input field by field and a repeated code, writing nothing', async () => {
    const before = await t.count('policies');
    const base = {
      code: code(),
      title: 'T',
      kind: 'RD_SUBSIDY',
      basis: 'B',
      budget: '100.00',
      validFrom: '2025-01-01',
      eligibility: {},
    };
    const bad = async (over: Record<string, unknown>) => {
      const res = await t.gql(CREATE_POLICY, { input: { ...base, ...over } }, officer);
      expect(errorOf(res)).toBe('BAD_USER_INPUT');
      return res.errors![0].extensions.fields!;
    };
    expect(await bad({ budget: '0' })).toEqual([
      { field: 'budget', message: 'budget must be greater than 0' },
    ]);
    expect((await bad({ budget: '1.001' }))[0].field).toBe('budget');
    expect((await bad({ code: 'lower case' }))[0].field).toBe('code');
    expect(await bad({ validTo: '2024-12-31' })).toEqual([
      { field: 'validTo', message: 'must be on or after validFrom' },
    ]);
    expect((await bad({ maxAmountPerTenant: '100.01' }))[0].field).toBe('maxAmountPerTenant');
    expect((await bad({ eligibility: { minMonthsResident: -1 } }))[0].field).toBe(
      'minMonthsResident',
    );
    expect((await bad({ eligibility: { zoneKinds: ['STARTUP', 'STARTUP'] } }))[0].field).toBe(
      'zoneKinds',
    );
    expect(await t.count('policies')).toBe(before);

    await t.ok(CREATE_POLICY, { input: base }, officer);
    const again = await t.gql(CREATE_POLICY, { input: { ...base, title: 'Other' } }, officer);
    expect(errorOf(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toBe(`A policy with code ${base.code} already exists`);
  });
});

describe('eligiblePolicies', () => {
  const ELIGIBLE = `query($tenantId: ID!, $asOf: Date) { eligiblePolicies(tenantId: $tenantId, asOf: $asOf) { code } }`;
  const codesFor = async (tenantId: string, asOf: string, token = admin) =>
    (await t.ok(ELIGIBLE, { tenantId, asOf }, token)).eligiblePolicies.map(
      (p: { code: string }) => p.code,
    );

  it('lists the policies valid on asOf whose rule the firm meets on asOf', async () => {
    const rent = await policy({
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      eligibility: { zoneKinds: ['STARTUP'], minMonthsResident: 3 },
    });
    const rd = await policy({
      kind: 'RD_SUBSIDY',
      validFrom: '2026-01-01',
      eligibility: { requiredCertifications: ['HIGH_TECH'], industryChains: ['HYDROGEN'] },
    });
    const firm = await tenant({
      zone: 'STARTUP',
      chain: 'HYDROGEN',
      enteredOn: '2025-12-15',
      certs: [{ kind: 'HIGH_TECH', issuedOn: '2026-02-01', expiresOn: '2026-06-30' }],
    });
    const mine = (codes: string[]) => codes.filter((c) => c === rent.code || c === rd.code);
    // 3 whole months from 15 December are reached on 15 March.
    expect(mine(await codesFor(firm, '2026-03-14'))).toEqual([rd.code]);
    expect(mine(await codesFor(firm, '2026-03-15')).sort()).toEqual([rent.code, rd.code].sort());
    // The certificate counts from its issue day to its expiry day, both inclusive.
    expect(mine(await codesFor(firm, '2026-01-31'))).toEqual([]);
    expect(mine(await codesFor(firm, '2026-06-30')).sort()).toEqual([rent.code, rd.code].sort());
    expect(mine(await codesFor(firm, '2026-07-01'))).toEqual([rent.code]);
    // The rent policy ends with 2026.
    expect(mine(await codesFor(firm, '2027-01-01'))).toEqual([]);

    const own = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm });
    expect(mine(await codesFor(firm, '2026-03-15', own))).toHaveLength(2);
    // A reporter only reports figures; benefits are the firm admin's.
    const reporter = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm });
    await expect(codesFor(firm, '2026-03-15', reporter)).rejects.toThrow(/FORBIDDEN/);
  });

  it('a firm asks only about itself; providers may not ask', async () => {
    const a = await tenant();
    const b = await tenant();
    const tokenA = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a });
    const res = await t.gql(ELIGIBLE, { tenantId: b }, tokenA);
    expect(errorOf(res)).toBe('FORBIDDEN');
    const missing = await t.gql(
      ELIGIBLE,
      { tenantId: '00000000-0000-4000-8000-000000000000' },
      admin,
    );
    expect(errorOf(missing)).toBe('NOT_FOUND');
    const analyst = await t.tokenFor(Role.ANALYST);
    expect((await t.gql(ELIGIBLE, { tenantId: b }, analyst)).errors).toBeUndefined();
    expect(errorOf(await t.gql(ELIGIBLE, { tenantId: b }, await providerToken()))).toBe(
      'FORBIDDEN',
    );
  });

  it('defaults asOf to today in Shanghai and leaves out a firm that has left', async () => {
    const p = await policy({ validFrom: '2025-01-01' });
    const resident = await tenant();
    const gone = await tenant({ exitedOn: '2025-06-30' });
    expect(await codesFor(resident, today)).toContain(p.code);
    const data = await t.ok(ELIGIBLE, { tenantId: resident }, admin);
    expect(data.eligiblePolicies.map((x: { code: string }) => x.code)).toContain(p.code);
    expect(await codesFor(gone, today)).not.toContain(p.code);
    expect(await codesFor(gone, '2025-06-30')).toContain(p.code);
  });
});

describe('applyForBenefit', () => {
  it('records the application of an eligible firm, within its cap', async () => {
    const p = await policy({ maxAmountPerTenant: '50000' });
    const firm = await tenant();
    const a = await apply(p.id, firm, '50000');
    expect(a).toMatchObject({
      status: 'SUBMITTED',
      requestedAmount: '50000.00',
      grantedAmount: null,
      decidedAt: null,
      policy: { code: p.code },
      tenant: { id: firm },
    });
    expect(
      await t.count(`audit_events WHERE operation = 'applyForBenefit' AND entity_id = '${a.id}'`),
    ).toBe(1);
  });

  it('refuses, with the reason, and writes nothing', async () => {
    const capped = await policy({
      maxAmountPerTenant: '1000',
      eligibility: { zoneKinds: ['EXPANSION'], requiredCertifications: ['SRDI'] },
    });
    const future = await policy({ validFrom: '2099-01-01' });
    const firm = await tenant({ zone: 'STARTUP' });
    const other = await tenant({
      zone: 'EXPANSION',
      certs: [{ kind: 'SRDI', issuedOn: '2024-01-01' }],
    });
    const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm });
    const before = await t.count('benefit_applications');
    const attempt = (policyId: string, tenantId: string, requestedAmount: string, tk = token) =>
      t.gql(APPLY, { input: { policyId, tenantId, requestedAmount, justification: 'please' } }, tk);

    const ineligible = await attempt(capped.id, firm, '10');
    expect(errorOf(ineligible)).toBe('CONFLICT');
    expect(ineligible.errors![0].message).toBe(
      `The firm is not eligible for policy ${capped.code} on ${today}: the firm is in the STARTUP zone; the policy is for EXPANSION; the firm holds no SRDI certificate valid on ${today}`,
    );
    const closed = await attempt(future.id, firm, '10');
    expect(errorOf(closed)).toBe('CONFLICT');
    expect(closed.errors![0].message).toMatch(/is open from 2099-01-01, not on/);
    expect(errorOf(await attempt(capped.id, other, '10'))).toBe('FORBIDDEN');
    const overCap = await attempt(capped.id, other, '1000.01', admin);
    expect(overCap.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'requestedAmount',
          message: 'must be at most 1000.00, what the per-firm cap of 1000.00 leaves',
        },
      ],
    });
    const zero = await attempt(future.id, firm, '0');
    expect(zero.errors![0].extensions.fields).toEqual([
      { field: 'requestedAmount', message: 'requestedAmount must be greater than 0' },
    ]);
    expect(errorOf(await attempt(capped.id, other, '10', officer))).toBe('FORBIDDEN');
    const blank = await t.gql(
      APPLY,
      { input: { policyId: future.id, tenantId: firm, requestedAmount: '1', justification: ' ' } },
      token,
    );
    expect(blank.errors![0].extensions.fields).toEqual([
      { field: 'justification', message: 'must not be blank' },
    ]);
    expect(await t.count('benefit_applications')).toBe(before);
  });
});

describe('decideBenefit and markBenefitDisbursed', () => {
  it('approves, disburses, and keeps granted and remaining exact', async () => {
    const p = await policy({ budget: '1000.10' });
    const firm = await tenant();
    const a = await apply(p.id, firm, '600.05');
    const b = await apply(p.id, firm, '500.00');
    const approved = (await t.ok(DECIDE, { input: { id: a.id, approve: true } }, officer))
      .decideBenefit;
    expect(approved).toMatchObject({
      status: 'APPROVED',
      grantedAmount: '600.05',
      policy: { granted: '600.05', remaining: '400.05' },
    });
    expect(approved.decidedAt).toEqual(expect.any(String));

    const tooMuch = await t.gql(DECIDE, { input: { id: b.id, approve: true } }, officer);
    expect(tooMuch.errors![0]).toMatchObject({
      message: `Policy ${p.code} has 400.05 yuan left of its budget of 1000.10; 500.00 cannot be granted`,
      extensions: { code: 'CONFLICT' },
    });
    const partly = (
      await t.ok(
        DECIDE,
        { input: { id: b.id, approve: true, grantedAmount: '400.05', note: 'what is left' } },
        officer,
      )
    ).decideBenefit;
    expect(partly).toMatchObject({
      grantedAmount: '400.05',
      note: 'what is left',
      policy: { granted: '1000.10', remaining: '0.00' },
    });

    const paid = (await t.ok(DISBURSE, { id: a.id }, officer)).markBenefitDisbursed;
    expect(paid.status).toBe('DISBURSED');
    expect(paid.disbursedAt).toEqual(expect.any(String));
    const again = await t.gql(DISBURSE, { id: a.id }, officer);
    expect(errorOf(again)).toBe('CONFLICT');
    const data = await t.ok(`{ policies { code granted remaining } }`, {}, officer);
    expect(data.policies.find((x: { code: string }) => x.code === p.code)).toEqual({
      code: p.code,
      granted: '1000.10',
      remaining: '0.00',
    });
  });

  it('rejects with a note, and decides an application only once', async () => {
    const p = await policy();
    const firm = await tenant();
    const a = await apply(p.id, firm, '100');
    const noNote = await t.gql(DECIDE, { input: { id: a.id, approve: false } }, officer);
    expect(noNote.errors![0].extensions.fields).toEqual([
      { field: 'note', message: 'is required to reject an application' },
    ]);
    const more = await t.gql(
      DECIDE,
      { input: { id: a.id, approve: true, grantedAmount: '100.01' } },
      officer,
    );
    expect(more.errors![0].extensions.fields).toEqual([
      { field: 'grantedAmount', message: 'must be at most the requested 100.00' },
    ]);
    const rejected = (
      await t.ok(DECIDE, { input: { id: a.id, approve: false, note: 'Out of scope' } }, officer)
    ).decideBenefit;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      grantedAmount: null,
      note: 'Out of scope',
      policy: { granted: '0.00' },
    });
    const twice = await t.gql(DECIDE, { input: { id: a.id, approve: true } }, officer);
    expect(twice.errors![0].message).toBe(
      'Only a SUBMITTED application can be decided; cannot approve one that is REJECTED',
    );
    expect(errorOf(await t.gql(DISBURSE, { id: a.id }, officer))).toBe('CONFLICT');
    const tenantToken = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm });
    expect(errorOf(await t.gql(DECIDE, { input: { id: a.id, approve: true } }, tenantToken))).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await t.gql(DISBURSE, { id: a.id }, tenantToken))).toBe('FORBIDDEN');
    const missing = await t.gql(DISBURSE, { id: '00000000-0000-4000-8000-000000000000' }, officer);
    expect(errorOf(missing)).toBe('NOT_FOUND');
  });

  it("keeps a firm's total within the per-firm cap", async () => {
    const p = await policy({ maxAmountPerTenant: '300' });
    const firm = await tenant();
    const a = await apply(p.id, firm, '200');
    const b = await apply(p.id, firm, '200');
    await t.ok(DECIDE, { input: { id: a.id, approve: true } }, officer);
    const over = await t.gql(DECIDE, { input: { id: b.id, approve: true } }, officer);
    expect(over.errors![0]).toMatchObject({
      message: `The firm has 100.00 yuan left under the per-firm cap of 300.00 of policy ${p.code}; 200.00 cannot be granted`,
      extensions: { code: 'CONFLICT' },
    });
    // The cap left now also limits a new application.
    const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm });
    const c = await t.gql(
      APPLY,
      { input: { policyId: p.id, tenantId: firm, requestedAmount: '100.01', justification: 'x' } },
      token,
    );
    expect(c.errors![0].extensions.fields![0].field).toBe('requestedAmount');
  });

  it('lets five approvals race for a budget that fits three: exactly three win', async () => {
    const p = await policy({ budget: '300000' });
    const apps = [];
    for (let i = 0; i < 5; i++) apps.push(await apply(p.id, await tenant(), '100000'));
    const results = await Promise.all(
      apps.map((a) => t.gql(DECIDE, { input: { id: a.id, approve: true } }, officer)),
    );
    const won = results.filter((r) => r.data?.decideBenefit?.status === 'APPROVED');
    const lost = results.filter((r) => errorOf(r) === 'CONFLICT');
    console.log(
      `race (${process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'embedded'}): ${won.length} APPROVED, ${lost.length} CONFLICT: ${lost.map((r) => r.errors![0].message).join(' | ')}`,
    );
    expect(won).toHaveLength(3);
    expect(lost).toHaveLength(2);
    for (const r of lost)
      expect(r.errors![0].message).toMatch(/has 0\.00 yuan left of its budget of 300000\.00/);
    const [row] = await t.dataSource.query(`SELECT granted::text FROM policies WHERE id = $1`, [
      p.id,
    ]);
    expect(row.granted).toBe('300000.00');
    expect(
      await t.count(`benefit_applications WHERE policy_id = '${p.id}' AND status = 'APPROVED'`),
    ).toBe(3);
  });

  it('lets four approvals race for a per-firm cap that fits two: exactly two win', async () => {
    const p = await policy({ budget: '1000000', maxAmountPerTenant: '200000' });
    const firm = await tenant();
    const apps = [];
    for (let i = 0; i < 4; i++) apps.push(await apply(p.id, firm, '100000'));
    const results = await Promise.all(
      apps.map((a) => t.gql(DECIDE, { input: { id: a.id, approve: true } }, officer)),
    );
    expect(results.filter((r) => r.data?.decideBenefit?.status === 'APPROVED')).toHaveLength(2);
    expect(results.filter((r) => errorOf(r) === 'CONFLICT')).toHaveLength(2);
    const [row] = await t.dataSource.query(
      `SELECT granted::text FROM benefit_tenant_totals WHERE policy_id = $1 AND tenant_id = $2`,
      [p.id, firm],
    );
    expect(row.granted).toBe('200000.00');
  });

  it('the database itself refuses a grant past the budget', async () => {
    const p = await policy({ budget: '100' });
    const a = await apply(p.id, await tenant(), '100');
    const b = await apply(p.id, await tenant(), '100');
    await t.ok(DECIDE, { input: { id: a.id, approve: true } }, officer);
    await expect(
      t.dataSource.query(
        `UPDATE benefit_applications SET status = 'APPROVED', granted_amount = 1, decided_at = now() WHERE id = $1`,
        [b.id],
      ),
    ).rejects.toMatchObject({ driverError: { constraint: 'policies_granted_within_budget' } });
  });
});

describe('benefitApplications', () => {
  const LIST = `query($status: BenefitStatus, $tenantId: ID) { benefitApplications(status: $status, tenantId: $tenantId) { id status tenant { id } } }`;

  it('shows a firm only its own, and the committee all, filtered by status', async () => {
    const p = await policy();
    const a = await tenant();
    const b = await tenant();
    const appA = await apply(p.id, a, '10');
    const appB = await apply(p.id, b, '20');
    await t.ok(DECIDE, { input: { id: appB.id, approve: true } }, officer);
    const tokenA = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a });
    const own = (await t.ok(LIST, {}, tokenA)).benefitApplications;
    expect(own.map((x: { id: string }) => x.id)).toEqual([appA.id]);
    const reporterA = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: a });
    expect(errorOf(await t.gql(LIST, {}, reporterA))).toBe('FORBIDDEN');
    // A list holds the caller's rows: another firm's filter finds nothing.
    expect((await t.ok(LIST, { tenantId: b }, tokenA)).benefitApplications).toEqual([]);

    const all = (await t.ok(LIST, {}, officer)).benefitApplications.map(
      (x: { id: string }) => x.id,
    );
    expect(all).toEqual(expect.arrayContaining([appA.id, appB.id]));
    const approvedOfB = (await t.ok(LIST, { status: 'APPROVED', tenantId: b }, officer))
      .benefitApplications;
    expect(approvedOfB).toEqual([{ id: appB.id, status: 'APPROVED', tenant: { id: b } }]);
    expect(errorOf(await t.gql(LIST, {}, await providerToken()))).toBe('FORBIDDEN');
  });

  it('lets a firm withdraw an application not yet decided', async () => {
    const p = await policy();
    const firm = await tenant();
    const a = await apply(p.id, firm, '10');
    const WITHDRAW = `mutation($id: ID!) { withdrawBenefitApplication(id: $id) { status } }`;
    const other = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: await tenant() });
    expect(errorOf(await t.gql(WITHDRAW, { id: a.id }, other))).toBe('FORBIDDEN');
    const own = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm });
    expect((await t.ok(WITHDRAW, { id: a.id }, own)).withdrawBenefitApplication.status).toBe(
      'WITHDRAWN',
    );
    expect(errorOf(await t.gql(WITHDRAW, { id: a.id }, own))).toBe('CONFLICT');
    expect(errorOf(await t.gql(DECIDE, { input: { id: a.id, approve: true } }, officer))).toBe(
      'CONFLICT',
    );
  });
});

describe('BenefitsService.grantedInZone', () => {
  it('sums APPROVED and DISBURSED amounts of the zone decided within the dates', async () => {
    const service = t.app.get(BenefitsService);
    const p = await policy({ budget: '100000' });
    const start = await tenant({ zone: 'STARTUP' });
    const expansion = await tenant({ zone: 'EXPANSION' });
    const base = await service.grantedInZone(zones.EXPANSION, today, today);
    const baseStartup = await service.grantedInZone(zones.STARTUP, '2020-01-01', '2020-12-31');
    const a = await apply(p.id, expansion, '1000.25');
    const b = await apply(p.id, expansion, '2000');
    const c = await apply(p.id, expansion, '4000');
    const d = await apply(p.id, start, '8000');
    await t.ok(DECIDE, { input: { id: a.id, approve: true } }, officer);
    await t.ok(DISBURSE, { id: a.id }, officer);
    await t.ok(DECIDE, { input: { id: b.id, approve: true, grantedAmount: '1500.50' } }, officer);
    await t.ok(DECIDE, { input: { id: c.id, approve: false, note: 'no' } }, officer);
    await t.ok(DECIDE, { input: { id: d.id, approve: true } }, officer);
    // Decided on a day of 2020 in Shanghai (late evening UTC of the day before).
    await t.dataSource.query(
      `UPDATE benefit_applications SET decided_at = '2020-06-30T16:30:00Z' WHERE id = $1`,
      [d.id],
    );
    const sum = await service.grantedInZone(zones.EXPANSION, today, today);
    expect(Number(sum) - Number(base)).toBeCloseTo(2500.75, 2);
    expect(sum).toMatch(/^\d+\.\d{2}$/);
    expect(await service.grantedInZone(zones.STARTUP, '2020-07-01', '2020-07-01')).not.toBe(
      baseStartup,
    );
    expect(await service.grantedInZone(zones.STARTUP, '2020-06-30', '2020-06-30')).toBe('0.00');
  });
});

describe('the cost of a list', () => {
  it('does not grow with the applications listed, with their policy and firm', async () => {
    const firm = await tenant();
    const query = `query($tenantId: ID) { benefitApplications(tenantId: $tenantId) {
      id tenant { name } policy { code granted remaining eligibility { zoneKinds } } } }`;
    const grow = async (n: number) => {
      for (let i = 0; i < n; i++) await apply((await policy()).id, firm, '10');
    };
    await grow(2);
    const few = await t.statements(query, { tenantId: firm }, officer);
    await grow(6);
    expect((await t.ok(query, { tenantId: firm }, officer)).benefitApplications).toHaveLength(8);
    expect(await t.statements(query, { tenantId: firm }, officer)).toBe(few);
  });
});
