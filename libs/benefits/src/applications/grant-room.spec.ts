import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { grantRefusal, grantRoom } from './grant-room.js';

const fen = fc
  .integer({ min: 0, max: 2_000_000_000 })
  .map((n) => new Decimal(n).div(100).toFixed(2));

describe('grantRoom and grantRefusal', () => {
  it('says what the budget has left', () => {
    const s = { budget: '1000.00', granted: '700.00', cap: null, tenantGranted: '0' };
    expect(grantRoom(s)).toEqual({ left: '300.00', tenantLeft: null, most: '300.00' });
    expect(grantRefusal(s, '300.00', 'P1')).toBeNull();
    expect(grantRefusal(s, '300.01', 'P1')).toBe(
      'Policy P1 has 300.00 yuan left of its budget of 1000.00; 300.01 cannot be granted',
    );
  });

  it('says what the per-firm cap has left', () => {
    const s = { budget: '1000.00', granted: '100.00', cap: '250.00', tenantGranted: '100.00' };
    expect(grantRoom(s).most).toBe('150.00');
    expect(grantRefusal(s, '150.00', 'P1')).toBeNull();
    expect(grantRefusal(s, '150.50', 'P1')).toMatch(
      /^The firm has 150.00 yuan left under the per-firm cap of 250.00 of policy P1/,
    );
  });

  it('grants exactly the amounts that keep both sums within their limits', () => {
    // States the database allows: granted within the budget and the firm's total within the cap;
    // amounts are positive.
    const state = fc
      .tuple(fen, fen, fc.option(fen, { nil: null }), fen)
      .map(([a, b, cap, tg]) => {
        const [granted, budget] = new Decimal(a).lte(b) ? [a, b] : [b, a];
        const [tenantGranted, c] =
          cap === null
            ? [Decimal.min(tg, granted).toFixed(2), null]
            : new Decimal(tg).lte(cap)
              ? [tg, cap]
              : [cap, tg];
        return { budget, granted, cap: c, tenantGranted };
      })
      .filter((s) => new Decimal(s.budget).gt(0));
    const amountArb = fen.filter((a) => new Decimal(a).gt(0));
    fc.assert(
      fc.property(state, amountArb, (s, amount) => {
        const fits =
          new Decimal(s.granted).plus(amount).lte(s.budget) &&
          (s.cap === null || new Decimal(s.tenantGranted).plus(amount).lte(s.cap));
        expect(grantRefusal(s, amount, 'P') === null).toBe(fits);
        expect(new Decimal(amount).lte(grantRoom(s).most)).toBe(fits);
      }),
    );
  });
});
