import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  SPACE_MANAGER = 'SPACE_MANAGER',
  POLICY_OFFICER = 'POLICY_OFFICER',
  SERVICE_DESK = 'SERVICE_DESK',
  ANALYST = 'ANALYST',
  TENANT_ADMIN = 'TENANT_ADMIN',
  TENANT_REPORTER = 'TENANT_REPORTER',
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
}

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    ADMIN: { description: 'Park management committee, everything.' },
    SPACE_MANAGER: { description: 'Committee: buildings, units, space applications, leases.' },
    POLICY_OFFICER: { description: 'Committee: policies and benefit decisions.' },
    SERVICE_DESK: { description: 'Committee: service requests and providers.' },
    ANALYST: {
      description: 'Read-only: dashboards and every figure, no personal data beyond firm names.',
    },
    TENANT_ADMIN: { description: "A resident firm's own administrator: its own data only." },
    TENANT_REPORTER: {
      description: "A resident firm's reporter: submits its own firm's output reports.",
    },
    SERVICE_PROVIDER: { description: 'A service provider: the requests assigned to it.' },
  },
});

export const ALL_ROLES = Object.values(Role);
/** The park management committee's roles, which read every firm's data. */
export const COMMITTEE_ROLES = [
  Role.ADMIN,
  Role.SPACE_MANAGER,
  Role.POLICY_OFFICER,
  Role.SERVICE_DESK,
  Role.ANALYST,
];
export const TENANT_ROLES = [Role.TENANT_ADMIN, Role.TENANT_REPORTER];

/** Who is calling: read from the verified access token, never from an argument. */
export interface Actor {
  userId: string;
  role: Role;
  /** The firm of a TENANT_ADMIN or TENANT_REPORTER. */
  tenantId: string | null;
  /** The provider of a SERVICE_PROVIDER user. */
  serviceProviderId: string | null;
}

export function isTenantUser(actor: Actor): boolean {
  return actor.role === Role.TENANT_ADMIN || actor.role === Role.TENANT_REPORTER;
}
