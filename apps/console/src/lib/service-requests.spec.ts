import { describe, expect, it } from '@jest/globals';
import type { Role, ServiceRequestStatus } from '../gql/graphql';
import {
  canMove,
  DONE_STATUSES,
  isLate,
  isRating,
  isReopening,
  mayRate,
  NEXT_STATUSES,
  RATEABLE_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TONES,
  SERVICE_CATEGORIES,
  statusMoves,
} from './service-requests';

type S = ServiceRequestStatus;
const ALL = REQUEST_STATUSES;
// The API's rules, written out rather than imported (a console file may not reach into a lib):
// libs/service-desk/src/requests/status-machine.ts, service-request-status.enum.ts,
// service-request-workflow.service.ts (OPEN → ASSIGNED only by assignServiceRequest) and
// service-requests.resolver.ts (who may call which mutation).
const API_STATUSES = ['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED'];
const API_CATEGORIES = [
  'IP_PATENT',
  'FINANCING',
  'TECH_TRANSFER',
  'LEGAL',
  'HR_TALENT',
  'FACILITY',
  'SCENARIO_ASSESSMENT',
  'OTHER',
];
const API_NEXT: Record<S, S[]> = {
  OPEN: ['ASSIGNED', 'CANCELLED'],
  ASSIGNED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['RESOLVED', 'CANCELLED'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
  CANCELLED: [],
};
const API_RATEABLE = ['RESOLVED', 'CLOSED'];
const API_DONE = ['RESOLVED', 'CLOSED', 'CANCELLED'];

const ROLES: Role[] = [
  'ADMIN',
  'ANALYST',
  'SPACE_MANAGER',
  'POLICY_OFFICER',
  'SERVICE_DESK',
  'TENANT_ADMIN',
  'TENANT_REPORTER',
  'SERVICE_PROVIDER',
];

// domain.md, "Service requests", written out pair by pair.
const ALLOWED = new Set([
  'OPEN>ASSIGNED',
  'OPEN>CANCELLED',
  'ASSIGNED>IN_PROGRESS',
  'ASSIGNED>CANCELLED',
  'IN_PROGRESS>RESOLVED',
  'IN_PROGRESS>CANCELLED',
  'RESOLVED>CLOSED',
  'RESOLVED>IN_PROGRESS',
]);

describe('the service request state machine of the console', () => {
  it('knows every status and category the API has', () => {
    expect([...ALL].sort()).toEqual([...API_STATUSES].sort());
    expect([...SERVICE_CATEGORIES].sort()).toEqual([...API_CATEGORIES].sort());
    expect(Object.keys(REQUEST_TONES).sort()).toEqual([...ALL].sort());
  });

  it('is the API’s table, move for move', () => {
    for (const from of ALL) {
      expect([...NEXT_STATUSES[from]].sort()).toEqual([...API_NEXT[from]].sort());
    }
    expect([...RATEABLE_STATUSES].sort()).toEqual([...API_RATEABLE].sort());
    expect([...DONE_STATUSES].sort()).toEqual([...API_DONE].sort());
  });

  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it('calls only RESOLVED → IN_PROGRESS a reopening', () => {
    const reopenings = ALL.flatMap((from) => ALL.map((to) => [from, to] as const)).filter(
      ([from, to]) => isReopening(from, to),
    );
    expect(reopenings).toEqual([['RESOLVED', 'IN_PROGRESS']]);
  });
});

describe('the moves each role is offered', () => {
  it('a provider: every move of the machine from the statuses an assigned request can have', () => {
    const moves: Record<S, S[]> = Object.fromEntries(
      ALL.map((s) => [s, statusMoves('SERVICE_PROVIDER', s)]),
    ) as Record<S, S[]>;
    expect(moves).toEqual({
      OPEN: [],
      ASSIGNED: ['IN_PROGRESS', 'CANCELLED'],
      IN_PROGRESS: ['RESOLVED', 'CANCELLED'],
      RESOLVED: ['CLOSED', 'IN_PROGRESS'],
      CLOSED: [],
      CANCELLED: [],
    });
  });

  it('the service desk and ADMIN: the machine, but ASSIGNED only by assignServiceRequest', () => {
    for (const role of ['SERVICE_DESK', 'ADMIN'] as const) {
      expect(statusMoves(role, 'OPEN')).toEqual(['CANCELLED']);
      for (const from of ALL.filter((s) => s !== 'OPEN')) {
        expect(statusMoves(role, from)).toEqual([...API_NEXT[from]]);
      }
    }
  });

  it('every other role moves nothing (updateServiceRequestStatus refuses them)', () => {
    for (const role of ROLES.filter(
      (r) => !['SERVICE_DESK', 'ADMIN', 'SERVICE_PROVIDER'].includes(r),
    )) {
      for (const from of ALL) expect(statusMoves(role, from)).toEqual([]);
    }
  });

  it('never offers a move the API would refuse with CONFLICT', () => {
    for (const role of ROLES) {
      for (const from of ALL) {
        for (const to of statusMoves(role, from)) {
          expect(API_NEXT[from]).toContain(to);
          expect(from === 'OPEN' && to === 'ASSIGNED').toBe(false);
        }
      }
    }
  });
});

describe('rating', () => {
  it('the firm admin rates a RESOLVED or CLOSED request once', () => {
    for (const status of ALL) {
      expect(mayRate('TENANT_ADMIN', { status, rating: null })).toBe(
        status === 'RESOLVED' || status === 'CLOSED',
      );
      expect(mayRate('TENANT_ADMIN', { status, rating: 4 })).toBe(false);
    }
    expect(mayRate('TENANT_REPORTER', { status: 'RESOLVED', rating: null })).toBe(false);
    expect(mayRate('SERVICE_PROVIDER', { status: 'RESOLVED', rating: null })).toBe(false);
  });

  it('takes whole numbers 1 to 5', () => {
    expect([1, 2, 3, 4, 5].every(isRating)).toBe(true);
    for (const bad of [0, 6, 2.5, -1, NaN, '3', null, undefined]) expect(isRating(bad)).toBe(false);
  });
});

describe('isLate', () => {
  const now = new Date('2025-09-10T08:00:00Z');
  it('is past dueAt and still waiting', () => {
    expect(isLate({ status: 'IN_PROGRESS', dueAt: '2025-09-10T07:59:00Z' }, now)).toBe(true);
    expect(isLate({ status: 'OPEN', dueAt: '2025-09-10T08:01:00Z' }, now)).toBe(false);
  });
  it('a resolved, closed or cancelled request is never late', () => {
    for (const status of ['RESOLVED', 'CLOSED', 'CANCELLED'] as const) {
      expect(isLate({ status, dueAt: '2025-01-01T00:00:00Z' }, now)).toBe(false);
    }
  });
});
