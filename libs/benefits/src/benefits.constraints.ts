import { INTERNAL, registerConstraints } from '@jcv/database';
import type { Queryable } from '@jcv/shared';

const moneyInput = (field: string) =>
  ({ code: 'BAD_USER_INPUT', field, message: 'must be more than 0' }) as const;

/**
 * The constraints of the benefits tables, and what a caller is told when a change breaks one.
 * The services check most of them first and say more; these answer a race past the checks.
 */
registerConstraints<{ code?: string }>({
  policies_code_key: {
    code: 'CONFLICT',
    message: 'A policy with this code already exists',
    explain: ({ code }) => `A policy with code ${code} already exists`,
  },
  policies_code_check: {
    code: 'BAD_USER_INPUT',
    field: 'code',
    message: 'must be 2 to 40 capital letters, digits, - or _',
  },
  policies_title_check: {
    code: 'BAD_USER_INPUT',
    field: 'title',
    message: 'must be 1 to 200 characters',
  },
  policies_basis_check: {
    code: 'BAD_USER_INPUT',
    field: 'basis',
    message: 'must be 1 to 500 characters',
  },
  policies_budget_check: moneyInput('budget'),
  policies_max_amount_per_tenant_check: moneyInput('maxAmountPerTenant'),
  policies_validity_check: {
    code: 'BAD_USER_INPUT',
    field: 'validTo',
    message: 'must be on or after validFrom',
  },
  policies_min_months_resident_check: {
    code: 'BAD_USER_INPUT',
    field: 'minMonthsResident',
    message: 'must be 0 to 1200',
  },
  policies_rent_relief_kind_check: {
    code: 'BAD_USER_INPUT',
    field: 'rentRelief',
    message: 'is only for RENT_SUBSIDY policies',
  },
  policies_kind_check: INTERNAL.enumColumn,
  policies_zone_kinds_check: INTERNAL.enumColumn,
  policies_industry_chains_check: INTERNAL.enumColumn,
  policies_required_certifications_check: INTERNAL.enumColumn,
  policies_created_by_fkey: INTERNAL.actor,

  benefit_applications_requested_amount_check: moneyInput('requestedAmount'),
  benefit_applications_granted_amount_check: moneyInput('grantedAmount'),
  benefit_applications_granted_le_requested: {
    code: 'BAD_USER_INPUT',
    field: 'grantedAmount',
    message: 'must be at most the requested amount',
  },
  benefit_applications_justification_check: {
    code: 'BAD_USER_INPUT',
    field: 'justification',
    message: 'must be 1 to 5000 characters',
  },
  benefit_applications_note_check: {
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: 'must be at most 2000 characters',
  },
  benefit_applications_policy_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'policyId',
    message: 'is not a known policy',
  },
  benefit_applications_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  benefit_applications_status_check: INTERNAL.enumColumn,
  benefit_applications_decided_check: INTERNAL.state,
  benefit_applications_granted_check: INTERNAL.state,
  benefit_applications_disbursed_check: INTERNAL.state,
  benefit_applications_withdrawn_check: INTERNAL.state,
  benefit_applications_submitted_by_fkey: INTERNAL.actor,
  benefit_applications_decided_by_fkey: INTERNAL.actor,
  benefit_applications_disbursed_by_fkey: INTERNAL.actor,

  benefit_tenant_totals_policy_id_fkey: {
    internal: 'kept by the trigger on benefit_applications, from rows that passed their own keys',
  },
  benefit_tenant_totals_tenant_id_fkey: {
    internal: 'kept by the trigger on benefit_applications, from rows that passed their own keys',
  },
});

/** The application being decided, and where to read what its policy has left. */
export interface GrantInput {
  db: Queryable;
  applicationId: string;
}

/** Reached only if a writer skipped the policy lock: say what is left now. */
const overGranted = {
  code: 'CONFLICT',
  message: "This grant would exceed the policy's budget or the per-firm cap",
  explain: async ({ db, applicationId }: GrantInput) => {
    const [p] = await db.query(
      `SELECT p.code, (p.budget - p.granted)::text AS left FROM policies p
         JOIN benefit_applications a ON a.policy_id = p.id WHERE a.id = $1`,
      [applicationId],
    );
    return `Policy ${p.code} has ${p.left} yuan left of its budget; this grant would exceed it or the per-firm cap`;
  },
} as const;

registerConstraints<GrantInput>({
  policies_granted_within_budget: overGranted,
  benefit_tenant_totals_within_cap: overGranted,
});
