import { describe, expect, it } from '@jest/globals';
import type { BenefitStatus } from '../gql/graphql';
import {
  amountInput,
  amountProblem,
  applyBlock,
  BENEFIT_STATUSES,
  BENEFIT_TONES,
  capLeft,
  grantedToFirm,
  mayWithdraw,
  reliefLeft,
  showsRelieved,
} from './benefits';

const app = (policyId: string, status: BenefitStatus, grantedAmount: string | null = null) => ({
  policy: { id: policyId },
  status,
  grantedAmount,
});

describe('benefit statuses', () => {
  it('are the API’s, each with a colour', () => {
    expect([...BENEFIT_STATUSES].sort()).toEqual([
      'APPROVED',
      'DISBURSED',
      'REJECTED',
      'SUBMITTED',
      'WITHDRAWN',
    ]);
    expect(Object.keys(BENEFIT_TONES).sort()).toEqual([...BENEFIT_STATUSES].sort());
  });

  it('only a SUBMITTED application may be withdrawn', () => {
    expect(BENEFIT_STATUSES.filter(mayWithdraw)).toEqual(['SUBMITTED']);
  });
});

describe('what the firm was granted and may still ask for', () => {
  const apps = [
    app('p1', 'DISBURSED', '2800000.00'),
    app('p1', 'APPROVED', '0.10'),
    app('p1', 'SUBMITTED'),
    app('p1', 'REJECTED'),
    app('p1', 'WITHDRAWN'),
    app('p2', 'APPROVED', '40000'),
  ];

  it('adds approved and disbursed grants of the policy, exactly', () => {
    expect(grantedToFirm(apps, 'p1')).toBe('2800000.10');
    expect(grantedToFirm(apps, 'p2')).toBe('40000.00');
    expect(grantedToFirm(apps, 'p3')).toBe('0.00');
  });

  it('is the cap minus the grants, never below 0, and nothing without a cap', () => {
    expect(capLeft('3000000.00', '2800000.10')).toBe('199999.90');
    expect(capLeft('60000', '60000')).toBe('0.00');
    expect(capLeft('100', '150')).toBe('0.00');
    expect(capLeft(null, '10')).toBeNull();
    expect(capLeft(undefined, '10')).toBeNull();
  });
});

describe('whether the firm may apply at all', () => {
  it('not when the budget is used up, nor when the cap leaves nothing', () => {
    expect(applyBlock('0.00', '100.00')).toBe('budgetUsedUp');
    expect(applyBlock('0', null)).toBe('budgetUsedUp');
    expect(applyBlock('4300000.00', '0.00')).toBe('capReached');
    expect(applyBlock('4300000.00', '0.01')).toBeNull();
    expect(applyBlock('0.01', null)).toBeNull();
  });
});

describe('a typed amount', () => {
  it('is refused when empty, not money, or not more than 0', () => {
    expect(amountProblem('')).toBe('required');
    expect(amountProblem('   ')).toBe('required');
    expect(amountProblem(undefined)).toBe('required');
    for (const bad of ['1,000', '1e5', '-5', '12.345', 'abc', '0x10', '1 000']) {
      expect(amountProblem(bad)).toBe('format');
    }
    expect(amountProblem('0')).toBe('positive');
    expect(amountProblem('0.00')).toBe('positive');
  });

  it('is taken as typed, trimmed: digits with at most two decimals', () => {
    for (const good of ['1', '0.01', '50000', '50000.5', ' 200000.00 ']) {
      expect(amountProblem(good)).toBeNull();
    }
    expect(amountInput(' 200000.00 ')).toBe('200000.00');
  });
});

describe('relief on the rent bills', () => {
  const rule = { steps: [{ fromMonth: 1, toMonth: 12, share: '1' }] };

  it('shows for a grant under a policy that relieves rent, only', () => {
    expect(showsRelieved({ status: 'APPROVED', policy: { rentRelief: rule } })).toBe(true);
    expect(showsRelieved({ status: 'DISBURSED', policy: { rentRelief: rule } })).toBe(true);
    for (const status of ['SUBMITTED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(showsRelieved({ status, policy: { rentRelief: rule } })).toBe(false);
    }
    expect(showsRelieved({ status: 'APPROVED', policy: { rentRelief: null } })).toBe(false);
    expect(showsRelieved({ status: 'APPROVED', policy: {} })).toBe(false);
  });

  it('leaves the grant minus what was relieved, exactly, never below 0', () => {
    expect(reliefLeft('60000.00', '12345.67')).toBe('47654.33');
    expect(reliefLeft('0.30', '0.10')).toBe('0.20');
    expect(reliefLeft('100', '100.00')).toBe('0.00');
    expect(reliefLeft(null, '0.00')).toBe('0.00');
  });
});
