import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  addMonths,
  BILL,
  BILLS,
  BillingFixtures,
  day,
  errorOf,
  lastDay,
  MonthPool,
  thisMonth,
  today,
} from './billing-fixtures.js';

// One month billed end to end through the API: a run, a second run, payments, a void and its
// replacement, a firm's view of its own bills, and what is refused.

let t: TestApp;
let f: BillingFixtures;
let admin: string;
let month: string;
let a: string;
let b: string;
let grant: string;

beforeAll(async () => {
  t = await startTestApp();
  f = new BillingFixtures(t);
  admin = await t.adminToken();
  month = new MonthPool().take();
  const zone = await f.freshZone();
  const building = await f.building(zone, '2.00');
  const unitA = await f.unit(building.id, '100.00');
  const unitB = await f.unit(building.id, '50.00');
  a = await f.firm(zone);
  b = await f.firm(zone);
  await f.lease(unitA.id, a, day(month, 1), lastDay(month), '4000.00');
  await f.lease(unitB.id, b, day(month, 1), lastDay(month), '3000.00');
  const policy = await f.reliefPolicy({ steps: [{ fromMonth: 1, toMonth: 1200, share: '0.5' }] });
  grant = await f.grant(policy.id, b, '1000.00');
});
afterAll(() => t?.close());

describe('a month billed', () => {
  it('bills each firm once, with rent, property fee and relief lines', async () => {
    const run = await f.run(month);
    expect(run).toEqual({ period: month, issued: 2, existing: 0, total: '6300.00' });
    const billA = await f.billOf(a, month);
    expect(billA).toMatchObject({
      number: expect.stringMatching(new RegExp(`^JCV-${month}-\\d{6}$`)),
      total: '4200.00',
      paid: '0.00',
      outstanding: '4200.00',
      status: 'OVERDUE',
      issuedOn: today,
      dueOn: `${month}-15`,
    });
    expect(billA.lines.map((l) => [l.kind, l.amount, l.benefitApplication])).toEqual([
      ['RENT', '4000.00', null],
      ['PROPERTY_FEE', '200.00', null],
    ]);
    const billB = await f.billOf(b, month);
    expect(billB.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['RENT', '3000.00'],
      ['PROPERTY_FEE', '100.00'],
      ['RENT_RELIEF', '-1000.00'],
    ]);
    expect(billB.total).toBe('2100.00');
    expect((await f.application(b, grant)).relieved).toBe('1000.00');

    expect(await f.run(month)).toEqual({ period: month, issued: 0, existing: 2, total: '0.00' });
    const { bills } = await t.ok(BILLS, { filter: { period: month } }, admin);
    expect(bills.totalCount).toBe(2);
    expect(bills.sums).toEqual({
      count: 2,
      billed: '7300.00',
      relieved: '1000.00',
      total: '6300.00',
      paid: '0.00',
      outstanding: '6300.00',
    });
  });

  it('takes payments up to the outstanding amount, then reads PAID', async () => {
    const bill = await f.billOf(a, month);
    const before = await f.state();
    expect(errorOf(await f.pay(bill.id, '4200.01'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'amount', message: 'must be at most the outstanding 4200.00' }],
    });
    expect(errorOf(await f.pay(bill.id, '10.00', '2999-01-01')).fields).toEqual([
      { field: 'paidOn', message: `must not be after today (${today})` },
    ]);
    expect(errorOf(await f.pay(bill.id, '10.00', today, '   ')).fields).toEqual([
      { field: 'reference', message: 'must be 1 to 200 characters, not blank' },
    ]);
    expect(errorOf(await f.pay(bill.id, '0')).fields?.[0].field).toBe('amount');
    expect(errorOf(await f.pay(randomUUID(), '1.00')).code).toBe('NOT_FOUND');
    expect(await f.state()).toEqual(before);

    const part = (await f.pay(bill.id, '1200.00', today, ' BANK-1 ')).data!.recordPayment;
    expect(part).toMatchObject({ paid: '1200.00', outstanding: '3000.00', status: 'OVERDUE' });
    expect(part.payments).toEqual([
      { id: expect.any(String), amount: '1200.00', paidOn: today, reference: 'BANK-1' },
    ]);
    const full = (await f.pay(bill.id, '3000.00')).data!.recordPayment;
    expect(full).toMatchObject({ paid: '4200.00', outstanding: '0.00', status: 'PAID' });
    expect(errorOf(await f.voidBill(bill.id, 'Wrong')).code).toBe('CONFLICT');
  });

  it('voids a bill without payments, gives its relief back, and bills the firm again', async () => {
    const bill = await f.billOf(b, month);
    expect(errorOf(await f.voidBill(bill.id, '  ')).fields).toEqual([
      { field: 'reason', message: 'must be 1 to 500 characters, not blank' },
    ]);
    const voided = (await f.voidBill(bill.id, '  Wrong area  ')).data!.voidBill;
    expect(voided).toMatchObject({ status: 'VOID', voidReason: 'Wrong area', outstanding: '0.00' });
    expect(errorOf(await f.voidBill(bill.id, 'Again')).code).toBe('CONFLICT');
    expect(errorOf(await f.pay(bill.id, '1.00')).code).toBe('CONFLICT');
    expect((await f.application(b, grant)).relieved).toBe('0.00');

    expect(await f.run(month)).toMatchObject({ issued: 1, existing: 1, total: '2100.00' });
    const again = await f.billOf(b, month);
    expect(again.id).not.toBe(bill.id);
    expect(again.number).not.toBe(bill.number);
    expect((await f.application(b, grant)).relieved).toBe('1000.00');
    const audit = await t.dataSource.query(
      `SELECT operation, entity FROM audit_events WHERE entity IN ('Bill', 'Payment')`,
    );
    expect(audit.filter((e: { operation: string }) => e.operation === 'issueBills')).toHaveLength(
      3,
    );
  });

  it('refuses a month more than one month ahead, naming period, writing nothing', async () => {
    const before = await f.state();
    const res = await f.issue(addMonths(thisMonth, 2));
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(res).fields?.[0].field).toBe('period');
    expect(await f.state()).toEqual(before);
  });
});

describe('a firm', () => {
  it('reads its own bills only; another firm’s id and a random one get one FORBIDDEN', async () => {
    const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a });
    const own = await f.bills({}, token);
    expect(own.map((x) => x.tenant.id)).toEqual([a]);
    expect(await f.bills({ tenantId: b }, token)).toEqual([]);
    const theirs = await t.gql(BILL, { id: (await f.billOf(b, month)).id }, token);
    const none = await t.gql(BILL, { id: randomUUID() }, token);
    const garbage = await t.gql(BILL, { id: 'not-an-id' }, token);
    expect(errorOf(theirs).code).toBe('FORBIDDEN');
    expect(errorOf(none)).toEqual(errorOf(theirs));
    expect(errorOf(garbage)).toEqual(errorOf(theirs));
    const { tenant } = await t.ok(
      `query($id: ID!, $y: Int) { tenant(id: $id) { bills(year: $y) { id period } } }`,
      { id: a, y: Number(month.slice(0, 4)) },
      token,
    );
    expect(tenant.bills).toEqual([{ id: own[0].id, period: month }]);
    expect(errorOf(await f.issue(month, token)).code).toBe('FORBIDDEN');
    expect(errorOf(await f.pay(own[0].id, '1.00', today, 'X', token)).code).toBe('FORBIDDEN');
  });

  it('leaves the committee told null for a bill that does not exist', async () => {
    expect((await t.ok(BILL, { id: randomUUID() }, admin)).bill).toBeNull();
    const runs = await t.ok(`{ billRuns { period issued existing total ranAt } }`, {}, admin);
    expect(runs.billRuns[0]).toMatchObject({ period: month, issued: 1, existing: 1 });
  });
});
