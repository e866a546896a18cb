import { INTERNAL, registerConstraints } from '@jcv/database';

/**
 * The database's last word when two writers of one month race past the locks (e.g. a
 * submission and a file import): CONFLICT, with what to do about it.
 */
const revisionRace = {
  code: 'CONFLICT',
  message:
    'Another report for this firm and month was saved at the same moment; submit again to make a new revision',
} as const;

const notNegative = (field: string) =>
  ({ code: 'BAD_USER_INPUT', field, message: 'must not be negative' }) as const;

/**
 * The constraints of the output reports, and what a caller is told when a change breaks one.
 * Submissions and imports check the figures first; these answer a race past the checks.
 */
registerConstraints({
  // One latest row, and unique revisions, per firm and month.
  output_reports_latest_key: revisionRace,
  output_reports_tenant_period_revision_key: revisionRace,
  output_reports_period_check: {
    code: 'BAD_USER_INPUT',
    field: 'period',
    message: 'must be a month, YYYY-MM',
  },
  output_reports_output_value_check: notNegative('outputValue'),
  output_reports_revenue_check: notNegative('revenue'),
  output_reports_rd_expense_check: notNegative('rdExpense'),
  output_reports_employees_check: notNegative('employees'),
  output_reports_patents_filed_check: notNegative('patentsFiled'),
  output_reports_patents_granted_check: notNegative('patentsGranted'),
  output_reports_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  output_reports_revision_check: { internal: 'the next revision is counted from 1 in SQL' },
  output_reports_status_check: INTERNAL.enumColumn,
  output_reports_submitted_by_fkey: INTERNAL.actor,
  output_reports_reviewed_by_fkey: INTERNAL.actor,
});
