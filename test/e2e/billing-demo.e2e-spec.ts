import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { DEMO_FIRM_ACCOUNTS, DEMO_FIRM_NAME, DEMO_PASSWORD } from '../../seeds/demo/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The demo park's rent bills, as a newcomer's `npm start` shows them, made up to a fixed day
// (DEMO_TODAY): every month billed from the first lease to last month, the startup zone's rent
// relief drawn until each grant is used up, most bills paid and a few overdue.

const TODAY = '2026-09-15';
const LAST_MONTH = '2026-08';

/**
 * STARTUP_RENT's rent relief as the benefits demo sets it: the whole rent in the first 12 months
 * of residence, half in months 13 to 36, on at most 80 yuan/m² and 1 000 m².
 */
const SHARES = [
  { from: 1, to: 12, share: new Decimal(1) },
  { from: 13, to: 36, share: new Decimal('0.5') },
];
const MAX_RATE = new Decimal(80);
const MAX_AREA = new Decimal(1000);

const monthIndex = (period: string) =>
  Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const daysIn = (period: string) =>
  new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).getUTCDate();
const fen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

interface LeaseRow {
  id: string;
  start: string;
  end: string;
  rent: string;
  area: string;
}

/** Days of the month `period` that [start, end] covers. */
function covered(period: string, start: string, end: string): number {
  const first = `${period}-01`;
  const last = `${period}-${String(daysIn(period)).padStart(2, '0')}`;
  const from = start > first ? start : first;
  const to = end < last ? end : last;
  return from > to ? 0 : Number(to.slice(8)) - Number(from.slice(8)) + 1;
}

/**
 * The firm's RENT and RENT_RELIEF lines of each month, worked out by hand from the rule: per
 * lease in start order, rent × d / D to the fen; relief = share × min(rent, 80 × A) × d / D with
 * A the area within what is left of the 1 000 m² that month, no more than the rent line nor what
 * is left of the grant.
 */
function byHand(
  enteredOn: string,
  leases: LeaseRow[],
  granted: Decimal,
  periods: string[],
): Map<string, { rent: string[]; relief: string[] }> {
  const out = new Map<string, { rent: string[]; relief: string[] }>();
  let left = granted;
  for (const period of periods) {
    const D = daysIn(period);
    const k = monthIndex(period) - monthIndex(enteredOn) + 1;
    const share = SHARES.find((s) => s.from <= k && k <= s.to)?.share;
    let areaLeft = MAX_AREA;
    const month = { rent: [] as string[], relief: [] as string[] };
    for (const l of [...leases].sort((a, b) => (a.start + a.id < b.start + b.id ? -1 : 1))) {
      const d = covered(period, l.start, l.end);
      if (d === 0) continue;
      const rentLine = fen(new Decimal(l.rent).times(d).div(D));
      month.rent.push(rentLine.toFixed(2));
      if (!share) continue;
      const area = new Decimal(l.area);
      const A = Decimal.min(area, areaLeft);
      areaLeft = areaLeft.minus(A);
      const rent = new Decimal(l.rent);
      const relief = rent.lte(MAX_RATE.times(area))
        ? share.times(rent).times(A).times(d).div(area.times(D))
        : share.times(MAX_RATE).times(A).times(d).div(D);
      const amount = Decimal.min(fen(relief), rentLine, left);
      left = left.minus(amount);
      if (amount.gt(0)) month.relief.push(amount.neg().toFixed(2));
    }
    out.set(period, month);
  }
  return out;
}

let t: TestApp;
let admin: string;
const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true', DEMO_TODAY: TODAY });
  admin = await t.adminToken();
}, 300_000);
afterAll(() => t?.close());

interface BillNode {
  number: string;
  period: string;
  total: string;
  paid: string;
  outstanding: string;
  status: string;
  lines: {
    kind: string;
    amount: string;
    lease: { id: string };
    benefitApplication: { id: string } | null;
  }[];
}

async function billsOf(tenantId: string, token = admin): Promise<BillNode[]> {
  const { bills } = await t.ok<{ bills: { edges: { node: BillNode }[] } }>(
    `query($f: BillFilter) { bills(filter: $f, first: 36) { edges { node {
       number period total paid outstanding status
       lines { kind amount lease { id } benefitApplication { id } } } } } }`,
    { f: { tenantId } },
    token,
  );
  return bills.edges.map((e) => e.node).sort((a, b) => (a.period < b.period ? -1 : 1));
}

describe('the demo rent bills', () => {
  it('bill every firm for every month up to last month in which it held a lease', async () => {
    const months = `
      SELECT to_char(m, 'YYYY-MM') AS period, m::date AS first,
             (m + interval '1 month' - interval '1 day')::date AS last
        FROM generate_series(
               date_trunc('month', (SELECT min(start_date) FROM leases WHERE status <> 'TERMINATED')),
               $1::date, interval '1 month') m`;
    const leased = `
      SELECT DISTINCT l.tenant_id, m.period
        FROM leases l JOIN months m ON l.start_date <= m.last AND l.end_date >= m.first
       WHERE l.status <> 'TERMINATED'`;
    const billed = `SELECT tenant_id, period FROM bills WHERE status <> 'VOID' AND period <= $2`;
    const params = [`${LAST_MONTH}-01`, LAST_MONTH];
    const [{ n }] = await q(
      `WITH months AS (${months}) SELECT count(*)::int AS n FROM (${leased}) x`,
      params.slice(0, 1),
    );
    expect(n).toBeGreaterThan(500);
    expect(await q(`WITH months AS (${months}) ${leased} EXCEPT ${billed}`, params)).toEqual([]);
    expect(await q(`WITH months AS (${months}) ${billed} EXCEPT ${leased}`, params)).toEqual([]);
    // From the month of the first lease, that of the park's first entry.
    const [{ first, entered }] = await q(
      `SELECT (SELECT min(period) FROM bills) AS first,
              (SELECT to_char(min(entered_on), 'YYYY-MM') FROM tenants) AS entered`,
    );
    expect(first).toBe(entered);
  });

  it("relieve the demo firm's rent as the rule says, to the fen, until its grant is used up", async () => {
    const [firm] = await q(
      `SELECT id, entered_on::text AS "enteredOn" FROM tenants WHERE name = $1`,
      [DEMO_FIRM_NAME],
    );
    expect(firm.enteredOn).toBe('2025-01-11');
    const leases: LeaseRow[] = await q(
      `SELECT l.id, l.start_date::text AS start, l.end_date::text AS "end",
              l.monthly_rent::text AS rent, u.area::text AS area
         FROM leases l JOIN units u ON u.id = l.unit_id
        WHERE l.tenant_id = $1 AND l.status <> 'TERMINATED'`,
      [firm.id],
    );
    const [grant] = await q(
      `SELECT a.id, a.granted_amount::text AS granted, a.status
         FROM benefit_applications a JOIN policies p ON p.id = a.policy_id
        WHERE a.tenant_id = $1 AND p.code = 'STARTUP_RENT'`,
      [firm.id],
    );
    // The benefits demo's first rent grant: DISBURSED, the 36 000 yuan asked for.
    expect(grant).toMatchObject({ granted: '36000.00', status: 'DISBURSED' });

    const bills = await billsOf(firm.id);
    const periods = bills.map((b) => b.period);
    expect(periods[0]).toBe('2025-01');
    expect(periods.at(-1)).toBe(LAST_MONTH);
    const expected = byHand(firm.enteredOn, leases, new Decimal(grant.granted), periods);
    for (const bill of bills) {
      const of = (kind: string) => bill.lines.filter((l) => l.kind === kind).map((l) => l.amount);
      expect({ period: bill.period, rent: of('RENT'), relief: of('RENT_RELIEF') }).toEqual({
        period: bill.period,
        ...expected.get(bill.period),
      });
      for (const l of bill.lines.filter((x) => x.kind === 'RENT_RELIEF')) {
        expect(l.benefitApplication?.id).toBe(grant.id);
      }
    }
    // The grant is used up to the fen, and its last relief is what was left, below that
    // month's rent; later bills have none.
    const withRelief = bills.filter((b) => b.lines.some((l) => l.kind === 'RENT_RELIEF'));
    const relieved = withRelief
      .flatMap((b) => b.lines.filter((l) => l.kind === 'RENT_RELIEF'))
      .reduce((s, l) => s.minus(l.amount), new Decimal(0));
    expect(relieved.toFixed(2)).toBe('36000.00');
    const lastRelieved = withRelief.at(-1)!;
    expect(lastRelieved.period < LAST_MONTH).toBe(true);
    const rentOf = (b: BillNode, kind: string) =>
      b.lines.filter((l) => l.kind === kind).reduce((s, l) => s.plus(l.amount), new Decimal(0));
    expect(rentOf(lastRelieved, 'RENT_RELIEF').neg().lt(rentOf(lastRelieved, 'RENT'))).toBe(true);
    // The first month: from the 11th, 21 of January's 31 days, relieved in full.
    const january = bills[0];
    expect(rentOf(january, 'RENT_RELIEF').neg()).toEqual(rentOf(january, 'RENT'));
    const [lease] = leases;
    expect(rentOf(january, 'RENT').toFixed(2)).toBe(
      fen(new Decimal(lease.rent).times(21).div(31)).toFixed(2),
    );

    // The demo firm's administrator sees the same bills, and only its own.
    const account = DEMO_FIRM_ACCOUNTS.find((a) => a.email === 'firm-admin@jcv.example')!;
    const own = await t.ok<{ bills: { totalCount: number } }>(
      `{ bills(first: 1) { totalCount } }`,
      {},
      await t.login(account.email, DEMO_PASSWORD),
    );
    expect(own.bills.totalCount).toBe(bills.length);
  });

  it('relieve every grant by hand, never above its granted amount, and use one up early', async () => {
    const { benefitApplications } = await t.ok<{
      benefitApplications: {
        id: string;
        status: string;
        grantedAmount: string | null;
        relieved: string;
        tenant: { id: string };
        policy: { code: string };
      }[];
    }>(
      `{ benefitApplications { id status grantedAmount relieved tenant { id } policy { code } } }`,
      {},
      admin,
    );
    const grants = benefitApplications.filter(
      (a) => a.policy.code === 'STARTUP_RENT' && ['APPROVED', 'DISBURSED'].includes(a.status),
    );
    expect(grants.length).toBeGreaterThanOrEqual(4);
    expect(new Set(grants.map((g) => g.status))).toEqual(new Set(['APPROVED', 'DISBURSED']));
    let usedUp = 0;
    let running = 0;
    for (const g of grants) {
      expect(new Decimal(g.relieved).gt(0)).toBe(true);
      expect(new Decimal(g.relieved).lte(g.grantedAmount!)).toBe(true);
      const [firm] = await q(`SELECT entered_on::text AS "enteredOn" FROM tenants WHERE id = $1`, [
        g.tenant.id,
      ]);
      const leases: LeaseRow[] = await q(
        `SELECT l.id, l.start_date::text AS start, l.end_date::text AS "end",
                l.monthly_rent::text AS rent, u.area::text AS area
           FROM leases l JOIN units u ON u.id = l.unit_id
          WHERE l.tenant_id = $1 AND l.status <> 'TERMINATED'`,
        [g.tenant.id],
      );
      const bills = await billsOf(g.tenant.id);
      const expected = byHand(
        firm.enteredOn,
        leases,
        new Decimal(g.grantedAmount!),
        bills.map((b) => b.period),
      );
      let sum = new Decimal(0);
      for (const bill of bills) {
        const relief = bill.lines.filter((l) => l.kind === 'RENT_RELIEF');
        expect([bill.period, relief.map((l) => l.amount)]).toEqual([
          bill.period,
          expected.get(bill.period)!.relief,
        ]);
        for (const l of relief) sum = sum.minus(l.amount);
      }
      expect(sum.toFixed(2)).toBe(g.relieved);
      const last = bills.filter((b) => b.lines.some((l) => l.kind === 'RENT_RELIEF')).at(-1)!;
      if (g.relieved === g.grantedAmount && last.period < LAST_MONTH) usedUp++;
      if (last.period === LAST_MONTH) running++;
    }
    expect(usedUp).toBeGreaterThanOrEqual(1);
    expect(running).toBeGreaterThanOrEqual(1);
    // The database's ledger agrees, and holds nothing else.
    const ledger: { id: string; relieved: string }[] = await q(
      `SELECT benefit_application_id AS id, relieved::text AS relieved FROM rent_relief_totals`,
    );
    expect(Object.fromEntries(ledger.map((r) => [r.id, r.relieved]))).toEqual(
      Object.fromEntries(grants.map((g) => [g.id, g.relieved])),
    );
  });

  it('charge the buildings’ property fees, none on the workstations', async () => {
    const rows: { code: string; fee: string; lines: number }[] = await q(
      `SELECT b.code, b.property_fee_per_sqm::text AS fee,
              count(bl.*) FILTER (WHERE bl.kind = 'PROPERTY_FEE')::int AS lines
         FROM buildings b JOIN units u ON u.building_id = b.id
         JOIN leases l ON l.unit_id = u.id JOIN bill_lines bl ON bl.lease_id = l.id
        GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const r of rows) expect(r.lines > 0).toBe(r.fee !== '0.00');
    expect(rows.find((r) => r.code === 'A')?.fee).toBe('3.50');
    expect(rows.find((r) => r.code === 'P1')?.fee).toBe('5.00');
  });

  it('have paid, overdue and partly paid bills', async () => {
    const count = async (status: string | null) => {
      const { bills } = await t.ok<{ bills: { totalCount: number } }>(
        `query($s: BillStatus) { bills(filter: { status: $s }, first: 1) { totalCount } }`,
        { s: status },
        admin,
      );
      return bills.totalCount;
    };
    const [paid, overdue, all] = [await count('PAID'), await count('OVERDUE'), await count(null)];
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(paid).toBeGreaterThan(overdue * 10);
    expect(all).toBeGreaterThan(paid);
    // Paid on the due date or a few days before, never late, never after the demo's today.
    const [{ late, after }] = await q(
      `SELECT count(*) FILTER (WHERE p.paid_on > b.due_on)::int AS late,
              count(*) FILTER (WHERE p.paid_on >= $1)::int AS after
         FROM payments p JOIN bills b ON b.id = p.bill_id`,
      [TODAY],
    );
    expect({ late, after }).toEqual({ late: 0, after: 0 });
    // Every bill's paid is the sum of its payments, and it is PAID exactly when that is its total.
    const [{ off }] = await q(
      `SELECT count(*)::int AS off FROM bills b
        WHERE b.paid <> coalesce((SELECT sum(amount) FROM payments p WHERE p.bill_id = b.id), 0)
           OR (b.status = 'PAID') <> (b.paid = b.total)`,
    );
    expect(off).toBe(0);
    // The demo firm has paid part of last month's bill.
    const [firm] = await q(`SELECT id FROM tenants WHERE name = $1`, [DEMO_FIRM_NAME]);
    const last = (await billsOf(firm.id)).at(-1)!;
    expect(last.status).toBe('OVERDUE');
    expect(new Decimal(last.paid).gt(0)).toBe(true);
    expect(new Decimal(last.outstanding).gt(0)).toBe(true);
  });

  it("show on the startup zone's dashboard", async () => {
    const { zones } = await t.ok<{ zones: { id: string; kind: string }[] }>(
      `{ zones { id kind } }`,
      {},
      admin,
    );
    const startup = zones.find((z) => z.kind === 'STARTUP')!;
    const { zoneDashboard } = await t.ok<{
      zoneDashboard: {
        billed: string;
        rentRelieved: string;
        collected: string;
        overdueBills: number;
      };
    }>(
      `query($z: ID!, $asOf: Date) { zoneDashboard(zoneId: $z, year: 2026, asOf: $asOf) {
         billed rentRelieved collected overdueBills } }`,
      { z: startup.id, asOf: TODAY },
      admin,
    );
    expect(new Decimal(zoneDashboard.billed).gt(0)).toBe(true);
    expect(new Decimal(zoneDashboard.rentRelieved).gt(0)).toBe(true);
    expect(new Decimal(zoneDashboard.collected).gt(0)).toBe(true);
    expect(new Decimal(zoneDashboard.collected).lt(zoneDashboard.billed)).toBe(true);
    expect(zoneDashboard.overdueBills).toBeGreaterThan(0);
  });
});
