import { INTERNAL, registerConstraints } from '@jcv/database';

const provider = {
  code: 'BAD_USER_INPUT',
  field: 'providerId',
  message: 'is not a registered service provider',
} as const;
const rating = { code: 'BAD_USER_INPUT', field: 'rating', message: 'must be 1 to 5' } as const;

/**
 * The constraints of the service desk's tables, and what a caller is told when a change breaks
 * one. The services check most of them first and say more; these answer a race past the checks.
 */
registerConstraints<{ name?: string }>({
  service_providers_name_key: {
    code: 'CONFLICT',
    message: 'A service provider with this name already exists',
    explain: ({ name }) => `A service provider named ${name} already exists`,
  },
  service_providers_name_check: {
    code: 'BAD_USER_INPUT',
    field: 'name',
    message: 'must be 1 to 200 characters',
  },
  service_providers_categories_check: {
    code: 'BAD_USER_INPUT',
    field: 'categories',
    message: 'must name at least one service category',
  },
  service_providers_created_by_fkey: INTERNAL.actor,

  service_requests_title_check: {
    code: 'BAD_USER_INPUT',
    field: 'title',
    message: 'must be 1 to 200 characters',
  },
  service_requests_description_check: {
    code: 'BAD_USER_INPUT',
    field: 'description',
    message: 'must be 1 to 5000 characters',
  },
  service_requests_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  service_requests_assignee_id_fkey: provider,
  service_requests_rating_check: rating,
  service_requests_rating_comment_check: {
    code: 'BAD_USER_INPUT',
    field: 'comment',
    message: 'must be at most 2000 characters',
  },
  service_requests_category_check: INTERNAL.enumColumn,
  service_requests_status_check: INTERNAL.enumColumn,
  service_requests_assignee_check: INTERNAL.state,
  service_requests_resolved_check: INTERNAL.state,
  service_requests_rated_check: INTERNAL.state,
  service_requests_due_check: { internal: 'the due time is computed from the response hours' },
  service_requests_opened_by_fkey: INTERNAL.actor,

  service_request_events_assignee_id_fkey: provider,
  service_request_events_rating_check: rating,
  service_request_events_note_check: {
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: 'must be at most 2000 characters',
  },
  service_request_events_request_id_fkey: {
    internal: 'the request the same transaction locked or wrote',
  },
  service_request_events_kind_check: INTERNAL.state,
  service_request_events_status_check: INTERNAL.enumColumn,
  service_request_events_assigned_check: INTERNAL.state,
  service_request_events_rated_check: INTERNAL.state,
  service_request_events_actor_user_id_fkey: INTERNAL.actor,
});
