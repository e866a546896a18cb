import { describe, expect, it } from '@jest/globals';
import {
  budgetBar,
  budgetRemaining,
  changesAnything,
  checkRule,
  createPolicyInput,
  decideInput,
  decisionDefaults,
  emptyPolicyForm,
  filterQueue,
  grantedAmountProblem,
  grantedToTenant,
  grantRoom,
  mayDecide,
  mayDisburse,
  meetsRule,
  mostGrantedToOneTenant,
  noteProblem,
  policyFormOf,
  policyFormProblems,
  type PolicyLike,
  sortQueue,
  updatePolicyInput,
  wholeMonthsBetween,
} from './policies';

const policy: PolicyLike = {
  id: 'p1',
  code: 'STARTUP_RENT',
  title: '起步区房租补贴',
  kind: 'RENT_SUBSIDY',
  basis: '吕政办发〔2025〕10号',
  budget: '2000000.00',
  granted: '76000.00',
  maxAmountPerTenant: '60000.00',
  validFrom: '2025-06-01',
  validTo: '2027-12-31',
  eligibility: {
    zoneKinds: ['STARTUP'],
    requiredCertifications: null,
    industryChains: null,
    minMonthsResident: 3,
  },
};

const app = (
  status: 'SUBMITTED' | 'APPROVED' | 'DISBURSED' | 'REJECTED' | 'WITHDRAWN',
  tenant: string,
  granted: string | null,
  policyId = 'p1',
) => ({ status, grantedAmount: granted, policy: { id: policyId }, tenant: { id: tenant } });

describe('the budget bar', () => {
  it('shows granted of the budget, exact, and the width as a percentage', () => {
    expect(
      budgetBar({ budget: '15000000.00', granted: '5300000.00', remaining: '9700000.00' }),
    ).toEqual({
      budget: '15000000.00',
      granted: '5300000.00',
      remaining: '9700000.00',
      percent: 35.3,
    });
  });

  it('works out what is left when the API did not send it, without floats', () => {
    expect(budgetRemaining('0.30', '0.10')).toBe('0.20');
    expect(budgetBar({ budget: '1000.00', granted: '1000.00' })).toMatchObject({
      remaining: '0.00',
      percent: 100,
    });
  });

  it('is empty for a budget nothing is granted of', () => {
    expect(budgetBar({ budget: '500.00', granted: '0.00' }).percent).toBe(0);
  });
});

describe('grants', () => {
  const apps = [
    app('DISBURSED', 't1', '36000.00'),
    app('APPROVED', 't1', '10000.00'),
    app('APPROVED', 't2', '40000.00'),
    app('SUBMITTED', 't1', null),
    app('REJECTED', 't2', null),
    app('APPROVED', 't1', '99999.00', 'p2'),
  ];

  it('counts approved and disbursed amounts of one firm under one policy', () => {
    expect(grantedToTenant(apps, 'p1', 't1')).toBe('46000.00');
    expect(grantedToTenant(apps, 'p1', 't3')).toBe('0.00');
  });

  it('knows the most granted to one firm: the floor of the cap', () => {
    expect(mostGrantedToOneTenant(apps, 'p1')).toBe('46000.00');
    expect(mostGrantedToOneTenant([], 'p1')).toBe('0.00');
  });

  it('leaves the smaller of the budget and the firm cap', () => {
    expect(grantRoom(policy, '46000.00')).toEqual({
      left: '1924000.00',
      tenantLeft: '14000.00',
      most: '14000.00',
    });
    expect(
      grantRoom({ budget: '100.00', granted: '90.00', maxAmountPerTenant: null }, '0'),
    ).toEqual({ left: '10.00', tenantLeft: null, most: '10.00' });
    expect(grantRoom({ budget: '100.00', granted: '100.00' }, '0').most).toBe('0.00');
  });
});

describe('the decision form', () => {
  it('starts as an approval of the requested amount', () => {
    expect(decisionDefaults({ requestedAmount: '60000' })).toEqual({
      approve: true,
      grantedAmount: '60000.00',
      note: '',
    });
  });

  it('takes money up to the requested amount, leaving the budget to the API', () => {
    expect(grantedAmountProblem('60000.00', '60000.00')).toBeNull();
    expect(grantedAmountProblem(' 59999.99 ', '60000.00')).toBeNull();
    expect(grantedAmountProblem('60000.01', '60000.00')).toBe('moreThanRequested');
    expect(grantedAmountProblem('', '60000.00')).toBe('required');
    expect(grantedAmountProblem('12.345', '60000.00')).toBe('format');
    expect(grantedAmountProblem('-1', '60000.00')).toBe('format');
    expect(grantedAmountProblem('0', '60000.00')).toBe('positive');
  });

  it('needs a note to reject only', () => {
    expect(noteProblem('', false)).toBe('required');
    expect(noteProblem('   ', false)).toBe('required');
    expect(noteProblem('', true)).toBeNull();
    expect(noteProblem('不符合条件', false)).toBeNull();
    expect(noteProblem('x'.repeat(2001), true)).toBe('long');
  });

  it('sends an approval with its amount, a rejection with its note only', () => {
    expect(decideInput('a1', { approve: true, grantedAmount: ' 500.00 ', note: ' ' })).toEqual({
      id: 'a1',
      approve: true,
      grantedAmount: '500.00',
    });
    expect(decideInput('a1', { approve: true, grantedAmount: '500', note: '按七成核定' })).toEqual({
      id: 'a1',
      approve: true,
      grantedAmount: '500',
      note: '按七成核定',
    });
    expect(decideInput('a1', { approve: false, grantedAmount: '500', note: ' 材料不全 ' })).toEqual(
      {
        id: 'a1',
        approve: false,
        note: '材料不全',
      },
    );
  });

  it('decides only what is submitted and disburses only what is approved', () => {
    expect(mayDecide('SUBMITTED')).toBe(true);
    expect(mayDecide('APPROVED')).toBe(false);
    expect(mayDisburse('APPROVED')).toBe(true);
    expect(mayDisburse('SUBMITTED')).toBe(false);
    expect(mayDisburse('DISBURSED')).toBe(false);
  });
});

describe('the queue', () => {
  const apps = [
    { id: '1', status: 'REJECTED' as const, policy: { id: 'p1' } },
    { id: '2', status: 'SUBMITTED' as const, policy: { id: 'p2' } },
    { id: '3', status: 'APPROVED' as const, policy: { id: 'p1' } },
    { id: '4', status: 'SUBMITTED' as const, policy: { id: 'p1' } },
  ];

  it('puts SUBMITTED first, keeping the order within a status', () => {
    expect(sortQueue(apps).map((a) => a.id)).toEqual(['2', '4', '3', '1']);
  });

  it('filters by status and by policy', () => {
    expect(filterQueue(apps, { status: 'SUBMITTED' }).map((a) => a.id)).toEqual(['2', '4']);
    expect(filterQueue(apps, { policyId: 'p1' }).map((a) => a.id)).toEqual(['1', '3', '4']);
    expect(filterQueue(apps, { status: 'SUBMITTED', policyId: 'p1' }).map((a) => a.id)).toEqual([
      '4',
    ]);
    expect(filterQueue(apps, { status: '', policyId: null })).toHaveLength(4);
  });
});

describe('the policy form', () => {
  it('creates with the rule as the input defines it, leaving out what is not set', () => {
    const values = {
      ...emptyPolicyForm('2026-03-01'),
      code: 'TALENT_2026',
      title: ' 人才安居补贴 ',
      kind: 'TALENT' as const,
      basis: '《吕梁市支持科技创新若干措施》',
      budget: '300000',
      requiredCertifications: ['HIGH_TECH' as const],
    };
    expect(createPolicyInput(values)).toEqual({
      code: 'TALENT_2026',
      title: '人才安居补贴',
      kind: 'TALENT',
      basis: '《吕梁市支持科技创新若干措施》',
      budget: '300000',
      validFrom: '2026-03-01',
      eligibility: {
        zoneKinds: [],
        requiredCertifications: ['HIGH_TECH'],
        industryChains: [],
        minMonthsResident: null,
      },
    });
    expect(
      createPolicyInput({
        ...values,
        maxAmountPerTenant: '50000',
        validTo: '2026-12-31',
        minMonthsResident: '6',
      }),
    ).toMatchObject({
      maxAmountPerTenant: '50000',
      validTo: '2026-12-31',
      eligibility: { minMonthsResident: 6 },
    });
  });

  it('updates only what changed', () => {
    const values = policyFormOf(policy);
    expect(updatePolicyInput(policy, values)).toEqual({ id: 'p1' });
    expect(changesAnything(updatePolicyInput(policy, values))).toBe(false);
    expect(updatePolicyInput(policy, { ...values, budget: '2000000' })).toEqual({ id: 'p1' });
    expect(updatePolicyInput(policy, { ...values, budget: '80000.00', title: '新名称' })).toEqual({
      id: 'p1',
      budget: '80000.00',
      title: '新名称',
    });
    expect(
      updatePolicyInput(policy, { ...values, zoneKinds: ['STARTUP', 'EXPANSION'] }).eligibility,
    ).toEqual({
      zoneKinds: ['STARTUP', 'EXPANSION'],
      requiredCertifications: [],
      industryChains: [],
      minMonthsResident: 3,
    });
    expect(updatePolicyInput(policy, { ...values, maxAmountPerTenant: '70000' })).toEqual({
      id: 'p1',
      maxAmountPerTenant: '70000',
    });
  });

  it('checks what is typed, and leaves the budget and cap floors to the API', () => {
    const values = policyFormOf(policy);
    const edit = { hadCap: true, hadValidTo: true, validFrom: policy.validFrom };
    expect(policyFormProblems(values, edit)).toEqual({});
    expect(policyFormProblems({ ...values, budget: '1.00' }, edit)).toEqual({});
    expect(
      policyFormProblems({ ...values, budget: '1.234', maxAmountPerTenant: '', validTo: '' }, edit),
    ).toEqual({ budget: 'money', maxAmountPerTenant: 'capCleared', validTo: 'validToCleared' });
    expect(policyFormProblems({ ...values, validTo: '2025-05-31' }, edit)).toEqual({
      validTo: 'validTo',
    });
    expect(policyFormProblems(emptyPolicyForm('2026-01-01'))).toEqual({
      code: 'required',
      kind: 'required',
      title: 'required',
      basis: 'required',
      budget: 'required',
    });
    expect(
      policyFormProblems({
        ...values,
        code: 'bad code',
        budget: '0',
        validFrom: '2026-02-30',
        minMonthsResident: '1.5',
      }),
    ).toEqual({ code: 'code', budget: 'positive', validFrom: 'date', minMonthsResident: 'months' });
  });
});

describe('the rule beside the firm facts', () => {
  const facts = {
    zone: { kind: 'STARTUP' as const },
    industryChain: 'AI_PLUS' as const,
    enteredOn: '2025-11-30',
    exitedOn: null,
    certifications: [
      { kind: 'HIGH_TECH' as const, issuedOn: '2024-01-01', expiresOn: '2026-12-31' },
      { kind: 'SRDI' as const, issuedOn: '2023-01-01', expiresOn: '2025-12-31' },
    ],
  };

  it('counts whole months as the API does', () => {
    expect(wholeMonthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(wholeMonthsBetween('2025-01-31', '2025-02-27')).toBe(0);
    expect(wholeMonthsBetween('2025-11-30', '2026-02-28')).toBe(3);
    expect(wholeMonthsBetween('2025-11-30', '2026-02-27')).toBe(2);
  });

  it('checks each condition against the fact', () => {
    const checks = checkRule(
      {
        zoneKinds: ['STARTUP'],
        requiredCertifications: ['HIGH_TECH', 'SRDI'],
        industryChains: ['HYDROGEN'],
        minMonthsResident: 3,
      },
      facts,
      '2026-02-28',
    );
    expect(checks).toEqual([
      { condition: 'resident', met: true, enteredOn: '2025-11-30', exitedOn: null },
      { condition: 'zone', met: true, fact: 'STARTUP', wanted: ['STARTUP'] },
      { condition: 'chain', met: false, fact: 'AI_PLUS', wanted: ['HYDROGEN'] },
      {
        condition: 'certification',
        met: true,
        wanted: 'HIGH_TECH',
        valid: { issuedOn: '2024-01-01', expiresOn: '2026-12-31' },
      },
      { condition: 'certification', met: false, wanted: 'SRDI', valid: null },
      { condition: 'months', met: true, months: 3, wanted: 3 },
    ]);
    expect(meetsRule(checks)).toBe(false);
  });

  it('has only residence to check for an open rule', () => {
    const checks = checkRule({}, facts, '2026-01-01');
    expect(checks).toHaveLength(1);
    expect(meetsRule(checks)).toBe(true);
    expect(meetsRule(checkRule({}, { ...facts, exitedOn: '2025-12-31' }, '2026-01-01'))).toBe(
      false,
    );
  });
});
