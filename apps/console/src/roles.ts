import type { Role } from './gql/graphql';

/** Who sees what (web-console.md): the committee's roles, and where each role starts. */
export const COMMITTEE: readonly Role[] = [
  'ADMIN',
  'ANALYST',
  'SPACE_MANAGER',
  'POLICY_OFFICER',
  'SERVICE_DESK',
];
export const FIRM: readonly Role[] = ['TENANT_ADMIN', 'TENANT_REPORTER'];
export const SPACE: readonly Role[] = ['ADMIN', 'SPACE_MANAGER'];
export const ALL_ROLES: readonly Role[] = [...COMMITTEE, ...FIRM, 'SERVICE_PROVIDER'];

export function homeOf(role: Role): string {
  if (COMMITTEE.includes(role)) return '/cockpit';
  if (role === 'TENANT_ADMIN') return '/firm';
  if (role === 'TENANT_REPORTER') return '/reports';
  return '/service-desk';
}
