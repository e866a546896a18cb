import { Decimal } from 'decimal.js';

export interface GrantState {
  budget: string;
  /** Already approved or disbursed under the policy. */
  granted: string;
  /** The per-firm cap, or null for none. */
  cap: string | null;
  /** Already approved or disbursed to this firm under the policy. */
  tenantGranted: string;
}

export interface GrantRoom {
  /** What the budget has left. */
  left: string;
  /** What the cap leaves this firm, or null without a cap. */
  tenantLeft: string | null;
  /** The largest amount that may be granted now. */
  most: string;
}

const money = (d: Decimal) => d.toFixed(2);

/** How much can still be granted to a firm under a policy. */
export function grantRoom(s: GrantState): GrantRoom {
  const left = Decimal.max(0, new Decimal(s.budget).minus(s.granted));
  const tenantLeft =
    s.cap === null ? null : Decimal.max(0, new Decimal(s.cap).minus(s.tenantGranted));
  const most = tenantLeft === null ? left : Decimal.min(left, tenantLeft);
  return {
    left: money(left),
    tenantLeft: tenantLeft === null ? null : money(tenantLeft),
    most: money(most),
  };
}

/**
 * Why `amount` cannot be granted, or null when it fits both the budget and the firm's cap. The
 * message says what is left, so the committee can decide again with a smaller amount.
 */
export function grantRefusal(s: GrantState, amount: string, policyCode: string): string | null {
  const room = grantRoom(s);
  const want = new Decimal(amount);
  if (want.gt(room.left)) {
    return `Policy ${policyCode} has ${room.left} yuan left of its budget of ${money(new Decimal(s.budget))}; ${money(want)} cannot be granted`;
  }
  if (room.tenantLeft !== null && want.gt(room.tenantLeft)) {
    return `The firm has ${room.tenantLeft} yuan left under the per-firm cap of ${money(new Decimal(s.cap!))} of policy ${policyCode}; ${money(want)} cannot be granted`;
  }
  return null;
}
