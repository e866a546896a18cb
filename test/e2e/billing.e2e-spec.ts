import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  addMonths,
  type Bill,
  BILL,
  BILLS,
  BillingFixtures,
  day,
  daysInMonth,
  errorOf,
  ISSUE,
  lastDay,
  linesTotal,
  MonthPool,
  monthsOfYear,
  prorate,
  sum,
  thisMonth,
  thisYear,
  today,
  yearOf,
} from './billing-fixtures.js';

// Rent bills through /graphql: who a month's run bills, the lines and their rounding, runs that
// repeat or race, the list, who sees what, and the dashboard's figures. Every month billed here
// is a past one (OVERDUE is then certain), computed from today in Asia/Shanghai.

let t: TestApp;
let f: BillingFixtures;
let admin: string;
let startup: string;
/** Zero-fee and fee-charging buildings of the STARTUP zone. */
let plain: string;
let charging: { id: string; code: string };

/** The dashboard's year, kept out of the pool: its months are billed by its test alone. */
const DASH_YEAR = thisYear - 3;
const pool = new MonthPool([...monthsOfYear(DASH_YEAR), ...monthsOfYear(DASH_YEAR - 1)]);

beforeAll(async () => {
  t = await startTestApp();
  f = new BillingFixtures(t);
  admin = await t.adminToken();
  startup = await f.startupZone();
  plain = (await f.building(startup)).id;
  charging = await f.building(startup, '3.50');
});
afterAll(() => t?.close());

const NUMBER = (period: string) => new RegExp(`^JCV-${period}-\\d{6}$`);
const auditOf = (ids: string[]) =>
  t.count(
    `audit_events WHERE operation = 'issueBills' AND entity = 'Bill' AND entity_id IN (${ids
      .map((id) => `'${id}'`)
      .join(',')})`,
  );

describe('issueBills', () => {
  it('bills exactly the firms with a lease, not TERMINATED, covering a day of the month', async () => {
    const m = pool.take([-1, 0, 1]);
    const D = daysInMonth(m);
    const covering = await f.firm(startup);
    const endsBefore = await f.firm(startup);
    const startsLast = await f.firm(startup);
    const terminated = await f.firm(startup);
    await f.firm(startup); // no lease at all
    const unit = async () => (await f.unit(charging.id, '100.00')).id;
    // Ended after 10 days: ENDED leases bill the days they covered.
    const coveringLease = await f.lease(await unit(), covering, day(m, 1), day(m, 10), '3100.00');
    await f.lease(await unit(), endsBefore, day(addMonths(m, -1), 1), lastDay(addMonths(m, -1)));
    const lastLease = await f.lease(
      await unit(),
      startsLast,
      lastDay(m),
      day(addMonths(m, 1), 20),
      '3100.00',
    );
    await f.terminate(await f.lease(await unit(), terminated, day(m, 1), lastDay(m)));

    const run = await f.run(m);
    const bills = await f.bills({ period: m });
    expect(bills.map((b) => b.tenant.id).sort()).toEqual([covering, startsLast].sort());
    expect(run).toEqual({
      period: m,
      issued: 2,
      existing: 0,
      total: sum(bills.map((b) => b.total)),
    });

    for (const b of bills) {
      expect(b.number).toMatch(NUMBER(m));
      expect(b).toMatchObject({
        period: m,
        issuedOn: today,
        dueOn: `${m}-15`,
        paid: '0.00',
        outstanding: b.total,
        status: 'OVERDUE',
        voidReason: null,
        payments: [],
      });
    }
    expect(new Set(bills.map((b) => b.number)).size).toBe(2);

    const first = bills.find((b) => b.tenant.id === covering)!;
    expect(first.lines).toEqual([
      expect.objectContaining({
        kind: 'RENT',
        days: 10,
        monthDays: D,
        amount: prorate('3100.00', 10, D),
        lease: { id: coveringLease },
        benefitApplication: null,
      }),
      expect.objectContaining({
        kind: 'PROPERTY_FEE',
        days: 10,
        monthDays: D,
        amount: prorate('350.00', 10, D),
        lease: { id: coveringLease },
      }),
    ]);
    const last = bills.find((b) => b.tenant.id === startsLast)!;
    expect(last.lines.map((l) => [l.kind, l.days, l.amount, l.lease.id])).toEqual([
      ['RENT', 1, prorate('3100.00', 1, D), lastLease],
      ['PROPERTY_FEE', 1, prorate('350.00', 1, D), lastLease],
    ]);
    expect(last.total).toBe(linesTotal(last));
    expect(await auditOf(bills.map((b) => b.id))).toBe(2);

    // The month before bills the firm whose lease ended then, and only it.
    const before = await f.run(addMonths(m, -1));
    expect(before).toMatchObject({ issued: 1, existing: 0 });
    expect((await f.bills({ period: addMonths(m, -1) })).map((b) => b.tenant.id)).toEqual([
      endsBefore,
    ]);
  });

  it('makes each line exact to the fen, rounded half up, and the total their sum', async () => {
    const m = pool.take([0], (x) => daysInMonth(x) === 30);
    const firm = await f.firm(startup);
    // From the 17th: 14 of 30 days. 4321.09 × 14 / 30 = 2016.5086…; 123.45 m² × 3.50 × 14 / 30.
    const late = await f.unit(charging.id, '123.45');
    const lateLease = await f.lease(late.id, firm, day(m, 17), lastDay(m), '4321.09');
    // An earlier lease in a building without a fee: no fee line; it comes first.
    const early = await f.unit(plain, '40.00');
    const earlyLease = await f.lease(early.id, firm, day(m, 1), day(m, 10), '1999.99');
    // From the 16th, 15 of 30 days: exactly half a fen over, 500.005 and 50.005, rounded up.
    const halfFirm = await f.firm(startup);
    const fee = await f.building(startup, '1.00');
    const half = await f.unit(fee.id, '100.01');
    await f.lease(half.id, halfFirm, day(m, 16), lastDay(m), '1000.01');
    // The whole month: exactly the monthly rent and area × fee.
    const wholeFirm = await f.firm(startup);
    const whole = await f.unit(charging.id, '88.88');
    await f.lease(whole.id, wholeFirm, day(m, 1), lastDay(m), '2666.40');

    expect(await f.run(m)).toMatchObject({ issued: 3, existing: 0 });
    const bill = await f.billOf(firm, m);
    expect(bill.lines.map((l) => [l.kind, l.lease.id, l.days, l.monthDays, l.amount])).toEqual([
      ['RENT', earlyLease, 10, 30, prorate('1999.99', 10, 30)],
      ['RENT', lateLease, 14, 30, '2016.51'],
      // 123.45 × 3.50 × 14 / 30 = 201.635 exactly: one rounding, half up.
      ['PROPERTY_FEE', lateLease, 14, 30, '201.64'],
    ]);
    expect(bill.total).toBe(linesTotal(bill));
    expect(bill.total).toBe(sum(['666.66', '2016.51', '201.64']));
    expect(bill.lines[1].description).toMatch(/^租金 /);
    expect(bill.lines[1].description).toContain(late.code);
    expect(bill.lines[1].description).toContain('（14/30天）');
    expect(bill.lines[2].description).toMatch(/^物业费 /);

    const halfBill = await f.billOf(halfFirm, m);
    expect(halfBill.lines.map((l) => [l.kind, l.days, l.amount])).toEqual([
      ['RENT', 15, '500.01'],
      ['PROPERTY_FEE', 15, '50.01'],
    ]);
    expect(halfBill.total).toBe('550.02');

    const wholeBill = await f.billOf(wholeFirm, m);
    expect(wholeBill.lines.map((l) => [l.kind, l.days, l.amount])).toEqual([
      ['RENT', 30, '2666.40'],
      ['PROPERTY_FEE', 30, '311.08'],
    ]);
    expect(wholeBill.total).toBe('2977.48');
  });

  it('a second run of the month makes nothing', async () => {
    const m = pool.take();
    const firms = [await f.firm(startup), await f.firm(startup)];
    for (const firm of firms) {
      await f.lease((await f.unit(plain, '10.00')).id, firm, day(m, 1), lastDay(m));
    }
    const first = await f.run(m);
    expect(first).toMatchObject({ issued: 2, existing: 0 });
    const before = await f.bills({ period: m });
    const lines = await t.count('bill_lines');
    const second = await f.run(m);
    expect(second).toEqual({ period: m, issued: 0, existing: 2, total: '0.00' });
    expect(await f.bills({ period: m })).toEqual(before);
    expect(await t.count('bill_lines')).toBe(lines);
  });

  it('two racing runs of one month make one bill per firm', async () => {
    const m = pool.take();
    const firms: string[] = [];
    for (let i = 0; i < 4; i++) {
      const firm = await f.firm(startup);
      firms.push(firm);
      await f.lease((await f.unit(charging.id, '25.00')).id, firm, day(m, 1), lastDay(m));
    }
    const runs = await Promise.all([f.issue(m), f.issue(m)]);
    console.log(
      `bill-run race (${process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'embedded'}): ` +
        JSON.stringify(runs.map((r) => r.data?.issueBills ?? r.errors)),
    );
    for (const r of runs) expect(r.errors).toBeUndefined();
    const issued = runs.map((r) => r.data!.issueBills.issued).sort();
    expect(issued).toEqual([0, 4]);
    expect(runs.find((r) => r.data!.issueBills.issued === 0)!.data!.issueBills.existing).toBe(4);
    const rows: { tenant_id: string; n: number }[] = await t.dataSource.query(
      `SELECT tenant_id, count(*)::int AS n FROM bills WHERE period = $1 GROUP BY tenant_id`,
      [m],
    );
    expect(rows.map((r) => r.tenant_id).sort()).toEqual([...firms].sort());
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const numbers = (await f.bills({ period: m })).map((b) => b.number);
    expect(new Set(numbers).size).toBe(4);
    for (const n of numbers) expect(n).toMatch(NUMBER(m));
  });

  it('bills next month (ISSUED until its due date) and refuses the month after, naming period', async () => {
    const next = addMonths(thisMonth, 1);
    const firm = await f.firm(startup);
    await f.lease((await f.unit(plain, '10.00')).id, firm, day(next, 1), lastDay(next), '500.00');
    const before = await f.state();
    const ahead = await f.issue(addMonths(thisMonth, 2));
    expect(errorOf(ahead).code).toBe('BAD_USER_INPUT');
    expect(errorOf(ahead).fields?.map((x) => x.field)).toEqual(['period']);
    const malformed = await f.issue(`${thisYear}-13`);
    expect(errorOf(malformed).code).toBe('BAD_USER_INPUT');
    expect(errorOf(malformed).fields).toEqual([
      { field: 'period', message: expect.stringMatching(/YearMonth/) },
    ]);
    const literal = await t.gql(`mutation { issueBills(period: "2025-1") { issued } }`, {}, admin);
    expect(errorOf(literal).code).toBe('BAD_USER_INPUT');
    expect(errorOf(literal).fields?.map((x) => x.field)).toEqual(['period']);
    expect(await f.state()).toEqual(before);

    expect(await f.run(next)).toMatchObject({ issued: 1, existing: 0, total: '500.00' });
    const bill = await f.billOf(firm, next);
    expect(bill).toMatchObject({ dueOn: `${next}-15`, status: 'ISSUED', total: '500.00' });
    const issued = await f.bills({ status: 'ISSUED', tenantId: firm });
    expect(issued.map((b) => b.id)).toEqual([bill.id]);
    expect(await f.bills({ status: 'OVERDUE', tenantId: firm })).toEqual([]);
  });
});

describe('the list of bills', () => {
  let m1: string;
  let m2: string;
  let zone: string;
  const firms: string[] = [];
  let other: string;

  beforeAll(async () => {
    m1 = pool.take();
    m2 = pool.take([0], (x) => yearOf(x) < yearOf(m1));
    zone = await f.freshZone();
    const b = await f.building(zone, '2.00');
    for (let i = 0; i < 3; i++) {
      const firm = await f.firm(zone);
      firms.push(firm);
      await f.lease((await f.unit(b.id, '50.00')).id, firm, day(m1, 1), lastDay(m1), '1000.00');
    }
    await f.lease((await f.unit(b.id, '20.00')).id, firms[0], day(m2, 1), lastDay(m2), '400.00');
    other = await f.firm(startup);
    await f.lease((await f.unit(plain, '10.00')).id, other, day(m1, 1), day(m1, 5), '600.00');
    await f.run(m1);
    await f.run(m2);
    // firms[1] pays in full, firms[2] in part.
    expect(errorOf(await f.pay((await f.billOf(firms[1], m1)).id, '1100.00')).code).toBeUndefined();
    expect(errorOf(await f.pay((await f.billOf(firms[2], m1)).id, '100.00')).code).toBeUndefined();
  });

  it('reads OVERDUE past the due date unless paid in full, and filters by status', async () => {
    const [a, b, c] = await Promise.all(firms.map((x) => f.billOf(x, m1)));
    expect(a).toMatchObject({
      status: 'OVERDUE',
      total: '1100.00',
      paid: '0.00',
      outstanding: '1100.00',
    });
    expect(b).toMatchObject({ status: 'PAID', paid: '1100.00', outstanding: '0.00' });
    expect(c).toMatchObject({ status: 'OVERDUE', paid: '100.00', outstanding: '1000.00' });
    const overdue = await f.bills({ status: 'OVERDUE', period: m1 });
    const otherBill = await f.billOf(other, m1);
    expect(overdue.map((x) => x.id).sort()).toEqual([a.id, c.id, otherBill.id].sort());
    expect(overdue.every((x) => x.status === 'OVERDUE')).toBe(true);
    expect((await f.bills({ status: 'PAID', period: m1 })).map((x) => x.id)).toEqual([b.id]);
    expect(await f.bills({ status: 'ISSUED', period: m1 })).toEqual([]);
    expect(await f.bills({ status: 'VOID', period: m1 })).toEqual([]);
  });

  it('pages with first/after in period and number order, counting the whole filter', async () => {
    const all = await f.bills({ zoneId: zone });
    expect(all).toHaveLength(4);
    const order = [...all].sort(
      (x, y) => y.period.localeCompare(x.period) || y.number.localeCompare(x.number),
    );
    expect(all.map((x) => x.id)).toEqual(order.map((x) => x.id));
    expect(all[3]).toMatchObject({ period: m2, tenant: { id: firms[0] } });

    const page1 = (await t.ok(BILLS, { filter: { zoneId: zone }, first: 3 }, admin)).bills;
    expect(page1.totalCount).toBe(4);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges.map((e: { node: Bill }) => e.node.id)).toEqual(
      all.slice(0, 3).map((x) => x.id),
    );
    const page2 = (
      await t.ok(
        BILLS,
        { filter: { zoneId: zone }, first: 3, after: page1.pageInfo.endCursor },
        admin,
      )
    ).bills;
    expect(page2.totalCount).toBe(4);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.edges.map((e: { node: Bill }) => e.node.id)).toEqual([all[3].id]);
    expect(page2.edges[0].cursor).toBe(page2.pageInfo.endCursor);
  });

  it('filters by firm, zone, period and year, and sums the whole filter', async () => {
    const ids = async (filter: Record<string, unknown>) =>
      (await f.bills(filter)).map((b) => `${b.tenant.id} ${b.period}`).sort();
    expect(await ids({ tenantId: firms[0] })).toEqual(
      [`${firms[0]} ${m1}`, `${firms[0]} ${m2}`].sort(),
    );
    expect(await ids({ period: m2 })).toEqual([`${firms[0]} ${m2}`]);
    expect(await ids({ zoneId: zone, year: yearOf(m2) })).toEqual([`${firms[0]} ${m2}`]);
    expect(await ids({ zoneId: zone, period: m1 })).toEqual(firms.map((x) => `${x} ${m1}`).sort());
    expect(await ids({ tenantId: other, year: yearOf(m1) })).toEqual([`${other} ${m1}`]);
    expect(await ids({ tenantId: firms[1], period: m2 })).toEqual([]);

    const sums = (await t.ok(BILLS, { filter: { period: m1 }, first: 1 }, admin)).bills;
    const otherTotal = prorate('600.00', 5, daysInMonth(m1));
    expect(sums.totalCount).toBe(4);
    expect(sums.edges).toHaveLength(1);
    expect(sums.sums).toEqual({
      count: 4,
      billed: sum(['1100.00', '1100.00', '1100.00', otherTotal]),
      relieved: '0.00',
      total: sum(['1100.00', '1100.00', '1100.00', otherTotal]),
      paid: '1200.00',
      outstanding: sum(['1100.00', '0.00', '1000.00', otherTotal]),
    });
    const zoneYear = (await t.ok(BILLS, { filter: { zoneId: zone, year: yearOf(m2) } }, admin))
      .bills;
    expect(zoneYear.sums).toEqual({
      count: 1,
      billed: '440.00',
      relieved: '0.00',
      total: '440.00',
      paid: '0.00',
      outstanding: '440.00',
    });
  });

  it('Tenant.bills holds the firm’s bills of a year', async () => {
    const TENANT_BILLS = `query($id: ID!, $year: Int) { tenant(id: $id) { bills(year: $year) { id period tenant { id } } } }`;
    const of = async (year?: number) =>
      (await t.ok(TENANT_BILLS, { id: firms[0], year }, admin)).tenant.bills.map(
        (b: { period: string }) => b.period,
      );
    expect(await of(yearOf(m1))).toEqual([m1]);
    expect(await of(yearOf(m2))).toEqual([m2]);
    expect(await of(yearOf(m2) - 1)).toEqual([]);
    expect((await of()).sort()).toEqual([m1, m2].sort());
  });
});

describe('who sees and handles bills', () => {
  let m: string;
  let a: string;
  let b: string;
  let billA: Bill;
  let billB: Bill;

  beforeAll(async () => {
    m = pool.take();
    a = await f.firm(startup);
    b = await f.firm(startup);
    for (const firm of [a, b]) {
      await f.lease((await f.unit(plain, '10.00')).id, firm, day(m, 1), lastDay(m), '700.00');
    }
    await f.run(m);
    billA = await f.billOf(a, m);
    billB = await f.billOf(b, m);
  });

  const LIST = `query($filter: BillFilter) { bills(filter: $filter) { totalCount edges { node { id tenant { id } } } } }`;
  const TENANT_BILLS = `query($id: ID!) { tenant(id: $id) { id bills { id } } }`;

  it('a firm’s admin sees its own bills only', async () => {
    const tokenA = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a });
    const own = (await t.ok(LIST, {}, tokenA)).bills;
    expect(own.totalCount).toBe(1);
    expect(own.edges.map((e: any) => e.node.id)).toEqual([billA.id]);
    const theirs = (await t.ok(LIST, { filter: { tenantId: b } }, tokenA)).bills;
    expect(theirs).toEqual({ totalCount: 0, edges: [] });
    expect((await t.ok(BILL, { id: billA.id }, tokenA)).bill).toMatchObject({
      id: billA.id,
      total: '700.00',
    });
    // Another firm's bill and one that does not exist get the same answer, and no bill.
    const other = await t.gql(BILL, { id: billB.id }, tokenA);
    const missing = await t.gql(BILL, { id: randomUUID() }, tokenA);
    const garbage = await t.gql(BILL, { id: 'not-an-id' }, tokenA);
    expect(other.data?.bill ?? null).toBeNull();
    expect(errorOf(other)).toMatchObject({
      code: 'FORBIDDEN',
      message: 'A firm can only reach its own data',
    });
    expect(errorOf(missing)).toEqual(errorOf(other));
    expect(errorOf(garbage)).toEqual(errorOf(other));
    expect((await t.ok(TENANT_BILLS, { id: a }, tokenA)).tenant.bills).toEqual([{ id: billA.id }]);
    const viaTenant = await t.gql(TENANT_BILLS, { id: b }, tokenA);
    expect(errorOf(viaTenant).code).toBe('FORBIDDEN');
    expect(viaTenant.data?.tenant ?? null).toBeNull();
  });

  it('no other firm or committee role but the space manager reads bills', async () => {
    const service = (
      await t.ok(
        `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
        { input: { name: `Provider ${randomUUID().slice(0, 8)}`, categories: ['LEGAL'] } },
        admin,
      )
    ).createServiceProvider.id;
    const callers: [string, string][] = [
      ['TENANT_REPORTER', await t.tokenFor(Role.TENANT_REPORTER, { tenantId: a })],
      ['SERVICE_PROVIDER', await t.tokenFor(Role.SERVICE_PROVIDER, { serviceProviderId: service })],
      ['ANALYST', await t.tokenFor(Role.ANALYST)],
      ['POLICY_OFFICER', await t.tokenFor(Role.POLICY_OFFICER)],
    ];
    for (const [role, token] of callers) {
      const list = await t.gql(LIST, {}, token);
      expect([role, list.data?.bills?.edges ?? []]).toEqual([role, []]);
      expect([role, errorOf(list).code]).toEqual([role, 'FORBIDDEN']);
      const one = await t.gql(BILL, { id: billA.id }, token);
      expect([role, one.data?.bill ?? null]).toEqual([role, null]);
      expect([role, errorOf(one).code]).toEqual([role, 'FORBIDDEN']);
    }
    // The firm's reporter reads its firm, not its bills.
    const reporter = callers[0][1];
    const res = await t.gql(TENANT_BILLS, { id: a }, reporter);
    expect(res.data?.tenant?.bills ?? []).toEqual([]);
    expect(errorOf(res).code).toBe('FORBIDDEN');

    const manager = await t.tokenFor(Role.SPACE_MANAGER);
    const seen = (await t.ok(LIST, { filter: { period: m } }, manager)).bills;
    expect(seen.edges.map((e: any) => e.node.id).sort()).toEqual([billA.id, billB.id].sort());
    expect((await t.ok(BILL, { id: billB.id }, manager)).bill.id).toBe(billB.id);
  });

  it('only ADMIN issues, records payments and voids; others are refused and write nothing', async () => {
    const refused = [
      await t.tokenFor(Role.SPACE_MANAGER),
      await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a }),
      await t.tokenFor(Role.POLICY_OFFICER),
    ];
    const before = await f.state();
    for (const token of refused) {
      expect(errorOf(await t.gql(ISSUE, { period: m }, token)).code).toBe('FORBIDDEN');
      expect(errorOf(await f.pay(billA.id, '1.00', today, 'X', token)).code).toBe('FORBIDDEN');
      expect(errorOf(await f.voidBill(billA.id, 'wrong', token)).code).toBe('FORBIDDEN');
    }
    expect(await f.state()).toEqual(before);
    expect(errorOf(await f.pay(billA.id, '1.00')).code).toBeUndefined();
    expect(errorOf(await f.voidBill(billB.id, 'Issued in error')).code).toBeUndefined();
  });
});

describe('ZoneDashboard billing figures', () => {
  const DASHBOARD = `query($zoneId: ID!, $year: Int!, $asOf: Date) {
    zoneDashboard(zoneId: $zoneId, year: $year, asOf: $asOf) {
      year asOf billed rentRelieved collected overdueBills } }`;
  const Y = DASH_YEAR;
  const ym = (month: number) => `${Y}-${String(month).padStart(2, '0')}`;

  it('sums the zone’s bills of the year up to asOf, VOID bills left out', async () => {
    const zone = await f.freshZone();
    const b = await f.building(zone, '2.00');
    const g1 = await f.firm(zone, `${Y - 2}-01-05`);
    const g2 = await f.firm(zone, `${Y - 2}-01-05`);
    const g3 = await f.firm(zone, `${Y - 2}-01-05`);
    const lease = async (firm: string, area: string, period: string, rent: string) =>
      f.lease((await f.unit(b.id, area)).id, firm, day(period, 1), lastDay(period), rent);
    // g1: last December (unpaid, overdue in any year) and March (5000 + 200 fee).
    await lease(g1, '100.00', `${Y - 1}-12`, '5000.00');
    await lease(g1, '100.00', ym(3), '5000.00');
    // g2: May, 3000 + 100 fee, half the rent relieved; paid in May.
    await lease(g2, '50.00', ym(5), '3000.00');
    const relief = await f.reliefPolicy({ steps: [{ fromMonth: 1, toMonth: 1200, share: '0.5' }] });
    await f.grant(relief.id, g2, '100000.00');
    // g3: May (voided), and August (after asOf's month).
    await lease(g3, '10.00', ym(5), '800.00');
    await lease(g3, '10.00', ym(8), '800.00');
    for (const period of [`${Y - 1}-12`, ym(3), ym(5), ym(8)]) await f.run(period);

    const march = await f.billOf(g1, ym(3));
    expect(march.total).toBe('5200.00');
    const may = await f.billOf(g2, ym(5));
    expect(may.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['RENT', '3000.00'],
      ['PROPERTY_FEE', '100.00'],
      ['RENT_RELIEF', '-1500.00'],
    ]);
    expect(may.total).toBe('1600.00');
    expect(errorOf(await f.pay(march.id, '2000.00', `${Y}-04-10`)).code).toBeUndefined();
    expect(errorOf(await f.pay(march.id, '3200.00', `${Y}-07-01`)).code).toBeUndefined();
    expect(errorOf(await f.pay(may.id, '1600.00', `${Y}-05-10`)).code).toBeUndefined();
    const voided = await f.billOf(g3, ym(5));
    expect(errorOf(await f.voidBill(voided.id, 'Lease recorded twice')).code).toBeUndefined();

    const dashboard = async (asOf: string) =>
      (await t.ok(DASHBOARD, { zoneId: zone, year: Y, asOf }, admin)).zoneDashboard;
    expect(await dashboard(`${Y}-06-20`)).toEqual({
      year: Y,
      asOf: `${Y}-06-20`,
      billed: '8300.00',
      rentRelieved: '1500.00',
      collected: '3600.00',
      // March (2000 of 5200 paid by then) and last December.
      overdueBills: 2,
    });
    expect(await dashboard(`${Y}-12-31`)).toEqual({
      year: Y,
      asOf: `${Y}-12-31`,
      billed: '9120.00',
      rentRelieved: '1500.00',
      collected: '6800.00',
      // Last December and August; March is paid.
      overdueBills: 2,
    });
    // Before March's bill falls due: only last December.
    expect(await dashboard(`${Y}-03-15`)).toMatchObject({
      billed: '5200.00',
      collected: '0.00',
      overdueBills: 1,
    });
  });
});
