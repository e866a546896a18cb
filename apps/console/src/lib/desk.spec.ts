import { describe, expect, it } from '@jest/globals';
import type { ServiceCategory, ServiceRequestStatus } from '../gql/graphql';
import {
  BOARD_COLUMNS,
  boardColumns,
  deskMoves,
  dueState,
  forwardMove,
  moveTarget,
  providerProblems,
  providersFor,
  uncoveredCategories,
  workload,
} from './desk';
import { NEXT_STATUSES } from './service-requests';

const summary = (
  role: 'ADMIN' | 'SERVICE_DESK' | 'ANALYST' | 'SERVICE_PROVIDER',
  s: ServiceRequestStatus,
) => deskMoves(role, s).map((m) => (m.kind === 'status' ? m.to : m.kind));

describe('the desk moves', () => {
  it('are exactly these from each status', () => {
    expect(summary('SERVICE_DESK', 'OPEN')).toEqual(['assign', 'CANCELLED']);
    expect(summary('SERVICE_DESK', 'ASSIGNED')).toEqual(['reassign', 'IN_PROGRESS', 'CANCELLED']);
    expect(summary('SERVICE_DESK', 'IN_PROGRESS')).toEqual(['RESOLVED', 'CANCELLED']);
    expect(summary('SERVICE_DESK', 'RESOLVED')).toEqual(['CLOSED', 'IN_PROGRESS']);
    expect(summary('SERVICE_DESK', 'CLOSED')).toEqual([]);
    expect(summary('SERVICE_DESK', 'CANCELLED')).toEqual([]);
  });

  it('are the same for ADMIN, and none for a role outside the desk', () => {
    for (const s of BOARD_COLUMNS) expect(summary('ADMIN', s)).toEqual(summary('SERVICE_DESK', s));
    for (const s of BOARD_COLUMNS) expect(summary('ANALYST', s)).toEqual([]);
    for (const s of BOARD_COLUMNS) expect(summary('SERVICE_PROVIDER', s)).toEqual([]);
  });

  it('never leave the state machine, and never set ASSIGNED by a status change', () => {
    for (const from of BOARD_COLUMNS) {
      for (const m of deskMoves('SERVICE_DESK', from)) {
        if (m.kind !== 'status') continue;
        expect(NEXT_STATUSES[from]).toContain(m.to);
        expect(m.to).not.toBe('ASSIGNED');
      }
    }
  });

  it('mark reopening and cancelling', () => {
    expect(deskMoves('SERVICE_DESK', 'RESOLVED')).toContainEqual({
      kind: 'status',
      to: 'IN_PROGRESS',
      reopen: true,
      cancel: false,
    });
    expect(deskMoves('SERVICE_DESK', 'OPEN')).toContainEqual({
      kind: 'status',
      to: 'CANCELLED',
      reopen: false,
      cancel: true,
    });
  });

  it('take a request to the next column', () => {
    const next = (s: ServiceRequestStatus) => {
      const m = forwardMove('SERVICE_DESK', s);
      return m ? moveTarget(m) : null;
    };
    expect(forwardMove('SERVICE_DESK', 'OPEN')).toEqual({ kind: 'assign' });
    expect(next('OPEN')).toBe('ASSIGNED');
    expect(next('ASSIGNED')).toBe('IN_PROGRESS');
    expect(next('IN_PROGRESS')).toBe('RESOLVED');
    expect(next('RESOLVED')).toBe('CLOSED');
    expect(next('CLOSED')).toBeNull();
    expect(next('CANCELLED')).toBeNull();
    expect(forwardMove('ANALYST', 'OPEN')).toBeNull();
  });
});

describe('the provider picker', () => {
  const providers = [
    {
      id: 'ip',
      name: '吕梁晋知知识产权代理事务所',
      categories: ['IP_PATENT', 'TECH_TRANSFER'] as ServiceCategory[],
    },
    {
      id: 'tt',
      name: '山西吕梁技术转移中心',
      categories: ['TECH_TRANSFER', 'SCENARIO_ASSESSMENT'] as ServiceCategory[],
    },
    { id: 'bank', name: '吕梁农商银行科技金融部', categories: ['FINANCING'] as ServiceCategory[] },
  ];

  it('offers only the providers that serve the category', () => {
    expect(
      providersFor(providers, 'TECH_TRANSFER')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['ip', 'tt']);
    expect(providersFor(providers, 'FINANCING').map((p) => p.id)).toEqual(['bank']);
    expect(providersFor(providers, 'LEGAL')).toEqual([]);
  });

  it('leaves out the provider the request already has', () => {
    expect(providersFor(providers, 'TECH_TRANSFER', 'ip').map((p) => p.id)).toEqual(['tt']);
  });

  it('knows the categories nobody serves', () => {
    expect(uncoveredCategories(providers)).toEqual(['LEGAL', 'HR_TALENT', 'FACILITY', 'OTHER']);
    expect(uncoveredCategories([])).toHaveLength(8);
  });

  it('counts what each provider has in hand', () => {
    const load = workload([
      { status: 'ASSIGNED', assignee: { id: 'ip' } },
      { status: 'IN_PROGRESS', assignee: { id: 'ip' } },
      { status: 'RESOLVED', assignee: { id: 'ip' } },
      { status: 'IN_PROGRESS', assignee: { id: 'bank' } },
      { status: 'OPEN', assignee: null },
    ]);
    expect(load.get('ip')).toBe(2);
    expect(load.get('bank')).toBe(1);
    expect(load.get('tt')).toBeUndefined();
  });

  it('checks the provider form', () => {
    expect(providerProblems({ name: ' ', categories: [] })).toEqual({
      name: 'required',
      categories: 'required',
    });
    expect(providerProblems({ name: 'x'.repeat(201), categories: ['LEGAL'] })).toEqual({
      name: 'long',
    });
    expect(providerProblems({ name: '晋西律师事务所', categories: ['LEGAL'] })).toEqual({});
  });
});

describe('the board', () => {
  const now = new Date('2026-03-10T08:00:00Z');
  const r = (
    id: string,
    status: ServiceRequestStatus,
    dueAt: string,
    createdAt: string,
    category: ServiceCategory = 'LEGAL',
  ) => ({ id, status, dueAt, createdAt, category });
  const requests = [
    r('a', 'OPEN', '2026-03-12T00:00:00Z', '2026-03-09T00:00:00Z'),
    r('b', 'OPEN', '2026-03-09T00:00:00Z', '2026-03-07T00:00:00Z', 'FACILITY'),
    r('c', 'IN_PROGRESS', '2026-03-11T00:00:00Z', '2026-03-08T00:00:00Z'),
    r('d', 'CLOSED', '2026-02-01T00:00:00Z', '2026-01-29T00:00:00Z'),
    r('e', 'CLOSED', '2026-03-01T00:00:00Z', '2026-02-26T00:00:00Z'),
  ];

  it('has a column per status, the soonest due first where someone must act', () => {
    const columns = boardColumns(requests, {}, now);
    expect(columns.map((c) => c.status)).toEqual([
      'OPEN',
      'ASSIGNED',
      'IN_PROGRESS',
      'RESOLVED',
      'CLOSED',
      'CANCELLED',
    ]);
    expect(columns[0].requests.map((x) => x.id)).toEqual(['b', 'a']);
    expect(columns[1].requests).toEqual([]);
    expect(columns[4].requests.map((x) => x.id)).toEqual(['e', 'd']);
  });

  it('filters by category and by lateness', () => {
    const byCategory = boardColumns(requests, { category: 'FACILITY' }, now);
    expect(byCategory.flatMap((c) => c.requests.map((x) => x.id))).toEqual(['b']);
    const late = boardColumns(requests, { lateOnly: true }, now);
    expect(late.flatMap((c) => c.requests.map((x) => x.id))).toEqual(['b']);
  });

  it('marks the response time', () => {
    expect(dueState(requests[1], now)).toBe('late');
    expect(dueState(requests[0], now)).toBe('due');
    expect(dueState(r('f', 'ASSIGNED', '2026-03-10T18:00:00Z', '2026-03-09T18:00:00Z'), now)).toBe(
      'soon',
    );
    expect(dueState(requests[3], now)).toBe('done');
  });
});
