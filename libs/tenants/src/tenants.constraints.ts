import { INTERNAL, registerConstraints } from '@jcv/database';

/**
 * The constraints of the tenants' tables, and what a caller is told when a change breaks one.
 * The service checks most of them first and says more; these answer a race past its checks.
 */
registerConstraints<{ creditCode?: string | null; kind?: string; certificateNo?: string }>({
  tenants_credit_code_key: {
    code: 'CONFLICT',
    message: 'A tenant with this creditCode is already registered',
    explain: ({ creditCode }) => `A tenant with creditCode ${creditCode} is already registered`,
  },
  tenants_credit_code_check: {
    code: 'BAD_USER_INPUT',
    field: 'creditCode',
    message: 'must be a 统一社会信用代码 of 18 characters',
  },
  tenants_kind_credit_code_check: {
    code: 'BAD_USER_INPUT',
    field: 'creditCode',
    message: 'is required for a FIRM and left out for a TEAM',
  },
  tenants_name_check: {
    code: 'BAD_USER_INPUT',
    field: 'name',
    message: 'must be 1 to 200 characters',
  },
  tenants_exit_check: {
    code: 'BAD_USER_INPUT',
    field: 'exitedOn',
    message: 'must not be before enteredOn',
  },
  tenants_founded_on_check: {
    code: 'BAD_USER_INPUT',
    field: 'foundedOn',
    message: 'must not be after enteredOn',
  },
  tenants_zone_id_fkey: { code: 'BAD_USER_INPUT', field: 'zoneId', message: 'is not a known zone' },
  tenants_kind_check: INTERNAL.enumColumn,
  tenants_industry_chain_check: INTERNAL.enumColumn,
  tenants_status_check: INTERNAL.enumColumn,
  tenants_status_exit_check: INTERNAL.state,

  certifications_kind_no_key: {
    code: 'CONFLICT',
    message: 'This certificate is already recorded',
    explain: ({ kind, certificateNo }) =>
      `${kind} certificate ${certificateNo} is already recorded`,
  },
  certifications_certificate_no_check: {
    code: 'BAD_USER_INPUT',
    field: 'certificateNo',
    message: 'must be 1 to 100 characters',
  },
  certifications_dates_check: {
    code: 'BAD_USER_INPUT',
    field: 'expiresOn',
    message: 'must not be before issuedOn',
  },
  certifications_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  certifications_kind_check: INTERNAL.enumColumn,

  industrialization_projects_name_check: {
    code: 'BAD_USER_INPUT',
    field: 'name',
    message: 'must be 1 to 200 characters',
  },
  industrialization_projects_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  industrialization_projects_zone_id_fkey: {
    internal: "the firm's own zone, copied from its row",
  },
  industrialization_projects_stage_check: INTERNAL.enumColumn,
});
