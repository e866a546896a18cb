import Decimal from 'decimal.js';
import type {
  BenefitStatus,
  CertificationKind,
  IndustryChain,
  PolicyKind,
  Role,
  ZoneKind,
} from '../gql/graphql';
import { isIsoDate } from './dates';
import type { FieldProblem } from './api-errors';
import { isMoneyText, progressPercent } from './numbers';

/**
 * What the committee's policies page works out itself (domain.md, "Policy benefits";
 * libs/benefits): a policy's budget bar, the room left for a grant, the decision form's defaults
 * and limits, the policy form's input, and the eligibility rule checked against a firm's facts.
 * Money stays a Decimal string throughout; the API has the last word on every limit.
 */

/**
 * The roles that may create and correct policies, decide applications and mark them disbursed
 * (libs/benefits: createPolicy, updatePolicy, decideBenefit, markBenefitDisbursed). Every other
 * role reads.
 */
export const POLICY_WRITERS: readonly Role[] = ['ADMIN', 'POLICY_OFFICER'];

export function mayManagePolicies(role: Role): boolean {
  return POLICY_WRITERS.includes(role);
}

export const POLICY_KINDS: readonly PolicyKind[] = [
  'SCENARIO_SUBSIDY',
  'RENT_SUBSIDY',
  'RD_SUBSIDY',
  'TALENT',
  'FINANCING',
  'OTHER',
];
export const ZONE_KINDS: readonly ZoneKind[] = ['STARTUP', 'EXPANSION'];
export const CERTIFICATION_KINDS: readonly CertificationKind[] = ['HIGH_TECH', 'SRDI', 'TECH_SME'];
export const INDUSTRY_CHAINS: readonly IndustryChain[] = [
  'AI_PLUS',
  'HYDROGEN',
  'CARBON_MATERIALS',
  'SPECIAL_STEEL',
  'SOLID_WASTE',
  'OTHER',
];

/** The queue's order of statuses: what waits for a decision first, then what waits for payment. */
export const QUEUE_ORDER: readonly BenefitStatus[] = [
  'SUBMITTED',
  'APPROVED',
  'DISBURSED',
  'REJECTED',
  'WITHDRAWN',
];

/** Statuses whose granted amount counts against the budget and the per-firm cap. */
const GRANTED: readonly BenefitStatus[] = ['APPROVED', 'DISBURSED'];

const money = (d: Decimal) => d.toFixed(2);

// ---------------------------------------------------------------------------------------------
// Budget

export interface BudgetBar {
  budget: string;
  granted: string;
  /** budget − granted as the API gives it (never recomputed when the API sent it). */
  remaining: string;
  /** granted / budget as 0 to 100, one decimal: the bar's width. */
  percent: number;
}

/** A policy's budget bar: what is granted of the budget and what is left. */
export function budgetBar(policy: {
  budget: string;
  granted: string;
  remaining?: string;
}): BudgetBar {
  return {
    budget: policy.budget,
    granted: policy.granted,
    remaining: policy.remaining ?? budgetRemaining(policy.budget, policy.granted),
    percent: progressPercent(policy.granted, policy.budget),
  };
}

/** budget − granted, two decimals (the API's `remaining`). */
export function budgetRemaining(budget: string, granted: string): string {
  return money(new Decimal(budget).minus(granted));
}

interface ApplicationLike {
  status: BenefitStatus;
  grantedAmount?: string | null;
  policy: { id: string };
  tenant: { id: string };
}

/** What a firm has been granted under a policy (approved and disbursed). */
export function grantedToTenant(
  applications: readonly ApplicationLike[],
  policyId: string,
  tenantId: string,
): string {
  return money(
    applications
      .filter(
        (a) => a.policy.id === policyId && a.tenant.id === tenantId && GRANTED.includes(a.status),
      )
      .reduce((acc, a) => acc.plus(a.grantedAmount ?? '0'), new Decimal(0)),
  );
}

/** The most any one firm has been granted under a policy: the floor of its cap. */
export function mostGrantedToOneTenant(
  applications: readonly ApplicationLike[],
  policyId: string,
): string {
  const byTenant = new Map<string, Decimal>();
  for (const a of applications) {
    if (a.policy.id !== policyId || !GRANTED.includes(a.status)) continue;
    byTenant.set(
      a.tenant.id,
      (byTenant.get(a.tenant.id) ?? new Decimal(0)).plus(a.grantedAmount ?? '0'),
    );
  }
  return money([...byTenant.values()].reduce((m, v) => Decimal.max(m, v), new Decimal(0)));
}

export interface GrantRoom {
  /** What the budget has left (never below 0). */
  left: string;
  /** What the per-firm cap leaves the firm, or null without a cap. */
  tenantLeft: string | null;
  /** The most that may be granted now: the smaller of the two. */
  most: string;
}

/** How much can still be granted to a firm under a policy (as the API's grant-room.ts works it). */
export function grantRoom(
  policy: { budget: string; granted: string; maxAmountPerTenant?: string | null },
  tenantGranted: string,
): GrantRoom {
  const left = Decimal.max(0, new Decimal(policy.budget).minus(policy.granted));
  const cap = policy.maxAmountPerTenant;
  const tenantLeft =
    cap === null || cap === undefined
      ? null
      : Decimal.max(0, new Decimal(cap).minus(tenantGranted));
  return {
    left: money(left),
    tenantLeft: tenantLeft === null ? null : money(tenantLeft),
    most: money(tenantLeft === null ? left : Decimal.min(left, tenantLeft)),
  };
}

// ---------------------------------------------------------------------------------------------
// Decisions

/** The decision form starts as an approval of the whole requested amount. */
export function decisionDefaults(application: { requestedAmount: string }): {
  approve: boolean;
  grantedAmount: string;
  note: string;
} {
  return {
    approve: true,
    grantedAmount: money(new Decimal(application.requestedAmount)),
    note: '',
  };
}

export type GrantProblem = 'required' | 'format' | 'positive' | 'moreThanRequested';

/**
 * Why a granted amount cannot be sent, or null. Money with at most two decimals, more than zero
 * and not more than requested (decideBenefit's own limits). Whether the budget or the firm's cap
 * leaves room for it is the API's to say: it answers CONFLICT, saying what is left.
 */
export function grantedAmountProblem(
  text: string | null | undefined,
  requestedAmount: string,
): GrantProblem | null {
  const value = (text ?? '').trim();
  if (!value) return 'required';
  if (!isMoneyText(value)) return 'format';
  const amount = new Decimal(value);
  if (amount.lte(0)) return 'positive';
  if (amount.gt(requestedAmount)) return 'moreThanRequested';
  return null;
}

/** A note is required to reject; an approval's note is optional. At most 2000 characters. */
export function noteProblem(
  note: string | null | undefined,
  approve: boolean,
): 'required' | 'long' | null {
  const value = (note ?? '').trim();
  if (!approve && !value) return 'required';
  if (value.length > 2000) return 'long';
  return null;
}

export interface DecideInput {
  id: string;
  approve: boolean;
  grantedAmount?: string;
  note?: string;
}

/** decideBenefit's input: an approval with its amount, a rejection with its note only. */
export function decideInput(
  id: string,
  values: { approve: boolean; grantedAmount?: string | null; note?: string | null },
): DecideInput {
  const note = (values.note ?? '').trim();
  if (!values.approve) return { id, approve: false, note };
  return {
    id,
    approve: true,
    grantedAmount: (values.grantedAmount ?? '').trim(),
    ...(note ? { note } : {}),
  };
}

/** Mark disbursed only what was approved. */
export function mayDisburse(status: BenefitStatus): boolean {
  return status === 'APPROVED';
}

export function mayDecide(status: BenefitStatus): boolean {
  return status === 'SUBMITTED';
}

/** The queue: SUBMITTED first, then APPROVED, …; within a status, the API's order (newest first). */
export function sortQueue<T extends { status: BenefitStatus }>(applications: readonly T[]): T[] {
  return applications
    .map((a, i) => ({ a, i }))
    .sort((x, y) => QUEUE_ORDER.indexOf(x.a.status) - QUEUE_ORDER.indexOf(y.a.status) || x.i - y.i)
    .map(({ a }) => a);
}

/** The queue's filters: a status and a policy, each empty for all. */
export function filterQueue<T extends { status: BenefitStatus; policy: { id: string } }>(
  applications: readonly T[],
  filter: { status?: BenefitStatus | '' | null; policyId?: string | null },
): T[] {
  return applications.filter(
    (a) =>
      (!filter.status || a.status === filter.status) &&
      (!filter.policyId || a.policy.id === filter.policyId),
  );
}

// ---------------------------------------------------------------------------------------------
// The policy form

export interface RuleInput {
  zoneKinds: ZoneKind[];
  requiredCertifications: CertificationKind[];
  industryChains: IndustryChain[];
  minMonthsResident: number | null;
}

export interface RuleLike {
  zoneKinds?: readonly ZoneKind[] | null;
  requiredCertifications?: readonly CertificationKind[] | null;
  industryChains?: readonly IndustryChain[] | null;
  minMonthsResident?: number | null;
}

/** What the policy form edits; every text as typed. */
export interface PolicyFormValues {
  code: string;
  title: string;
  kind: PolicyKind | '';
  basis: string;
  budget: string;
  maxAmountPerTenant: string;
  validFrom: string;
  validTo: string;
  zoneKinds: ZoneKind[];
  requiredCertifications: CertificationKind[];
  industryChains: IndustryChain[];
  minMonthsResident: string;
  /** Whether a RENT_SUBSIDY policy relieves rent on the bills (the rentRelief input is sent). */
  rentRelief: boolean;
  steps: ReliefStepValues[];
  maxRatePerSqm: string;
  maxArea: string;
}

export interface PolicyLike {
  id: string;
  code: string;
  title: string;
  kind: PolicyKind;
  basis: string;
  budget: string;
  granted: string;
  maxAmountPerTenant?: string | null;
  validFrom: string;
  validTo?: string | null;
  eligibility: RuleLike;
  rentRelief?: RentReliefLike | null;
}

export function emptyPolicyForm(today: string): PolicyFormValues {
  return {
    code: '',
    title: '',
    kind: '',
    basis: '',
    budget: '',
    maxAmountPerTenant: '',
    validFrom: today,
    validTo: '',
    zoneKinds: [],
    requiredCertifications: [],
    industryChains: [],
    minMonthsResident: '',
    rentRelief: false,
    steps: [emptyReliefStep([])],
    maxRatePerSqm: '',
    maxArea: '',
  };
}

export function policyFormOf(policy: PolicyLike): PolicyFormValues {
  const r = policy.eligibility;
  return {
    code: policy.code,
    title: policy.title,
    kind: policy.kind,
    basis: policy.basis,
    budget: policy.budget,
    maxAmountPerTenant: policy.maxAmountPerTenant ?? '',
    validFrom: policy.validFrom,
    validTo: policy.validTo ?? '',
    zoneKinds: [...(r.zoneKinds ?? [])],
    requiredCertifications: [...(r.requiredCertifications ?? [])],
    industryChains: [...(r.industryChains ?? [])],
    minMonthsResident:
      r.minMonthsResident === null || r.minMonthsResident === undefined
        ? ''
        : String(r.minMonthsResident),
    ...reliefFormOf(policy.rentRelief),
  };
}

/** The rule as EligibilityRuleInput takes it: empty lists and no months set no condition. */
export function ruleInput(values: Pick<PolicyFormValues, keyof RuleInput>): RuleInput {
  const months = values.minMonthsResident.trim();
  return {
    zoneKinds: [...values.zoneKinds],
    requiredCertifications: [...values.requiredCertifications],
    industryChains: [...values.industryChains],
    minMonthsResident: months === '' ? null : Number(months),
  };
}

const sameSet = <T>(a: readonly T[] | null | undefined, b: readonly T[] | null | undefined) => {
  const x = new Set(a ?? []);
  const y = new Set(b ?? []);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

export function sameRule(a: RuleLike, b: RuleLike): boolean {
  return (
    sameSet(a.zoneKinds, b.zoneKinds) &&
    sameSet(a.requiredCertifications, b.requiredCertifications) &&
    sameSet(a.industryChains, b.industryChains) &&
    (a.minMonthsResident ?? null) === (b.minMonthsResident ?? null)
  );
}

export interface CreatePolicyVariables {
  code: string;
  title: string;
  kind: PolicyKind;
  basis: string;
  budget: string;
  maxAmountPerTenant?: string;
  validFrom: string;
  validTo?: string;
  eligibility: RuleInput;
  rentRelief?: RentReliefInput;
}

export function createPolicyInput(values: PolicyFormValues): CreatePolicyVariables {
  const cap = values.maxAmountPerTenant.trim();
  const validTo = values.validTo.trim();
  return {
    code: values.code.trim(),
    title: values.title.trim(),
    kind: values.kind as PolicyKind,
    basis: values.basis.trim(),
    budget: values.budget.trim(),
    ...(cap ? { maxAmountPerTenant: cap } : {}),
    validFrom: values.validFrom.trim(),
    ...(validTo ? { validTo } : {}),
    eligibility: ruleInput(values),
    ...(reliefOn(values) ? { rentRelief: rentReliefInput(values) } : {}),
  };
}

export interface UpdatePolicyVariables {
  id: string;
  title?: string;
  basis?: string;
  budget?: string;
  maxAmountPerTenant?: string;
  validTo?: string;
  eligibility?: RuleInput;
}

/**
 * updatePolicy's input: only what changed (the API changes only the fields given, and audits
 * each). Amounts compare as numbers, so 500000 and 500000.00 are no change.
 */
export function updatePolicyInput(
  policy: PolicyLike,
  values: PolicyFormValues,
): UpdatePolicyVariables {
  const out: UpdatePolicyVariables = { id: policy.id };
  const title = values.title.trim();
  const basis = values.basis.trim();
  const budget = values.budget.trim();
  const cap = values.maxAmountPerTenant.trim();
  const validTo = values.validTo.trim();
  if (title !== policy.title) out.title = title;
  if (basis !== policy.basis) out.basis = basis;
  if (budget && (!isMoneyText(budget) || !new Decimal(budget).eq(policy.budget))) {
    out.budget = budget;
  }
  const before = policy.maxAmountPerTenant;
  if (cap && (!before || !isMoneyText(cap) || !new Decimal(cap).eq(before))) {
    out.maxAmountPerTenant = cap;
  }
  if (validTo && validTo !== (policy.validTo ?? '')) out.validTo = validTo;
  const rule = ruleInput(values);
  if (!sameRule(rule, policy.eligibility)) out.eligibility = rule;
  return out;
}

/** Whether an update changes anything at all. */
export function changesAnything(input: UpdatePolicyVariables): boolean {
  return Object.keys(input).some((k) => k !== 'id');
}

export type PolicyFieldProblem =
  | 'required'
  | 'code'
  | 'money'
  | 'positive'
  | 'date'
  | 'validTo'
  | 'months'
  | 'capCleared'
  | 'validToCleared'
  | 'limit';

/**
 * The policy form's own checks, field by field: what is typed must be a value the API can take.
 * Whether a budget or a cap is below what is granted, or a cap above the budget, is the API's to
 * say (its message shows by the field): it counts the grants exactly, at the moment of the change.
 * On an edit, a cap or an end date once set cannot be taken away (updatePolicy keeps a field
 * left out), only changed.
 */
export function policyFormProblems(
  values: PolicyFormValues,
  edit?: { hadCap: boolean; hadValidTo: boolean; validFrom: string },
): Partial<Record<keyof PolicyFormValues, PolicyFieldProblem>> {
  const out: Partial<Record<keyof PolicyFormValues, PolicyFieldProblem>> = {};
  const moneyProblem = (text: string): PolicyFieldProblem | null => {
    if (!isMoneyText(text)) return 'money';
    if (new Decimal(text).lte(0)) return 'positive';
    return null;
  };
  if (!edit) {
    if (!values.code.trim()) out.code = 'required';
    else if (!/^[A-Z0-9_-]{2,40}$/.test(values.code.trim())) out.code = 'code';
    if (!values.kind) out.kind = 'required';
    if (!values.validFrom.trim()) out.validFrom = 'required';
    else if (!isIsoDate(values.validFrom.trim())) out.validFrom = 'date';
  }
  if (!values.title.trim()) out.title = 'required';
  if (!values.basis.trim()) out.basis = 'required';
  const budget = values.budget.trim();
  if (!budget) out.budget = 'required';
  else {
    const p = moneyProblem(budget);
    if (p) out.budget = p;
  }
  const cap = values.maxAmountPerTenant.trim();
  if (cap) {
    const p = moneyProblem(cap);
    if (p) out.maxAmountPerTenant = p;
  } else if (edit?.hadCap) {
    out.maxAmountPerTenant = 'capCleared';
  }
  const validTo = values.validTo.trim();
  const from = edit?.validFrom ?? values.validFrom.trim();
  if (validTo) {
    if (!isIsoDate(validTo)) out.validTo = 'date';
    else if (isIsoDate(from) && validTo < from) out.validTo = 'validTo';
  } else if (edit?.hadValidTo) {
    out.validTo = 'validToCleared';
  }
  const months = values.minMonthsResident.trim();
  if (months && !(/^\d{1,4}$/.test(months) && Number(months) <= 1200)) {
    out.minMonthsResident = 'months';
  }
  if (!edit && reliefOn(values)) {
    for (const field of ['maxRatePerSqm', 'maxArea'] as const) {
      const text = values[field].trim();
      if (text && !isLimitText(text)) out[field] = 'limit';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rent relief (房租减免): how a RENT_SUBSIDY policy relieves rent on the bills of the firms it was
// granted to (domain.md, "Rent bills"; libs/benefits rent-relief.ts). Months of residence count
// from the firm's enteredOn month (1 = that month). The rule is set when the policy is created:
// updatePolicy does not take it.

/** The months a step may name, and how many steps a rule may have (the API's limits). */
export const RELIEF_MONTHS = { min: 1, max: 1200 } as const;
export const RELIEF_STEPS = { min: 1, max: 24 } as const;

/** One step of the form as typed. */
export interface ReliefStepValues {
  fromMonth: string;
  toMonth: string;
  share: string;
}

export interface RentReliefLike {
  steps: readonly { fromMonth: number; toMonth: number; share: string }[];
  maxRatePerSqm?: string | null;
  maxArea?: string | null;
}

/** RentReliefInput: steps as typed (months as integers), the limits only when set. */
export interface RentReliefInput {
  steps: { fromMonth: number; toMonth: number; share: string }[];
  maxRatePerSqm?: string;
  maxArea?: string;
}

/** Whether the form sends a rent relief rule: only for RENT_SUBSIDY, and when it is ticked. */
export function reliefOn(values: Pick<PolicyFormValues, 'kind' | 'rentRelief'>): boolean {
  return values.kind === 'RENT_SUBSIDY' && values.rentRelief;
}

/**
 * A new step for the list: it starts the month after the last step ends (month 1 for the first),
 * its end and share left to type.
 */
export function emptyReliefStep(steps: readonly ReliefStepValues[]): ReliefStepValues {
  const last = steps[steps.length - 1];
  const end = last ? monthOf(last.toMonth) : null;
  const from = last ? (end !== null && end < RELIEF_MONTHS.max ? String(end + 1) : '') : '1';
  return { fromMonth: from, toMonth: '', share: '' };
}

function reliefFormOf(
  rule: RentReliefLike | null | undefined,
): Pick<PolicyFormValues, 'rentRelief' | 'steps' | 'maxRatePerSqm' | 'maxArea'> {
  if (!rule)
    return { rentRelief: false, steps: [emptyReliefStep([])], maxRatePerSqm: '', maxArea: '' };
  return {
    rentRelief: true,
    steps: rule.steps.map((s) => ({
      fromMonth: String(s.fromMonth),
      toMonth: String(s.toMonth),
      share: s.share,
    })),
    maxRatePerSqm: rule.maxRatePerSqm ?? '',
    maxArea: rule.maxArea ?? '',
  };
}

export function rentReliefInput(
  values: Pick<PolicyFormValues, 'steps' | 'maxRatePerSqm' | 'maxArea'>,
): RentReliefInput {
  const rate = values.maxRatePerSqm.trim();
  const area = values.maxArea.trim();
  return {
    steps: values.steps.map((s) => ({
      fromMonth: Number(s.fromMonth.trim()),
      toMonth: Number(s.toMonth.trim()),
      share: s.share.trim(),
    })),
    ...(rate ? { maxRatePerSqm: rate } : {}),
    ...(area ? { maxArea: area } : {}),
  };
}

/** A month of residence as typed, or null when it is not a whole number from 1 to 1200. */
function monthOf(text: string | null | undefined): number | null {
  const value = (text ?? '').trim();
  if (!/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n >= RELIEF_MONTHS.min && n <= RELIEF_MONTHS.max ? n : null;
}

/** A share: more than 0, at most 1, at most four decimals (0.5, 1, 0.3333). */
export function isShareText(text: string): boolean {
  const value = text.trim();
  if (!/^\d{1,4}(\.\d{1,4})?$/.test(value)) return false;
  const d = new Decimal(value);
  return d.gt(0) && d.lte(1);
}

/** The largest rate or area limit the API takes. */
export const RELIEF_LIMIT_MAX = '999999999999.99';

/** A rate or area limit: more than 0 and at most RELIEF_LIMIT_MAX, with at most two decimals. */
export function isLimitText(text: string): boolean {
  const value = text.trim();
  return isMoneyText(value) && new Decimal(value).gt(0) && new Decimal(value).lte(RELIEF_LIMIT_MAX);
}

export type StepProblem = 'required' | 'month' | 'toBeforeFrom' | 'overlap' | 'share';

export interface StepProblems {
  fromMonth?: StepProblem;
  toMonth?: StepProblem;
  share?: StepProblem;
  /** For `overlap` on fromMonth: the index of the step it overlaps. */
  overlaps?: number;
}

export interface ReliefProblems {
  /** The list itself: no step, or more than 24. */
  steps?: 'noSteps' | 'tooManySteps';
  /** One entry per step, in the list's order. */
  byStep: StepProblems[];
}

/**
 * The rule's own checks, as the API makes them (checkRentRelief): 1 to 24 steps; each month a
 * whole number from 1 to 1200, toMonth not before fromMonth; steps not overlapping (the one later
 * in month order is told, on its fromMonth, which step it overlaps); each share more than 0 and
 * at most 1 with at most four decimals.
 */
export function reliefProblems(steps: readonly ReliefStepValues[]): ReliefProblems {
  const out: ReliefProblems = { byStep: steps.map(() => ({})) };
  if (steps.length < RELIEF_STEPS.min) out.steps = 'noSteps';
  else if (steps.length > RELIEF_STEPS.max) out.steps = 'tooManySteps';
  const ranges: { index: number; from: number; to: number }[] = [];
  steps.forEach((step, index) => {
    const p = out.byStep[index];
    const from = monthOf(step.fromMonth);
    const to = monthOf(step.toMonth);
    if (!step.fromMonth.trim()) p.fromMonth = 'required';
    else if (from === null) p.fromMonth = 'month';
    if (!step.toMonth.trim()) p.toMonth = 'required';
    else if (to === null) p.toMonth = 'month';
    else if (from !== null && to < from) p.toMonth = 'toBeforeFrom';
    if (!step.share.trim()) p.share = 'required';
    else if (!isShareText(step.share)) p.share = 'share';
    if (from !== null && to !== null && to >= from) ranges.push({ index, from, to });
  });
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to || a.index - b.index);
  for (let i = 1; i < sorted.length; i++) {
    const step = sorted[i];
    const before = sorted.slice(0, i).find((r) => r.to >= step.from);
    if (before)
      out.byStep[step.index] = {
        ...out.byStep[step.index],
        fromMonth: 'overlap',
        overlaps: before.index,
      };
  }
  return out;
}

/** Whether the rule has no problem at all. */
export function reliefIsValid(problems: ReliefProblems): boolean {
  return !problems.steps && problems.byStep.every((p) => !p.fromMonth && !p.toMonth && !p.share);
}

export type StepField = 'fromMonth' | 'toMonth' | 'share';
const STEP_FIELDS: readonly string[] = ['fromMonth', 'toMonth', 'share'];

export interface PlacedReliefErrors {
  /** Messages for one step's field. */
  byStep: { index: number; field: StepField; message: string }[];
  /** Messages the API gave for the list as a whole, or for a step it did not number. */
  list: { field: string; message: string }[];
}

/**
 * Where the API's refusals of the rule show: a step's field when the path numbers the step
 * (`rentRelief.steps.1.share`) or when there is one step; otherwise beside the list, with the
 * field it named. Problems of other fields are left out.
 */
export function placeReliefErrors(
  fields: readonly FieldProblem[],
  stepCount: number,
): PlacedReliefErrors {
  const out: PlacedReliefErrors = { byStep: [], list: [] };
  for (const f of fields) {
    const parts = f.field.split(/[.[\]]+/).filter(Boolean);
    const last = parts[parts.length - 1] ?? '';
    if (STEP_FIELDS.includes(last)) {
      const number = parts.length >= 2 ? /^\d+$/.exec(parts[parts.length - 2]) : null;
      const index = number ? Number(number[0]) : stepCount === 1 ? 0 : null;
      if (index !== null && index < stepCount) {
        out.byStep.push({ index, field: last as StepField, message: f.message });
      } else {
        out.list.push({ field: last, message: f.message });
      }
    } else if (last === 'steps') {
      out.list.push({ field: last, message: f.message });
    }
  }
  return out;
}

/** How a share reads: all of the rent, half of it, or a percentage. */
export type ShareWords = { kind: 'free' } | { kind: 'half' } | { kind: 'percent'; percent: string };

export interface ReliefWords {
  steps: { fromMonth: number; toMonth: number; share: ShareWords }[];
  /** The limits as short numbers ("80", "80.5", "1000"), or null when not set. */
  maxRatePerSqm: string | null;
  maxArea: string | null;
}

/** A decimal without trailing zeros: "80.00" → "80", "0.50" → "0.5". */
function shortDecimal(value: string): string {
  return new Decimal(value).toFixed();
}

export function shareWords(share: string): ShareWords {
  const d = new Decimal(share);
  if (d.eq(1)) return { kind: 'free' };
  if (d.eq(0.5)) return { kind: 'half' };
  return { kind: 'percent', percent: d.times(100).toFixed() };
}

/** The rule as it reads: steps in month order, each share in words, the limits as numbers. */
export function reliefWords(rule: RentReliefLike): ReliefWords {
  return {
    steps: [...rule.steps]
      .sort((a, b) => a.fromMonth - b.fromMonth || a.toMonth - b.toMonth)
      .map((s) => ({ fromMonth: s.fromMonth, toMonth: s.toMonth, share: shareWords(s.share) })),
    maxRatePerSqm: rule.maxRatePerSqm ? shortDecimal(rule.maxRatePerSqm) : null,
    maxArea: rule.maxArea ? shortDecimal(rule.maxArea) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Eligibility: the policy's rule next to the firm's facts

export interface TenantFacts {
  zone: { kind: ZoneKind };
  industryChain: IndustryChain;
  enteredOn: string;
  exitedOn?: string | null;
  certifications: readonly {
    kind: CertificationKind;
    issuedOn: string;
    expiresOn?: string | null;
  }[];
}

/** One condition of a rule as the firm meets it or not on the day. */
export type RuleCheck =
  | { condition: 'resident'; met: boolean; enteredOn: string; exitedOn: string | null }
  | { condition: 'zone'; met: boolean; fact: ZoneKind; wanted: readonly ZoneKind[] }
  | { condition: 'chain'; met: boolean; fact: IndustryChain; wanted: readonly IndustryChain[] }
  | {
      condition: 'certification';
      met: boolean;
      wanted: CertificationKind;
      /** The firm's certificate of that kind valid on the day, if any. */
      valid: { issuedOn: string; expiresOn: string | null } | null;
    }
  | { condition: 'months'; met: boolean; months: number; wanted: number };

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Whole months from `from` to `to` (31 Jan + 1 month = 28/29 Feb), as the API counts them. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  const n = (ty - fy) * 12 + (tm - fm);
  return addMonths(from, n) <= to ? n : n - 1;
}

const listed = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  !!list && list.length > 0;

/**
 * The rule's conditions, each beside the firm's fact, on `asOf` (the API's eligibility.ts: a
 * firm must be resident, in a listed zone and chain, hold every listed certificate valid on the
 * day, and have been resident the months asked). Residence is always checked.
 */
export function checkRule(rule: RuleLike, facts: TenantFacts, asOf: string): RuleCheck[] {
  const checks: RuleCheck[] = [];
  const exitedOn = facts.exitedOn ?? null;
  checks.push({
    condition: 'resident',
    met: facts.enteredOn <= asOf && (exitedOn === null || exitedOn >= asOf),
    enteredOn: facts.enteredOn,
    exitedOn,
  });
  if (listed(rule.zoneKinds)) {
    checks.push({
      condition: 'zone',
      met: rule.zoneKinds.includes(facts.zone.kind),
      fact: facts.zone.kind,
      wanted: rule.zoneKinds,
    });
  }
  if (listed(rule.industryChains)) {
    checks.push({
      condition: 'chain',
      met: rule.industryChains.includes(facts.industryChain),
      fact: facts.industryChain,
      wanted: rule.industryChains,
    });
  }
  if (listed(rule.requiredCertifications)) {
    for (const kind of new Set(rule.requiredCertifications)) {
      const valid = facts.certifications.find(
        (c) =>
          c.kind === kind &&
          c.issuedOn <= asOf &&
          (c.expiresOn === null || c.expiresOn === undefined || c.expiresOn >= asOf),
      );
      checks.push({
        condition: 'certification',
        met: !!valid,
        wanted: kind,
        valid: valid ? { issuedOn: valid.issuedOn, expiresOn: valid.expiresOn ?? null } : null,
      });
    }
  }
  const wanted = rule.minMonthsResident ?? 0;
  if (wanted > 0) {
    const months = Math.max(0, wholeMonthsBetween(facts.enteredOn, asOf));
    checks.push({ condition: 'months', met: months >= wanted, months, wanted });
  }
  return checks;
}

/** Whether every condition is met. */
export function meetsRule(checks: readonly RuleCheck[]): boolean {
  return checks.every((c) => c.met);
}
