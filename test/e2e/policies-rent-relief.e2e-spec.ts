import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pgError } from '@jcv/database';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

// createPolicy with rentRelief: a RENT_SUBSIDY policy says how it relieves rent on bills; the
// rule is checked field by field, stored normalised and read by every role.

let t: TestApp;
let officer: string;

const code = () => `RR_${randomBytes(4).toString('hex').toUpperCase()}`;
const FIELDS = `id code kind rentRelief { steps { fromMonth toMonth share } maxRatePerSqm maxArea }`;
const CREATE = `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { ${FIELDS} } }`;

const WUHAN = {
  steps: [
    { fromMonth: 13, toMonth: 36, share: '0.5' },
    { fromMonth: 1, toMonth: 12, share: '1' },
  ],
  maxRatePerSqm: '80',
  maxArea: '1000',
};

const input = (over: Record<string, unknown> = {}) => ({
  code: code(),
  title: '房租减免',
  kind: 'RENT_SUBSIDY',
  basis: '《武昌区科技企业孵化器房租减免办法》',
  budget: '500000.00',
  validFrom: '2025-01-01',
  eligibility: {},
  rentRelief: WUHAN,
  ...over,
});

const fieldsOf = (res: { errors?: any[] }) => ({
  code: res.errors?.[0]?.extensions.code,
  fields: res.errors?.[0]?.extensions.fields?.map((f: { field: string }) => f.field),
});

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.tokenFor(Role.POLICY_OFFICER);
});
afterAll(() => t?.close());

describe('createPolicy with rentRelief', () => {
  it('stores the rule normalised, steps in month order, and every role reads it back', async () => {
    const { createPolicy: p } = await t.ok(CREATE, { input: input() }, officer);
    const rule = {
      steps: [
        { fromMonth: 1, toMonth: 12, share: '1.00' },
        { fromMonth: 13, toMonth: 36, share: '0.50' },
      ],
      maxRatePerSqm: '80.00',
      maxArea: '1000.00',
    };
    expect(p).toMatchObject({ kind: 'RENT_SUBSIDY', rentRelief: rule });
    const [row] = await t.dataSource.query(`SELECT rent_relief FROM policies WHERE id = $1`, [
      p.id,
    ]);
    const stored =
      typeof row.rent_relief === 'string' ? JSON.parse(row.rent_relief) : row.rent_relief;
    expect(stored).toEqual({
      steps: [
        { fromMonth: 1, toMonth: 12, share: '1' },
        { fromMonth: 13, toMonth: 36, share: '0.5' },
      ],
      maxRatePerSqm: '80.00',
      maxArea: '1000.00',
    });
    const [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones LIMIT 1`);
    const [{ id: tenantId }] = await t.dataSource.query(
      `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
       VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2025-01-10', 'RESIDENT') RETURNING id`,
      [`Team ${code()}`, zoneId],
    );
    for (const role of [Role.ADMIN, Role.ANALYST, Role.SPACE_MANAGER, Role.TENANT_ADMIN]) {
      const token = await t.tokenFor(role, role === Role.TENANT_ADMIN ? { tenantId } : {});
      const { policies } = await t.ok(`{ policies { ${FIELDS} } }`, {}, token);
      expect(policies.find((x: { id: string }) => x.id === p.id)?.rentRelief).toEqual(rule);
    }
  });

  it('leaves a policy without the rule relieving nothing', async () => {
    const { createPolicy: p } = await t.ok(CREATE, { input: input({ rentRelief: null }) }, officer);
    expect(p.rentRelief).toBeNull();
    const { createPolicy: q } = await t.ok(
      CREATE,
      { input: input({ kind: 'RD_SUBSIDY', rentRelief: undefined }) },
      officer,
    );
    expect(q.rentRelief).toBeNull();
  });

  it('refuses a broken rule naming its field, and writes nothing', async () => {
    const policies = await t.count('policies');
    const events = await t.count('audit_events');
    const step = (over: Record<string, unknown>) => ({
      steps: [{ fromMonth: 1, toMonth: 12, share: '1', ...over }],
    });
    for (const [over, field] of [
      [{ kind: 'RD_SUBSIDY' }, 'rentRelief'],
      [
        {
          rentRelief: {
            steps: [
              { fromMonth: 1, toMonth: 12, share: '1' },
              { fromMonth: 12, toMonth: 24, share: '0.5' },
            ],
          },
        },
        'fromMonth',
      ],
      [{ rentRelief: { steps: [] } }, 'steps'],
      [{ rentRelief: step({ fromMonth: 0 }) }, 'fromMonth'],
      [{ rentRelief: step({ toMonth: 1201 }) }, 'toMonth'],
      [{ rentRelief: step({ fromMonth: 7, toMonth: 6 }) }, 'toMonth'],
      [{ rentRelief: step({ share: '0' }) }, 'share'],
      [{ rentRelief: step({ share: '1.5' }) }, 'share'],
      [{ rentRelief: step({ share: '0.12345' }) }, 'share'],
      [{ rentRelief: { ...step({}), maxRatePerSqm: '0' } }, 'maxRatePerSqm'],
      [{ rentRelief: { ...step({}), maxArea: '10.001' } }, 'maxArea'],
    ] as const) {
      const res = await t.gql(CREATE, { input: input(over) }, officer);
      expect([over, fieldsOf(res)]).toEqual([over, { code: 'BAD_USER_INPUT', fields: [field] }]);
    }
    expect(await t.count('policies')).toBe(policies);
    expect(await t.count('audit_events')).toBe(events);
  });

  it('is held by the database too: rent relief only on a RENT_SUBSIDY policy', async () => {
    const { createPolicy: p } = await t.ok(
      CREATE,
      { input: input({ kind: 'TALENT', rentRelief: null }) },
      officer,
    );
    const refused = await t.dataSource
      .query(`UPDATE policies SET rent_relief = '{"steps":[]}' WHERE id = $1`, [p.id])
      .then(
        () => null,
        (err: unknown) => pgError(err)?.constraint,
      );
    expect(refused).toBe('policies_rent_relief_kind_check');
  });
});
