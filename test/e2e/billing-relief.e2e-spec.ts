import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  addMonths,
  BILLS,
  BillingFixtures,
  day,
  daysInMonth,
  errorOf,
  lastDay,
  linesTotal,
  MonthPool,
  neg,
  prorate,
  reliefOf,
  sum,
} from './billing-fixtures.js';

// Rent relief (房租减免) on bills through /graphql: Wuhan's 武昌区 rule (months 1–12 all of the
// rent, 13–36 half, on at most 80 yuan per m² and 1 000 m²), its caps, a grant drawn down to the
// last fen, races against a small grant, and a void that returns the relief.

let t: TestApp;
let f: BillingFixtures;
let admin: string;
let startup: string;
/** A building without a property fee: the bills hold rent and relief only. */
let plain: string;
let wuhan: { id: string; code: string };
const pool = new MonthPool();

beforeAll(async () => {
  t = await startTestApp();
  f = new BillingFixtures(t);
  admin = await t.adminToken();
  startup = await f.startupZone();
  plain = (await f.building(startup)).id;
  wuhan = await f.reliefPolicy({
    steps: [
      { fromMonth: 1, toMonth: 12, share: '1' },
      { fromMonth: 13, toMonth: 36, share: '0.5' },
    ],
    maxRatePerSqm: '80',
    maxArea: '1000',
  });
});
afterAll(() => t?.close());

const relievedOf = async (tenantId: string, applicationId: string) =>
  (await f.application(tenantId, applicationId)).relieved;

describe('rent relief', () => {
  it('relieves all of month 1 and half of month 13, on at most 80 per m² and 1 000 m²', async () => {
    const m = pool.take([0, 12]);
    const m13 = addMonths(m, 12);
    const firm = await f.firm(startup, day(m, 5));
    const unit = await f.unit(plain, '1200.00', '90.00');
    const first = await f.lease(unit.id, firm, day(m, 17), lastDay(m), '108000.00');
    const later = await f.lease(unit.id, firm, day(m13, 1), lastDay(m13), '108000.00');
    const app = await f.grant(wuhan.id, firm, '1000000.00');

    // Month 1, from the 17th: 1 × 80 × 1000 × d / D.
    await f.run(m);
    const D = daysInMonth(m);
    const d = D - 16;
    const rent = prorate('108000.00', d, D);
    const relief = prorate('80000', d, D);
    const bill1 = await f.billOf(firm, m);
    expect(bill1.lines).toEqual([
      expect.objectContaining({
        kind: 'RENT',
        days: d,
        monthDays: D,
        amount: rent,
        lease: { id: first },
      }),
      expect.objectContaining({
        kind: 'RENT_RELIEF',
        days: d,
        monthDays: D,
        amount: neg(relief),
        lease: { id: first },
        benefitApplication: { id: app },
      }),
    ]);
    expect(bill1.lines[1].description).toContain(wuhan.code);
    expect(bill1.lines[1].description).toContain('第1个月');
    expect(bill1.total).toBe(sum([rent, neg(relief)]));
    expect(await relievedOf(firm, app)).toBe(relief);

    // Month 13, the whole month: half of 80 × 1000.
    await f.run(m13);
    const bill13 = await f.billOf(firm, m13);
    expect(
      bill13.lines.map((l) => [l.kind, l.amount, l.lease.id, l.benefitApplication?.id ?? null]),
    ).toEqual([
      ['RENT', '108000.00', later, null],
      ['RENT_RELIEF', '-40000.00', later, app],
    ]);
    expect(bill13.lines[1].description).toContain('第13个月');
    expect(bill13.total).toBe('68000.00');
    expect(await relievedOf(firm, app)).toBe(sum([relief, '40000.00']));

    const { sums } = (await t.ok(BILLS, { filter: { tenantId: firm } }, admin)).bills;
    expect(sums).toEqual({
      count: 2,
      billed: sum([rent, '108000.00']),
      relieved: sum([relief, '40000.00']),
      total: sum([bill1.total, '68000.00']),
      paid: '0.00',
      outstanding: sum([bill1.total, '68000.00']),
    });
  });

  it('counts the rent per m² below the cap, shares maxArea across leases, and never relieves more than the rent', async () => {
    const m = pool.take();
    const D = daysInMonth(m);
    // Two leases at 90 per m²: the first (earlier start) uses 600 of the 1 000 m², the second 400.
    const two = await f.firm(startup, day(m, 1));
    const l1 = await f.lease(
      (await f.unit(plain, '600.00')).id,
      two,
      day(m, 1),
      lastDay(m),
      '54000.00',
    );
    const l2 = await f.lease(
      (await f.unit(plain, '700.00')).id,
      two,
      day(m, 2),
      lastDay(m),
      '63000.00',
    );
    const appTwo = await f.grant(wuhan.id, two, '1000000.00');
    // 40 per m², under the cap: all of the rent.
    const cheap = await f.firm(startup, day(m, 1));
    await f.lease((await f.unit(plain, '500.00')).id, cheap, day(m, 1), lastDay(m), '20000.00');
    const appCheap = await f.grant(wuhan.id, cheap, '1000000.00');
    // Two grants: the second only gets what the first left of the rent.
    const both = await f.firm(startup, day(m, 1));
    await f.lease((await f.unit(plain, '1200.00')).id, both, day(m, 1), lastDay(m), '108000.00');
    const full = await f.reliefPolicy({ steps: [{ fromMonth: 1, toMonth: 1200, share: '1' }] });
    const firstGrant = await f.grant(wuhan.id, both, '1000000.00');
    const secondGrant = await f.grant(full.id, both, '1000000.00');

    expect(await f.run(m)).toMatchObject({ issued: 3, existing: 0 });
    const twoBill = await f.billOf(two, m);
    const second = prorate('32000', D - 1, D);
    expect(twoBill.lines.map((l) => [l.kind, l.lease.id, l.days, l.amount])).toEqual([
      ['RENT', l1, D, '54000.00'],
      ['RENT_RELIEF', l1, D, '-48000.00'],
      ['RENT', l2, D - 1, prorate('63000.00', D - 1, D)],
      ['RENT_RELIEF', l2, D - 1, neg(second)],
    ]);
    expect(twoBill.total).toBe(linesTotal(twoBill));
    expect(await relievedOf(two, appTwo)).toBe(sum(['48000.00', second]));

    const cheapBill = await f.billOf(cheap, m);
    expect(cheapBill.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['RENT', '20000.00'],
      ['RENT_RELIEF', '-20000.00'],
    ]);
    expect(cheapBill.total).toBe('0.00');
    expect(await relievedOf(cheap, appCheap)).toBe('20000.00');

    const bothBill = await f.billOf(both, m);
    expect(bothBill.lines.map((l) => [l.kind, l.amount, l.benefitApplication?.id ?? null])).toEqual(
      [
        ['RENT', '108000.00', null],
        ['RENT_RELIEF', '-80000.00', firstGrant],
        ['RENT_RELIEF', '-28000.00', secondGrant],
      ],
    );
    expect(bothBill.total).toBe('0.00');
    expect(await relievedOf(both, secondGrant)).toBe('28000.00');
  });

  it('draws a grant down to its last fen, and relieves nothing once it is spent', async () => {
    const m = pool.take([0, 1, 2, 3]);
    const firm = await f.firm(startup, day(m, 1));
    await f.lease(
      (await f.unit(plain, '1000.00')).id,
      firm,
      day(m, 1),
      lastDay(addMonths(m, 3)),
      '40000.00',
    );
    const app = await f.grant(wuhan.id, firm, '100000.01');
    const seen: [string, string][] = [];
    for (let i = 0; i < 4; i++) {
      await f.run(addMonths(m, i));
      const bill = await f.billOf(firm, addMonths(m, i));
      seen.push([reliefOf(bill), bill.total]);
      expect(bill.total).toBe(linesTotal(bill));
    }
    expect(seen).toEqual([
      ['40000.00', '0.00'],
      ['40000.00', '0.00'],
      ['20000.01', '19999.99'],
      ['0.00', '40000.00'],
    ]);
    const last = await f.billOf(firm, addMonths(m, 3));
    expect(last.lines.map((l) => l.kind)).toEqual(['RENT']);
    expect(await f.application(firm, app)).toMatchObject({
      grantedAmount: '100000.01',
      relieved: '100000.01',
    });
  });

  it('relieves nothing on a SUBMITTED or REJECTED application, and relieves on a DISBURSED one', async () => {
    const m = pool.take();
    const firm = async () => {
      const id = await f.firm(startup, day(m, 1));
      await f.lease((await f.unit(plain, '100.00')).id, id, day(m, 1), lastDay(m), '4000.00');
      return id;
    };
    const submitted = await firm();
    const rejected = await firm();
    const disbursed = await firm();
    const apps = {
      submitted: await f.grant(wuhan.id, submitted, '10000.00', 'SUBMITTED'),
      rejected: await f.grant(wuhan.id, rejected, '10000.00', 'REJECTED'),
      disbursed: await f.grant(wuhan.id, disbursed, '10000.00', 'DISBURSED'),
    };
    await f.run(m);
    for (const id of [submitted, rejected]) {
      const bill = await f.billOf(id, m);
      expect(bill.lines.map((l) => [l.kind, l.amount])).toEqual([['RENT', '4000.00']]);
      expect(bill.total).toBe('4000.00');
    }
    expect(await relievedOf(submitted, apps.submitted)).toBe('0.00');
    expect(await relievedOf(rejected, apps.rejected)).toBe('0.00');
    expect((await f.billOf(disbursed, m)).total).toBe('0.00');
    expect(await relievedOf(disbursed, apps.disbursed)).toBe('4000.00');
  });

  it('racing runs of two months never relieve more than a small grant', async () => {
    const m = pool.take([0, 1]);
    const firm = await f.firm(startup, day(m, 1));
    await f.lease(
      (await f.unit(plain, '10.00')).id,
      firm,
      day(m, 1),
      lastDay(addMonths(m, 1)),
      '600.00',
    );
    const app = await f.grant(wuhan.id, firm, '1000.00');
    const runs = await Promise.all([f.issue(m), f.issue(addMonths(m, 1))]);
    console.log(
      `relief race (${process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'embedded'}): ` +
        JSON.stringify(runs.map((r) => r.data?.issueBills ?? r.errors)),
    );
    for (const r of runs) expect(r.errors).toBeUndefined();
    const bills = [await f.billOf(firm, m), await f.billOf(firm, addMonths(m, 1))];
    const reliefs = bills.map(reliefOf).sort();
    expect(reliefs).toEqual(['400.00', '600.00']);
    for (const b of bills) expect(b.total).toBe(linesTotal(b));
    expect(sum(reliefs)).toBe('1000.00');
    expect(await relievedOf(firm, app)).toBe('1000.00');
    const [row] = await t.dataSource.query(
      `SELECT granted_amount::text AS granted, relieved::text AS relieved
         FROM rent_relief_totals WHERE benefit_application_id = $1`,
      [app],
    );
    expect(row).toEqual({ granted: '1000.00', relieved: '1000.00' });
  });

  it('voidBill returns the relief to the grant, and the month can be billed again', async () => {
    const m = pool.take();
    const firm = await f.firm(startup, day(m, 1));
    await f.lease((await f.unit(plain, '100.00')).id, firm, day(m, 1), lastDay(m), '10000.00');
    const app = await f.grant(wuhan.id, firm, '1000000.00');
    await f.run(m);
    const bill = await f.billOf(firm, m);
    expect(bill.total).toBe('2000.00');
    expect(await relievedOf(firm, app)).toBe('8000.00');

    const voided = await f.voidBill(bill.id, '  Lease recorded twice  ');
    expect(errorOf(voided).code).toBeUndefined();
    expect(voided.data!.voidBill).toMatchObject({
      id: bill.id,
      number: bill.number,
      status: 'VOID',
      voidReason: 'Lease recorded twice',
    });
    expect(await relievedOf(firm, app)).toBe('0.00');
    expect(
      await t.count(`audit_events WHERE operation = 'voidBill' AND entity_id = '${bill.id}'`),
    ).toBeGreaterThanOrEqual(1);
    expect(errorOf(await f.voidBill(bill.id, 'again')).code).toBe('CONFLICT');

    expect(await f.run(m)).toMatchObject({ period: m, issued: 1, existing: 0, total: '2000.00' });
    const again = await f.billOf(firm, m);
    expect(again.id).not.toBe(bill.id);
    expect(again.number).not.toBe(bill.number);
    expect(again.number).toMatch(new RegExp(`^JCV-${m}-\\d{6}$`));
    expect(reliefOf(again)).toBe('8000.00');
    expect(await relievedOf(firm, app)).toBe('8000.00');
    const all = await f.bills({ tenantId: firm, period: m });
    expect(all.map((b) => [b.id, b.status]).sort()).toEqual(
      [
        [bill.id, 'VOID'],
        [again.id, 'OVERDUE'],
      ].sort(),
    );
    expect((await f.bills({ tenantId: firm, status: 'VOID' })).map((b) => b.id)).toEqual([bill.id]);
  });
});
