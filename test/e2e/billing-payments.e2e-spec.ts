import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  addMonths,
  type Bill,
  BILL,
  BillingFixtures,
  day,
  errorOf,
  lastDay,
  MonthPool,
  thisMonth,
  today,
} from './billing-fixtures.js';

// Payments and voids of rent bills through /graphql: partial and full payment, every refusal
// naming its field and writing nothing, and what a paid or void bill refuses.

let t: TestApp;
let f: BillingFixtures;
let admin: string;
let startup: string;
let plain: string;
let m: string;
const pool = new MonthPool();

beforeAll(async () => {
  t = await startTestApp();
  f = new BillingFixtures(t);
  admin = await t.adminToken();
  startup = await f.startupZone();
  plain = (await f.building(startup)).id;
  m = pool.take();
});
afterAll(() => t?.close());

const tomorrow = (() => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();

/** A firm billed 1234.56 for month m (the month is run again for each new firm). */
async function billed(): Promise<Bill> {
  const firm = await f.firm(startup);
  await f.lease((await f.unit(plain, '10.00')).id, firm, day(m, 1), lastDay(m), '1234.56');
  await f.run(m);
  return f.billOf(firm, m);
}

const paymentAudit = (billId: string) =>
  t.count(
    `audit_events WHERE operation = 'recordPayment'
       AND (entity_id = '${billId}' OR after::text LIKE '%${billId}%')`,
  );

describe('recordPayment', () => {
  it('takes a part and then the rest: PAID with nothing outstanding', async () => {
    const bill = await billed();
    expect(bill).toMatchObject({ total: '1234.56', status: 'OVERDUE' });
    const part = await f.pay(
      bill.id,
      '234.56',
      addMonths(thisMonth, -1) + '-20',
      '  工行 20251120-01  ',
    );
    expect(errorOf(part).code).toBeUndefined();
    expect(part.data!.recordPayment).toMatchObject({
      paid: '234.56',
      outstanding: '1000.00',
      status: 'OVERDUE',
      payments: [
        {
          id: expect.any(String),
          amount: '234.56',
          paidOn: addMonths(thisMonth, -1) + '-20',
          reference: '工行 20251120-01',
        },
      ],
    });
    const rest = await f.pay(bill.id, '1000', today, 'CASH-7');
    expect(errorOf(rest).code).toBeUndefined();
    expect(rest.data!.recordPayment).toMatchObject({
      paid: '1234.56',
      outstanding: '0.00',
      status: 'PAID',
    });
    expect(rest.data!.recordPayment.payments.map((p) => [p.amount, p.reference])).toEqual([
      ['234.56', '工行 20251120-01'],
      ['1000.00', 'CASH-7'],
    ]);
    expect((await t.ok(BILL, { id: bill.id }, admin)).bill).toMatchObject({
      status: 'PAID',
      paid: '1234.56',
      outstanding: '0.00',
    });
    expect(await paymentAudit(bill.id)).toBeGreaterThanOrEqual(2);
    // Nothing is outstanding now.
    const more = await f.pay(bill.id, '0.01');
    expect(errorOf(more).fields?.map((x) => x.field)).toEqual(['amount']);
  });

  it('refuses more than the outstanding amount, naming amount and the figure, writing nothing', async () => {
    const bill = await billed();
    expect(errorOf(await f.pay(bill.id, '34.56')).code).toBeUndefined();
    const before = await f.state();
    const res = await f.pay(bill.id, '1200.01');
    expect(errorOf(res).code).toBe('BAD_USER_INPUT');
    expect(errorOf(res).fields).toEqual([
      { field: 'amount', message: expect.stringContaining('1200.00') },
    ]);
    expect(await f.state()).toEqual(before);
    // Exactly what is outstanding is fine.
    expect((await f.pay(bill.id, '1200.00')).data?.recordPayment.status).toBe('PAID');
  });

  it('refuses a bad amount, a future paidOn and a blank reference, each by its field', async () => {
    const bill = await billed();
    const before = await f.state();
    const cases: [string, string, string, string][] = [
      ['0', today, 'R', 'amount'],
      ['0.00', today, 'R', 'amount'],
      ['-5.00', today, 'R', 'amount'],
      ['1.001', today, 'R', 'amount'],
      ['1.00', tomorrow, 'R', 'paidOn'],
      ['1.00', today, '   ', 'reference'],
      ['1.00', today, '', 'reference'],
      ['1.00', today, 'R'.repeat(201), 'reference'],
    ];
    for (const [amount, paidOn, reference, field] of cases) {
      const res = await f.pay(bill.id, amount, paidOn, reference);
      expect([amount, paidOn, reference.length, errorOf(res).code]).toEqual([
        amount,
        paidOn,
        reference.length,
        'BAD_USER_INPUT',
      ]);
      expect([amount, errorOf(res).fields?.map((x) => x.field)]).toEqual([amount, [field]]);
    }
    const malformedDate = await f.pay(bill.id, '1.00', '2025-02-30');
    expect(errorOf(malformedDate).fields?.map((x) => x.field)).toEqual(['paidOn']);
    const missing = await f.pay(randomUUID(), '1.00');
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    expect(await f.state()).toEqual(before);
  });

  it('two racing payments that together exceed the bill: one is taken', async () => {
    const bill = await billed();
    const results = await Promise.all([f.pay(bill.id, '700.00'), f.pay(bill.id, '700.00')]);
    const taken = results.filter((r) => r.data?.recordPayment);
    expect(taken).toHaveLength(1);
    const refused = results.find((r) => r.errors)!;
    expect(errorOf(refused).fields?.map((x) => x.field)).toEqual(['amount']);
    expect((await t.ok(BILL, { id: bill.id }, admin)).bill).toMatchObject({
      paid: '700.00',
      outstanding: '534.56',
    });
  });
});

describe('voidBill', () => {
  it('needs a reason of 1 to 500 characters, naming reason and writing nothing', async () => {
    const bill = await billed();
    const before = await f.state();
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const res = await f.voidBill(bill.id, reason);
      expect(errorOf(res).code).toBe('BAD_USER_INPUT');
      expect(errorOf(res).fields?.map((x) => x.field)).toEqual(['reason']);
    }
    expect(errorOf(await f.voidBill(randomUUID(), 'gone')).code).toBe('NOT_FOUND');
    expect(await f.state()).toEqual(before);
    const ok = await f.voidBill(bill.id, 'x'.repeat(500));
    expect(ok.data?.voidBill.status).toBe('VOID');
  });

  it('refuses a bill with a payment (CONFLICT), and a void bill takes no payment', async () => {
    const paid = await billed();
    expect(errorOf(await f.pay(paid.id, '1.00')).code).toBeUndefined();
    let before = await f.state();
    const refused = await f.voidBill(paid.id, 'Issued in error');
    expect(errorOf(refused).code).toBe('CONFLICT');
    expect(await f.state()).toEqual(before);
    const fully = await billed();
    expect(errorOf(await f.pay(fully.id, '1234.56')).code).toBeUndefined();
    expect(errorOf(await f.voidBill(fully.id, 'Issued in error')).code).toBe('CONFLICT');

    const voided = await billed();
    expect(errorOf(await f.voidBill(voided.id, 'Issued in error')).code).toBeUndefined();
    before = await f.state();
    const pay = await f.pay(voided.id, '1.00');
    expect(errorOf(pay).code).toBe('CONFLICT');
    expect(await f.state()).toEqual(before);
    expect((await t.ok(BILL, { id: voided.id }, admin)).bill).toMatchObject({
      status: 'VOID',
      paid: '0.00',
      voidReason: 'Issued in error',
      payments: [],
    });
  });
});
