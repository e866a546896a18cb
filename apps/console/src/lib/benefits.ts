import Decimal from 'decimal.js';
import type { BenefitStatus } from '../gql/graphql';
import { isMoneyText } from './numbers';
import type { Tone } from './service-requests';

/**
 * What the benefits page works out itself (domain.md, "Policy benefits"; libs/benefits). Money
 * stays a Decimal string throughout.
 */

export const BENEFIT_STATUSES: readonly BenefitStatus[] = [
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'DISBURSED',
  'WITHDRAWN',
];

export const BENEFIT_TONES: Readonly<Record<BenefitStatus, Tone>> = {
  SUBMITTED: 'blue',
  APPROVED: 'green',
  REJECTED: 'red',
  DISBURSED: 'teal',
  WITHDRAWN: 'gray',
};

/** Statuses whose granted amount counts against the budget and the per-firm cap. */
export const GRANTED_STATUSES: readonly BenefitStatus[] = ['APPROVED', 'DISBURSED'];

/** A firm takes back only an application not yet decided. */
export function mayWithdraw(status: BenefitStatus): boolean {
  return status === 'SUBMITTED';
}

interface ApplicationLike {
  status: BenefitStatus;
  grantedAmount?: string | null;
  policy: { id: string };
}

/** What the firm has been granted under a policy (approved and disbursed), as a Decimal string. */
export function grantedToFirm(applications: readonly ApplicationLike[], policyId: string): string {
  return applications
    .filter((a) => a.policy.id === policyId && GRANTED_STATUSES.includes(a.status))
    .reduce((acc, a) => acc.plus(a.grantedAmount ?? '0'), new Decimal(0))
    .toFixed(2);
}

/**
 * What the per-firm cap still leaves the firm (cap minus what it was granted, never below 0),
 * or null when the policy has no cap. The API refuses a larger request on `requestedAmount`.
 */
export function capLeft(cap: string | null | undefined, granted: string): string | null {
  if (cap === null || cap === undefined) return null;
  return Decimal.max(0, new Decimal(cap).minus(granted)).toFixed(2);
}

/**
 * Why applying makes no sense now, or null: the cap leaves the firm nothing (the API would refuse
 * any amount on requestedAmount), or the budget is used up (refused as a CONFLICT).
 */
export function applyBlock(
  remaining: string,
  left: string | null,
): 'capReached' | 'budgetUsedUp' | null {
  if (new Decimal(remaining).lte(0)) return 'budgetUsedUp';
  if (left !== null && new Decimal(left).lte(0)) return 'capReached';
  return null;
}

export type AmountProblem = 'required' | 'format' | 'positive';

/**
 * Why a typed amount cannot be sent, or null: money is digits with at most two decimals and the
 * API asks for more than zero. Whether it fits the cap is the API's to say.
 */
export function amountProblem(text: string | null | undefined): AmountProblem | null {
  const value = (text ?? '').trim();
  if (!value) return 'required';
  if (!isMoneyText(value)) return 'format';
  if (new Decimal(value).lte(0)) return 'positive';
  return null;
}

/** A typed amount as the API takes it (trimmed; a Decimal string, never a float). */
export function amountInput(text: string): string {
  return text.trim();
}

/**
 * Whether an application's relief on the rent bills is shown: a grant (approved or disbursed)
 * under a RENT_SUBSIDY policy with a rent relief rule (BenefitApplication.relieved).
 */
export function showsRelieved(application: {
  status: BenefitStatus;
  policy: { rentRelief?: unknown };
}): boolean {
  return GRANTED_STATUSES.includes(application.status) && !!application.policy.rentRelief;
}

/** What a grant still has to relieve: granted − relieved, never below 0, two decimals. */
export function reliefLeft(grantedAmount: string | null | undefined, relieved: string): string {
  return Decimal.max(0, new Decimal(grantedAmount ?? '0').minus(relieved)).toFixed(2);
}
