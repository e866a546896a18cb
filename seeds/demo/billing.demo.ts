import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { BillsService } from '@jcv/billing';
import type { DemoContext } from './demo-context.js';
import { DEMO_FIRM_NAME } from './demo-firm-accounts.js';

// The demo's rent bills: every month from the first lease's month to last month, issued through
// the bills service as the worker would have issued them on the 1st of each month, with the rent
// relief of the firms' STARTUP_RENT grants (see the benefits demo) drawn until each grant is used
// up. Most bills are paid on their due date or a few days before; some firms have not paid last
// month yet, one firm owes its last three months and the demo firm has paid part of its last
// bill, so that OVERDUE bills show. Deterministic: which bills are paid, and when, follows from
// the firm's name and the month.
//
// Last month's payments go through the bills service (no payment above what is owed, a bill PAID
// when paid in full, each audited), with the partly paid and the unpaid bills. The older ones,
// most of the history, are written in one statement, back-dated as the service would have dated
// them: the service takes a transaction and a lock per payment, which for some eight hundred
// bills would triple the demo's load time. They pay bills in full and keep the tables'
// constraints, and are audited as one `demoSeed` event.

/** FNV-1a of a string, as a number in [0, 1): the demo's only source of variety. */
function hash(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

const monthIndex = (period: string) =>
  Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const periodOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Firms that have not paid last month's bill yet: about one in eight. */
const LATE_SHARE = 0.125;
/** The firm behind with its last bills owes this many months. */
const MONTHS_OWED = 3;

/**
 * The payments of the last month(s) go through the bills service, one by one (some 40 ms each on
 * the embedded database); the older ones are written in one statement.
 */
const RECORDED_MONTHS = 1;

interface IssuedBill {
  id: string;
  number: string;
  period: string;
  dueOn: string;
  total: string;
  tenant: string;
}

interface PlannedPayment {
  bill: IssuedBill;
  amount: string;
  paidOn: string;
  reference: string;
}

@Injectable()
export class BillingDemo {
  private readonly log = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bills: BillsService,
    private readonly audit: AuditService,
  ) {}

  async load(ctx: DemoContext): Promise<void> {
    const [{ first }]: { first: string | null }[] = await this.dataSource.query(
      `SELECT min(start_date)::text AS first FROM leases WHERE status <> 'TERMINATED'`,
    );
    const lastMonth = monthIndex(ctx.today) - 1;
    if (!first || monthIndex(first) > lastMonth) return;
    for (let m = monthIndex(first); m <= lastMonth; m++) {
      const period = periodOf(m);
      await this.bills.issueBills(null, period, { today: `${period}-01` });
    }
    const payments = this.payments(periodOf(lastMonth), await this.issued());
    const recordedFrom = periodOf(lastMonth - RECORDED_MONTHS + 1);
    await this.writeHistory(
      ctx,
      payments.filter((p) => p.bill.period < recordedFrom),
    );
    for (const p of payments.filter((x) => x.bill.period >= recordedFrom)) {
      await this.bills.recordPayment(
        ctx.admin,
        { billId: p.bill.id, amount: p.amount, paidOn: p.paidOn, reference: p.reference },
        ctx.today,
      );
    }
    const [{ bills, relieved }]: { bills: number; relieved: string }[] =
      await this.dataSource.query(
        `SELECT count(*)::int AS bills,
                coalesce((SELECT sum(-amount) FROM bill_lines WHERE kind = 'RENT_RELIEF'), 0)::text
                  AS relieved
           FROM bills`,
      );
    this.log.log(
      `${bills} rent bills of ${lastMonth - monthIndex(first) + 1} months, ${relieved} yuan relieved, ${payments.length} payments`,
    );
  }

  /** The bills that wait for payment, in month and number order. */
  private issued(): Promise<IssuedBill[]> {
    return this.dataSource.query(
      `SELECT b.id, b.number, b.period, b.due_on::text AS "dueOn", b.total::text AS total,
              t.name AS tenant
         FROM bills b JOIN tenants t ON t.id = b.tenant_id
        WHERE b.status = 'ISSUED' AND b.total > 0
        ORDER BY b.period, b.number`,
    );
  }

  /** What the firms paid on the bills, in order; bills left out are still owed. */
  private payments(lastPeriod: string, bills: IssuedBill[]): PlannedPayment[] {
    // The firm furthest behind: the first by name of those billed last month, other than the
    // demo firm.
    const debtor = bills
      .filter((b) => b.period === lastPeriod && b.tenant !== DEMO_FIRM_NAME)
      .map((b) => b.tenant)
      .sort()[0];
    const owedFrom = monthIndex(lastPeriod) - MONTHS_OWED + 1;
    const out: PlannedPayment[] = [];
    const pay = (bill: IssuedBill, amount: Decimal, paidOn: string) => {
      const n = String(out.length + 1).padStart(5, '0');
      out.push({
        bill,
        amount: amount.toFixed(2),
        paidOn,
        reference: `工商银行 ICBC ${paidOn.replaceAll('-', '')}${n}`,
      });
    };
    for (const bill of bills) {
      const h = (salt: string) => hash(bill.tenant, bill.period, salt);
      const last = bill.period === lastPeriod;
      const total = new Decimal(bill.total);
      if (bill.tenant === debtor && monthIndex(bill.period) >= owedFrom) continue;
      if (last && bill.tenant !== DEMO_FIRM_NAME && hash(bill.tenant, 'late') < LATE_SHARE) {
        continue;
      }
      const paidOn = addDays(bill.dueOn, -Math.floor(h('day') * 5));
      if (last && bill.tenant === DEMO_FIRM_NAME) {
        // Part of it, a few days before the due date: the rest is still owed.
        const part = total.div(2).toDecimalPlaces(0, Decimal.ROUND_DOWN);
        if (part.gt(0)) pay(bill, part, paidOn);
      } else if (h('split') < 0.04) {
        // In two instalments: half ten days early, the rest on the due date.
        const half = total.div(2).toDecimalPlaces(2, Decimal.ROUND_DOWN);
        if (half.gt(0)) pay(bill, half, addDays(bill.dueOn, -10));
        pay(bill, total.minus(half), bill.dueOn);
      } else {
        pay(bill, total, paidOn);
      }
    }
    return out;
  }

  /**
   * The older payments in one statement, each paying its bill in full (in one or two parts):
   * the payments, back-dated to the afternoon they were received, and their bills made PAID.
   * Audited as one `demoSeed` event.
   */
  private async writeHistory(ctx: DemoContext, payments: PlannedPayment[]): Promise<void> {
    if (!payments.length) return;
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `WITH paid AS (
           INSERT INTO payments (bill_id, amount, paid_on, reference, recorded_by, recorded_at)
           SELECT p.bill_id, p.amount, p.paid_on, p.reference, $5,
                  (p.paid_on + time '16:00') AT TIME ZONE 'Asia/Shanghai'
             FROM unnest($1::uuid[], $2::numeric[], $3::date[], $4::text[])
                  AS p(bill_id, amount, paid_on, reference)
           RETURNING bill_id, amount)
         UPDATE bills b
            SET paid = b.paid + s.amount,
                status = CASE WHEN b.paid + s.amount = b.total THEN 'PAID' ELSE b.status END
           FROM (SELECT bill_id, sum(amount) AS amount FROM paid GROUP BY bill_id) s
          WHERE b.id = s.bill_id`,
        [
          payments.map((p) => p.bill.id),
          payments.map((p) => p.amount),
          payments.map((p) => p.paidOn),
          payments.map((p) => p.reference),
          ctx.admin.userId,
        ],
      );
      await this.audit.record(em, {
        actor: ctx.admin,
        operation: 'demoSeed',
        entity: 'Payment',
        after: {
          payments: payments.length,
          bills: new Set(payments.map((p) => p.bill.id)).size,
          through: payments.at(-1)!.bill.period,
        },
      });
    });
  }
}
