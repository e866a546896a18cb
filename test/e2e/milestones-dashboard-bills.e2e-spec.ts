import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { MilestoneFixtures, type Zones } from './milestones-fixtures.js';

// The zone dashboard's rent bill figures (domain.md, Rent bills): billed, relieved and collected
// over the bills of Y's months up to asOf's month, and the bills overdue on asOf, VOID bills
// excluded. The bills are written as the bill run stores them, so that each figure's edge is
// exact; the dashboard counts every bill of its zone, so this suite has a database of its own.

const DASHBOARD = `
  query($zoneId: ID!, $year: Int!, $asOf: Date) {
    zoneDashboard(zoneId: $zoneId, year: $year, asOf: $asOf) {
      asOf billed rentRelieved collected overdueBills
    }
  }`;

type Kind = 'RENT' | 'PROPERTY_FEE' | 'RENT_RELIEF';

let t: TestApp;
let f: MilestoneFixtures;
let zones: Zones;
let admin: string;
let numbers = 0;

/** The lease of a firm (one each here). */
const leaseOf = async (tenantId: string): Promise<string> =>
  (await t.dataSource.query(`SELECT id FROM leases WHERE tenant_id = $1`, [tenantId]))[0].id;

/**
 * A bill of the firm for the period, with its lines and payments ([amount, paidOn]); PAID when
 * the payments cover it, VOID when a reason is given.
 */
async function bill(
  tenantId: string,
  period: string,
  lines: [Kind, string][],
  opts: { payments?: [string, string][]; voidReason?: string; grant?: string } = {},
): Promise<string> {
  const cents = (a: string) => Math.round(Number(a) * 100);
  const total = lines.reduce((s, [, a]) => s + cents(a), 0);
  const paid = (opts.payments ?? []).reduce((s, [a]) => s + cents(a), 0);
  const status = opts.voidReason ? 'VOID' : paid === total ? 'PAID' : 'ISSUED';
  const number = `JCV-${period}-${String(++numbers).padStart(6, '0')}`;
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO bills (number, tenant_id, period, issued_on, due_on, total, paid, status,
                        void_reason, voided_at)
     VALUES ($1, $2, $3, ($3 || '-01')::date, ($3 || '-15')::date, $4::numeric / 100,
             $5::numeric / 100, $6, $7, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END)
     RETURNING id`,
    [number, tenantId, period, total, paid, status, opts.voidReason ?? null],
  );
  const lease = await leaseOf(tenantId);
  for (const [i, [kind, amount]] of lines.entries()) {
    await t.dataSource.query(
      `INSERT INTO bill_lines (bill_id, position, kind, lease_id, benefit_application_id, days,
                               month_days, description, amount)
       VALUES ($1, $2, $3, $4, $5, 28, 28, $3, $6)`,
      [id, i + 1, kind, lease, kind === 'RENT_RELIEF' ? opts.grant : null, amount],
    );
  }
  for (const [amount, paidOn] of opts.payments ?? []) {
    await t.dataSource.query(
      `INSERT INTO payments (bill_id, amount, paid_on, reference) VALUES ($1, $2, $3, 'bank')`,
      [id, amount, paidOn],
    );
  }
  return id;
}

const dashboard = async (zoneId: string, year: number, asOf: string) =>
  (await t.ok<{ zoneDashboard: any }>(DASHBOARD, { zoneId, year, asOf }, admin)).zoneDashboard;

beforeAll(async () => {
  t = await startTestApp();
  f = new MilestoneFixtures(t);
  zones = await f.zones();
  admin = await t.adminToken();

  const a = await f.firm(zones.startup, '2025-06-01');
  const b = await f.firm(zones.startup, '2025-06-01');
  const x = await f.firm(zones.expansion, '2025-06-01');
  for (const [firm, zone] of [
    [a, zones.startup],
    [b, zones.startup],
    [x, zones.expansion],
  ]) {
    await f.lease(await f.unit(zone, '100.00'), firm, '2025-12-01', '2026-12-31');
  }
  await f.grant(a, '5000.00', '2025-11-20');
  const [{ id: grant }] = await t.dataSource.query(
    `SELECT id FROM benefit_applications WHERE tenant_id = $1`,
    [a],
  );

  // A: December unpaid; January relieved and paid in two parts (the second in February);
  // February part paid; March voided and billed again, unpaid.
  await bill(a, '2025-12', [['RENT', '1000.00']]);
  await bill(
    a,
    '2026-01',
    [
      ['RENT', '1000.00'],
      ['PROPERTY_FEE', '100.50'],
      ['RENT_RELIEF', '-500.25'],
    ],
    {
      grant,
      payments: [
        ['300.00', '2026-01-10'],
        ['300.25', '2026-02-20'],
      ],
    },
  );
  await bill(a, '2026-02', [['RENT', '1000.00']], { payments: [['400.00', '2026-02-10']] });
  await bill(a, '2026-03', [['RENT', '999.00']], { voidReason: 'Wrong rent' });
  await bill(a, '2026-03', [['RENT', '1000.00']]);
  // B: January unpaid, April not yet due in March.
  await bill(b, '2026-01', [['RENT', '200.10']]);
  await bill(b, '2026-04', [['RENT', '200.00']]);
  // The other zone.
  await bill(x, '2026-01', [['RENT', '5000.00']]);
});
afterAll(() => t?.close());

describe('zoneDashboard rent bill figures', () => {
  it('sums the bills of the year up to asOf’s month, and counts the overdue ones', async () => {
    expect(await dashboard(zones.startup, 2026, '2026-03-20')).toEqual({
      asOf: '2026-03-20',
      // A January 1100.50, February 1000, March 1000 (the voided one not); B January 200.10.
      billed: '3300.60',
      rentRelieved: '500.25',
      // January in full, February's part.
      collected: '1000.25',
      // A December, February, March; B January. A January is paid; B April is not yet due.
      overdueBills: 4,
    });
  });

  it('takes payments and due dates as they stood on asOf', async () => {
    expect(await dashboard(zones.startup, 2026, '2026-02-15')).toEqual({
      asOf: '2026-02-15',
      billed: '2300.60',
      rentRelieved: '500.25',
      // The January bill's second part comes on 20 February.
      collected: '700.00',
      // A December and January (part paid by then), B January; February is due on the 15th.
      overdueBills: 3,
    });
  });

  it('reads a past year as it ended, and a year not begun as empty', async () => {
    expect(await dashboard(zones.startup, 2025, '2026-03-20')).toEqual({
      asOf: '2025-12-31',
      billed: '1000.00',
      rentRelieved: '0.00',
      collected: '0.00',
      overdueBills: 1,
    });
    expect(await dashboard(zones.startup, 2027, '2026-03-20')).toMatchObject({
      billed: '0.00',
      rentRelieved: '0.00',
      collected: '0.00',
      // Overdue is a count on the day, whatever the month billed.
      overdueBills: 4,
    });
  });

  it('keeps each zone to its own firms', async () => {
    expect(await dashboard(zones.expansion, 2026, '2026-03-20')).toEqual({
      asOf: '2026-03-20',
      billed: '5000.00',
      rentRelieved: '0.00',
      collected: '0.00',
      overdueBills: 1,
    });
  });
});
