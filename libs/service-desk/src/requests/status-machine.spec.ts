import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ServiceRequestStatus as S } from './service-request-status.enum.js';
import { canMove, moveRefusal } from './status-machine.js';

// The moves of domain.md, written out pair by pair rather than derived from the code under test.
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

const ALL = Object.values(S);
const PAIRS = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));

describe('the service request state machine', () => {
  it('has 36 pairs of statuses to try', () => {
    expect(PAIRS).toHaveLength(36);
  });

  it.each(PAIRS)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);
    expect(canMove(from, to)).toBe(allowed);
    const refusal = moveRefusal(from, to);
    if (allowed) expect(refusal).toBeNull();
    else expect(refusal).toMatch(new RegExp(`${from}`));
  });

  it('explains a refused move with the moves that are possible', () => {
    expect(moveRefusal(S.OPEN, S.RESOLVED)).toBe(
      'A OPEN request can move only to ASSIGNED or CANCELLED, not to RESOLVED',
    );
    expect(moveRefusal(S.CLOSED, S.IN_PROGRESS)).toBe(
      'A CLOSED request is final and cannot move to IN_PROGRESS',
    );
    expect(moveRefusal(S.ASSIGNED, S.ASSIGNED)).toBe('The request is already ASSIGNED');
  });

  it('never leaves CLOSED or CANCELLED, and cancels only before RESOLVED', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.constantFrom(...ALL), (from, to) => {
        if (from === S.CLOSED || from === S.CANCELLED) expect(canMove(from, to)).toBe(false);
        if (to === S.CANCELLED) {
          expect(canMove(from, to)).toBe([S.OPEN, S.ASSIGNED, S.IN_PROGRESS].includes(from));
        }
        expect(canMove(from, from)).toBe(false);
      }),
    );
  });

  it('any walk of allowed moves from OPEN reaches only statuses the machine names', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALL), { maxLength: 20 }), (tries) => {
        let status: S = S.OPEN;
        const seen: S[] = [status];
        for (const next of tries) {
          if (canMove(status, next)) {
            status = next;
            seen.push(status);
          }
        }
        for (let i = 1; i < seen.length; i++) {
          expect(ALLOWED.has(`${seen[i - 1]}>${seen[i]}`)).toBe(true);
        }
      }),
    );
  });
});
