import { INTERNAL, registerConstraints } from '@jcv/database';

/**
 * The database's last word when two writers of one year race past the lock on the firm:
 * CONFLICT, with what to do about it.
 */
const revisionRace = {
  code: 'CONFLICT',
  message:
    'Another annual report for this firm and year was saved at the same moment; submit again to make a new revision',
} as const;

const notNegative = (field: string) =>
  ({ code: 'BAD_USER_INPUT', field, message: 'must not be negative' }) as const;

const partOf = (field: string, total: string) =>
  ({
    code: 'BAD_USER_INPUT',
    field,
    message: `must be at most ${total}, of which it is a part`,
  }) as const;

/**
 * The constraints of the annual reports, and what a caller is told when a change breaks one.
 * Submissions check the figures first; these answer a writer that skipped the checks.
 */
registerConstraints({
  // One latest row, and unique revisions, per firm and year.
  annual_reports_latest_key: revisionRace,
  annual_reports_tenant_year_revision_key: revisionRace,
  annual_reports_year_check: {
    code: 'BAD_USER_INPUT',
    field: 'year',
    message: 'must be from 2000 to 2100',
  },
  annual_reports_registered_capital_check: notNegative('registeredCapital'),
  annual_reports_employees_check: notNegative('employees'),
  annual_reports_employees_doctorate_check: notNegative('employeesDoctorate'),
  annual_reports_employees_college_check: notNegative('employeesCollege'),
  annual_reports_employees_returnees_check: notNegative('employeesReturnees'),
  annual_reports_employees_fresh_graduates_check: notNegative('employeesFreshGraduates'),
  annual_reports_total_revenue_check: notNegative('totalRevenue'),
  annual_reports_tax_paid_check: notNegative('taxPaid'),
  annual_reports_rd_expense_check: notNegative('rdExpense'),
  annual_reports_venture_funding_check: notNegative('ventureFunding'),
  annual_reports_ip_applied_check: notNegative('ipApplied'),
  annual_reports_ip_granted_check: notNegative('ipGranted'),
  annual_reports_ip_valid_check: notNegative('ipValid'),
  annual_reports_invention_patents_valid_check: notNegative('inventionPatentsValid'),
  annual_reports_software_copyrights_check: notNegative('softwareCopyrights'),
  annual_reports_tech_contracts_check: notNegative('techContracts'),
  annual_reports_tech_contract_value_check: notNegative('techContractValue'),
  annual_reports_national_projects_check: notNegative('nationalProjects'),
  annual_reports_employees_doctorate_le_total: partOf('employeesDoctorate', 'employees'),
  annual_reports_employees_college_le_total: partOf('employeesCollege', 'employees'),
  annual_reports_employees_returnees_le_total: partOf('employeesReturnees', 'employees'),
  annual_reports_employees_fresh_graduates_le_total: partOf('employeesFreshGraduates', 'employees'),
  annual_reports_invention_patents_le_valid: partOf('inventionPatentsValid', 'ipValid'),
  annual_reports_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  annual_reports_occupied_area_check: {
    internal: "summed from the firm's leases' unit areas, which are positive",
  },
  annual_reports_revision_check: { internal: 'the next revision is counted from 1 in SQL' },
  annual_reports_status_check: INTERNAL.enumColumn,
  annual_reports_submitted_by_fkey: INTERNAL.actor,
  annual_reports_reviewed_by_fkey: INTERNAL.actor,
});
