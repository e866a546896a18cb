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
  emptyReliefStep,
  isShareText,
  filterQueue,
  grantedAmountProblem,
  grantedToTenant,
  grantRoom,
  mayDecide,
  mayDisburse,
  meetsRule,
  mostGrantedToOneTenant,
  noteProblem,
  placeReliefErrors,
  policyFormOf,
  policyFormProblems,
  type PolicyLike,
  reliefIsValid,
  reliefOn,
  reliefProblems,
  reliefWords,
  type ReliefStepValues,
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

describe('the rent relief rule', () => {
  const step = (fromMonth: string, toMonth: string, share: string): ReliefStepValues => ({
    fromMonth,
    toMonth,
    share,
  });
  const rentForm = {
    ...emptyPolicyForm('2026-03-01'),
    code: 'RENT_2026',
    title: '起步区房租减免',
    kind: 'RENT_SUBSIDY' as const,
    basis: '参照武昌区做法',
    budget: '500000',
    rentRelief: true,
    steps: [step('1', '12', '1'), step(' 13 ', '36', '0.5')],
    maxRatePerSqm: '80',
    maxArea: ' 1000.00 ',
  };

  it('starts off, with one step from month 1; a new step starts after the last', () => {
    const empty = emptyPolicyForm('2026-01-01');
    expect(empty.rentRelief).toBe(false);
    expect(empty.steps).toEqual([step('1', '', '')]);
    expect(emptyReliefStep([step('1', '12', '1')])).toEqual(step('13', '', ''));
    expect(emptyReliefStep([step('1', 'x', '1')])).toEqual(step('', '', ''));
    expect(emptyReliefStep([step('1', '1200', '1')])).toEqual(step('', '', ''));
  });

  it('is sent only for a RENT_SUBSIDY policy with the box ticked, limits only when set', () => {
    expect(reliefOn(rentForm)).toBe(true);
    expect(reliefOn({ ...rentForm, rentRelief: false })).toBe(false);
    expect(reliefOn({ ...rentForm, kind: 'TALENT' })).toBe(false);
    expect(createPolicyInput(rentForm).rentRelief).toEqual({
      steps: [
        { fromMonth: 1, toMonth: 12, share: '1' },
        { fromMonth: 13, toMonth: 36, share: '0.5' },
      ],
      maxRatePerSqm: '80',
      maxArea: '1000.00',
    });
    expect(createPolicyInput({ ...rentForm, maxRatePerSqm: '', maxArea: ' ' }).rentRelief).toEqual({
      steps: [
        { fromMonth: 1, toMonth: 12, share: '1' },
        { fromMonth: 13, toMonth: 36, share: '0.5' },
      ],
    });
    expect(createPolicyInput({ ...rentForm, rentRelief: false })).not.toHaveProperty('rentRelief');
    expect(createPolicyInput({ ...rentForm, kind: 'OTHER' })).not.toHaveProperty('rentRelief');
  });

  it('comes back into the form from the policy, and an edit never sends it', () => {
    const rule = {
      steps: [{ fromMonth: 1, toMonth: 12, share: '1' }],
      maxRatePerSqm: '80.00',
      maxArea: null,
    };
    const values = policyFormOf({ ...policy, rentRelief: rule });
    expect(values).toMatchObject({
      rentRelief: true,
      steps: [step('1', '12', '1')],
      maxRatePerSqm: '80.00',
      maxArea: '',
    });
    expect(updatePolicyInput({ ...policy, rentRelief: rule }, values)).toEqual({ id: 'p1' });
    expect(policyFormOf(policy)).toMatchObject({ rentRelief: false, steps: [step('1', '', '')] });
  });

  it('checks months, shares and order as the API does', () => {
    expect(reliefProblems(rentForm.steps)).toEqual({ byStep: [{}, {}] });
    expect(reliefIsValid(reliefProblems(rentForm.steps))).toBe(true);
    expect(
      reliefProblems([
        step('', '', ''),
        step('0', '1201', '0'),
        step('1.5', 'x', '1.00001'),
        step('20', '10', '1.5'),
        step('30', '30', '0.0001'),
      ]).byStep,
    ).toEqual([
      { fromMonth: 'required', toMonth: 'required', share: 'required' },
      { fromMonth: 'month', toMonth: 'month', share: 'share' },
      { fromMonth: 'month', toMonth: 'month', share: 'share' },
      { toMonth: 'toBeforeFrom', share: 'share' },
      {},
    ]);
    expect(reliefProblems([]).steps).toBe('noSteps');
    expect(
      reliefProblems(Array.from({ length: 25 }, (_, i) => step(`${i + 1}`, `${i + 1}`, '1'))).steps,
    ).toBe('tooManySteps');
    expect(reliefIsValid(reliefProblems([step('1', '12', '2')]))).toBe(false);
  });

  it('tells the step later in month order which step it overlaps, on its fromMonth', () => {
    expect(reliefProblems([step('1', '12', '1'), step('12', '24', '0.5')]).byStep).toEqual([
      {},
      { fromMonth: 'overlap', overlaps: 0 },
    ]);
    // Listed out of order: the one starting later is told.
    expect(
      reliefProblems([step('13', '36', '0.5'), step('1', '12', '1'), step('6', '8', '1')]).byStep,
    ).toEqual([{}, {}, { fromMonth: 'overlap', overlaps: 1 }]);
    // Touching steps do not overlap; a step with a broken month is left out of the comparison.
    expect(reliefProblems([step('1', '12', '1'), step('13', '13', '1')]).byStep).toEqual([{}, {}]);
    expect(reliefProblems([step('1', '12', '1'), step('5', 'x', '1')]).byStep).toEqual([
      {},
      { toMonth: 'month' },
    ]);
  });

  it('takes shares above 0 up to 1 with four decimals at most', () => {
    for (const good of ['1', '0.5', '0.0001', '1.0000', ' 0.3333 ']) {
      expect(isShareText(good)).toBe(true);
    }
    for (const bad of ['0', '0.00', '1.0001', '2', '-0.5', '0.12345', '50%', '', '.5']) {
      expect(isShareText(bad)).toBe(false);
    }
  });

  it('checks the limits as money above 0, only when the rule is sent', () => {
    expect(policyFormProblems({ ...rentForm, maxRatePerSqm: '0', maxArea: '12.345' })).toEqual({
      maxRatePerSqm: 'limit',
      maxArea: 'limit',
    });
    expect(
      policyFormProblems({
        ...rentForm,
        maxRatePerSqm: '999999999999.99',
        maxArea: '1000000000000',
      }),
    ).toEqual({ maxArea: 'limit' });
    expect(
      policyFormProblems({ ...rentForm, rentRelief: false, maxRatePerSqm: '0', maxArea: 'x' }),
    ).toEqual({});
    expect(policyFormProblems(rentForm)).toEqual({});
  });

  it('puts the API refusals by the step it numbers, or by the list', () => {
    const fields = [
      { field: 'input.rentRelief.steps.1.share', message: 'share too big' },
      { field: 'steps[0].fromMonth', message: 'from bad' },
      { field: 'fromMonth', message: 'steps must not overlap' },
      { field: 'steps', message: 'must hold 1 to 24 steps' },
      { field: 'budget', message: 'not mine' },
      { field: 'rentRelief.steps.7.toMonth', message: 'no such step' },
    ];
    expect(placeReliefErrors(fields, 2)).toEqual({
      byStep: [
        { index: 1, field: 'share', message: 'share too big' },
        { index: 0, field: 'fromMonth', message: 'from bad' },
      ],
      list: [
        { field: 'fromMonth', message: 'steps must not overlap' },
        { field: 'steps', message: 'must hold 1 to 24 steps' },
        { field: 'toMonth', message: 'no such step' },
      ],
    });
    // With one step, a step field the API does not number is that step's.
    expect(placeReliefErrors([{ field: 'share', message: 'bad' }], 1).byStep).toEqual([
      { index: 0, field: 'share', message: 'bad' },
    ]);
  });

  it('reads in words: steps in month order, shares as free, half or a percentage', () => {
    expect(
      reliefWords({
        steps: [
          { fromMonth: 13, toMonth: 36, share: '0.5' },
          { fromMonth: 1, toMonth: 12, share: '1' },
          { fromMonth: 37, toMonth: 37, share: '0.3333' },
        ],
        maxRatePerSqm: '80.00',
        maxArea: '1000.50',
      }),
    ).toEqual({
      steps: [
        { fromMonth: 1, toMonth: 12, share: { kind: 'free' } },
        { fromMonth: 13, toMonth: 36, share: { kind: 'half' } },
        { fromMonth: 37, toMonth: 37, share: { kind: 'percent', percent: '33.33' } },
      ],
      maxRatePerSqm: '80',
      maxArea: '1000.5',
    });
    expect(reliefWords({ steps: [], maxRatePerSqm: null })).toEqual({
      steps: [],
      maxRatePerSqm: null,
      maxArea: null,
    });
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
