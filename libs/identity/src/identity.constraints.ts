import { INTERNAL, registerConstraints } from '@jcv/database';

/**
 * The constraints of the accounts' tables, and what a caller is told when a change breaks one.
 * The services check most of them first and say more; these answer a race past the checks.
 */
registerConstraints<{ email?: string }>({
  users_email_key: {
    code: 'CONFLICT',
    message: 'A user with this email already exists',
    explain: ({ email }) => `A user with email ${email} already exists`,
  },
  users_email_check: {
    code: 'BAD_USER_INPUT',
    field: 'email',
    message: 'must be 3 to 254 characters',
  },
  users_display_name_check: {
    code: 'BAD_USER_INPUT',
    field: 'displayName',
    message: 'must be 1 to 200 characters',
  },
  users_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  users_service_provider_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'serviceProviderId',
    message: 'is not a registered service provider',
  },
  users_tenant_role_check: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is required for TENANT_ADMIN and TENANT_REPORTER, and only for them',
  },
  users_service_provider_role_check: {
    code: 'BAD_USER_INPUT',
    field: 'serviceProviderId',
    message: 'is required for SERVICE_PROVIDER, and only for it',
  },
  users_role_check: INTERNAL.enumColumn,
  users_locale_check: INTERNAL.enumColumn,
  sign_ins_user_id_fkey: { internal: 'the user who just proved its password' },
  refresh_tokens_user_id_fkey: { internal: 'the user of the sign-in the token belongs to' },
  refresh_tokens_family_id_fkey: { internal: 'the sign-in the rotation holds locked' },
  login_attempts_attempts_check: { internal: 'counted by the upsert, from 1' },
});
