import { INTERNAL, registerConstraints } from '@jcv/database';

const period = {
  code: 'BAD_USER_INPUT',
  field: 'period',
  message: 'must be a month written YYYY-MM',
} as const;

/** Lines are computed by the bill rules from the leases and grants read in the same run. */
const computed = { internal: 'computed by the bill rules, never taken from input' } as const;

/**
 * The constraints of the bills, their lines and payments, the bill runs and the relief ledger,
 * and what a caller is told when a change breaks one. The services check first; these answer a
 * race past the checks or a writer that skipped them.
 */
registerConstraints({
  // Runs take turns on an advisory lock and skip firms already billed: only a writer past the
  // lock reaches these.
  bills_tenant_period_key: {
    code: 'CONFLICT',
    message:
      'The firm already has a bill for this month (issued at the same moment); void it first to bill the month again',
  },
  bills_number_key: {
    code: 'CONFLICT',
    message: 'Another bill with this number was issued at the same moment; run the month again',
  },
  bills_number_check: { internal: 'numbered JCV-YYYY-MM-NNNNNN from the period by the run' },
  bills_period_check: period,
  bills_total_check: computed,
  bills_paid_within_total: {
    code: 'BAD_USER_INPUT',
    field: 'amount',
    message: 'must be at most what is outstanding on the bill',
  },
  bills_paid_status_check: INTERNAL.state,
  bills_status_check: INTERNAL.state,
  bills_void_check: {
    code: 'CONFLICT',
    message: 'A bill with payments cannot be voided, and a VOID bill takes no payment',
  },
  bills_void_reason_check: {
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: 'must be 1 to 500 characters',
  },
  bills_tenant_id_fkey: { internal: 'the firms billed are read from their leases in the run' },
  bills_voided_by_fkey: INTERNAL.actor,

  bill_lines_bill_id_fkey: computed,
  bill_lines_lease_id_fkey: computed,
  bill_lines_benefit_application_id_fkey: computed,
  bill_lines_position_check: computed,
  bill_lines_kind_check: INTERNAL.enumColumn,
  bill_lines_days_check: computed,
  bill_lines_description_check: computed,
  bill_lines_sign_check: computed,
  bill_lines_grant_check: computed,

  payments_amount_check: {
    code: 'BAD_USER_INPUT',
    field: 'amount',
    message: 'must be greater than 0',
  },
  payments_reference_check: {
    code: 'BAD_USER_INPUT',
    field: 'reference',
    message: 'must be 1 to 200 characters',
  },
  payments_bill_id_fkey: { code: 'BAD_USER_INPUT', field: 'billId', message: 'is not a bill' },
  payments_recorded_by_fkey: INTERNAL.actor,

  bill_runs_period_check: period,
  bill_runs_counts_check: computed,
  bill_runs_run_by_fkey: INTERNAL.actor,

  // The grant's limit is the database's, whatever races: a run that would relieve more than
  // was granted is refused as a whole.
  rent_relief_totals_within_grant: {
    code: 'CONFLICT',
    message:
      "A grant's rent relief would exceed its granted amount (another run drew on it at the same moment); run the month again",
  },
  rent_relief_totals_benefit_application_id_fkey: {
    internal: 'the grants drawn on are read in the same run',
  },
});
