import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

// updatePolicy: only the fields given change, audited; budget never below what is granted, the
// per-firm cap never below any firm's granted total, also against a decision in flight.

let t: TestApp;
let officer: string;
let zoneId: string;

const tag = () => randomBytes(4).toString('hex');
const FIELDS = `id title basis budget maxAmountPerTenant granted remaining validFrom validTo
  eligibility { zoneKinds requiredCertifications industryChains minMonthsResident }`;
const UPDATE = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { ${FIELDS} } }`;
const DECIDE = `mutation($input: DecideBenefitInput!) { decideBenefit(input: $input) { id status } }`;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.tokenFor(Role.POLICY_OFFICER);
  [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones WHERE kind = 'STARTUP'`);
});
afterAll(() => t?.close());

async function policy(over: Record<string, unknown> = {}) {
  const { createPolicy } = await t.ok(
    `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { ${FIELDS} } }`,
    {
      input: {
        code: `P_${tag().toUpperCase()}`,
        title: 'Rent subsidy',
        kind: 'RENT_SUBSIDY',
        basis: '《吕梁市支持科技创新若干措施》',
        budget: '1000.00',
        validFrom: '2025-01-01',
        eligibility: {},
        ...over,
      },
    },
    officer,
  );
  return createPolicy;
}

async function firm(): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
     VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2024-01-10', 'RESIDENT') RETURNING id`,
    [`Team ${tag()}`, zoneId],
  );
  return id;
}

async function applied(policyId: string, tenantId: string, requestedAmount: string) {
  const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId });
  const { applyForBenefit } = await t.ok(
    `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`,
    { input: { policyId, tenantId, requestedAmount, justification: 'We qualify' } },
    token,
  );
  return applyForBenefit.id as string;
}

async function granted(policyId: string, tenantId: string, amount: string) {
  const id = await applied(policyId, tenantId, amount);
  await t.ok(DECIDE, { input: { id, approve: true } }, officer);
}

const fieldsOf = (res: { errors?: any[] }) => ({
  code: res.errors?.[0]?.extensions.code,
  fields: res.errors?.[0]?.extensions.fields?.map((f: { field: string }) => f.field),
});

describe('updatePolicy', () => {
  it('changes each field given, only that one, and audits before and after', async () => {
    let p = await policy({ maxAmountPerTenant: '500' });
    const steps: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ title: ' New title ' }, { title: 'New title' }],
      [{ basis: '吕政办发〔2025〕10号' }, { basis: '吕政办发〔2025〕10号' }],
      [{ budget: '2000' }, { budget: '2000.00', remaining: '2000.00' }],
      [{ maxAmountPerTenant: '800.5' }, { maxAmountPerTenant: '800.50' }],
      [{ validTo: '2027-12-31' }, { validTo: '2027-12-31' }],
      [
        { eligibility: { zoneKinds: ['STARTUP'], minMonthsResident: 3 } },
        {
          eligibility: {
            zoneKinds: ['STARTUP'],
            requiredCertifications: null,
            industryChains: null,
            minMonthsResident: 3,
          },
        },
      ],
    ];
    for (const [input, expected] of steps) {
      const { updatePolicy } = await t.ok(UPDATE, { input: { id: p.id, ...input } }, officer);
      expect(updatePolicy).toEqual({ ...p, ...expected });
      p = updatePolicy;
    }
    const { auditEvents } = await t.ok(
      `query($id: String) { auditEvents(entity: "Policy", entityId: $id, first: 10) {
        edges { node { operation before after } } } }`,
      { id: p.id },
      await t.adminToken(),
    );
    const ops = auditEvents.edges.map((e: any) => e.node);
    expect(ops.map((e: any) => e.operation)).toEqual([
      ...steps.map(() => 'updatePolicy'),
      'createPolicy',
    ]);
    const budget = ops[3];
    expect(JSON.parse(budget.before).budget).toBe('1000.00');
    expect(JSON.parse(budget.after).budget).toBe('2000.00');
  });

  it('refuses a budget below what is granted, naming budget and the granted amount', async () => {
    const p = await policy();
    await granted(p.id, await firm(), '600');
    const events = await t.count('audit_events');
    const res = await t.gql(UPDATE, { input: { id: p.id, budget: '599.99' } }, officer);
    expect(fieldsOf(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['budget'] });
    expect(res.errors?.[0]?.extensions.fields?.[0]?.message).toContain('600.00');
    const ok = await t.ok(UPDATE, { input: { id: p.id, budget: '600' } }, officer);
    expect(ok.updatePolicy).toMatchObject({
      budget: '600.00',
      granted: '600.00',
      remaining: '0.00',
    });
    expect(await t.count('audit_events')).toBe(events + 1);
  });

  it("refuses a cap below a firm's granted total, and a lowered cap binds the next grant", async () => {
    const p = await policy({ maxAmountPerTenant: '500' });
    const a = await firm();
    await granted(p.id, a, '300');
    const res = await t.gql(UPDATE, { input: { id: p.id, maxAmountPerTenant: '299' } }, officer);
    expect(fieldsOf(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['maxAmountPerTenant'] });
    expect(res.errors?.[0]?.extensions.fields?.[0]?.message).toContain('300.00');
    await t.ok(UPDATE, { input: { id: p.id, maxAmountPerTenant: '350' } }, officer);
    const [row] = await t.dataSource.query(
      `SELECT cap::text FROM benefit_tenant_totals WHERE policy_id = $1 AND tenant_id = $2`,
      [p.id, a],
    );
    expect(row.cap).toBe('350.00');
    const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a });
    const over = await t.gql(
      `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`,
      { input: { policyId: p.id, tenantId: a, requestedAmount: '50.01', justification: 'More' } },
      token,
    );
    expect(fieldsOf(over)).toEqual({ code: 'BAD_USER_INPUT', fields: ['requestedAmount'] });
    expect(over.errors?.[0]?.message).toContain('350.00');
  });

  it('refuses by field and writes nothing', async () => {
    const p = await policy({ maxAmountPerTenant: '500', validFrom: '2025-06-01' });
    const events = await t.count('audit_events');
    for (const [input, field] of [
      [{ title: '  ' }, 'title'],
      [{ basis: 'x'.repeat(501) }, 'basis'],
      [{ budget: '0' }, 'budget'],
      [{ budget: '400' }, 'budget'],
      [{ maxAmountPerTenant: '1000.01' }, 'maxAmountPerTenant'],
      [{ maxAmountPerTenant: '1.001' }, 'maxAmountPerTenant'],
      [{ validTo: '2025-05-31' }, 'validTo'],
      [{ validTo: 'soon' }, 'validTo'],
      [{ eligibility: { minMonthsResident: -1 } }, 'minMonthsResident'],
    ] as const) {
      const res = await t.gql(UPDATE, { input: { id: p.id, ...input } }, officer);
      expect(fieldsOf(res)).toEqual({ code: 'BAD_USER_INPUT', fields: [field] });
    }
    const missing = await t.gql(
      UPDATE,
      { input: { id: '00000000-0000-4000-8000-000000000000', title: 'x' } },
      officer,
    );
    expect(fieldsOf(missing)).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
    const { policies } = await t.ok(`{ policies { ${FIELDS} } }`, {}, officer);
    expect(policies.find((x: any) => x.id === p.id)).toEqual(p);
    expect(await t.count('audit_events')).toBe(events);
  });

  it('keeps granted within budget when a lowered budget races an approval', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await policy();
      await granted(p.id, await firm(), '500');
      const pending = await applied(p.id, await firm(), '300');
      // Either alone fits; both together would put 800 granted against a budget of 600.
      const [decided, updated] = await Promise.all([
        t.gql(DECIDE, { input: { id: pending, approve: true } }, officer),
        t.gql(UPDATE, { input: { id: p.id, budget: '600' } }, officer),
      ]);
      const ok = [decided, updated].filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      if (updated.errors) {
        expect(fieldsOf(updated)).toEqual({ code: 'BAD_USER_INPUT', fields: ['budget'] });
      } else {
        expect(decided.errors?.[0]?.extensions.code).toBe('CONFLICT');
      }
      const [row] = await t.dataSource.query(
        `SELECT budget::text, granted::text FROM policies WHERE id = $1`,
        [p.id],
      );
      expect(Number(row.granted) <= Number(row.budget)).toBe(true);
    }
  });

  it('is for POLICY_OFFICER and ADMIN only', async () => {
    const p = await policy();
    await t.ok(UPDATE, { input: { id: p.id, title: 'By the admin' } }, await t.adminToken());
    const tenantToken = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: await firm() });
    for (const token of [await t.tokenFor(Role.SPACE_MANAGER), tenantToken]) {
      const res = await t.gql(UPDATE, { input: { id: p.id, title: 'No' } }, token);
      expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    const [row] = await t.dataSource.query(`SELECT title FROM policies WHERE id = $1`, [p.id]);
    expect(row.title).toBe('By the admin');
  });
});
