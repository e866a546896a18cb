import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { BenefitApplication, parseRentRelief } from '@jcv/benefits';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { translateConstraints } from '@jcv/database';
import { type NotificationDraft, NotificationKind, OutboxService } from '@jcv/notifications';
import {
  type Actor,
  applyReach,
  BadInputError,
  checkDecimal,
  ConflictError,
  currentRequestId,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  findInReach,
  ForeignReads,
  isRealDate,
  isUuid,
  requireRecord,
  Role,
  todayInShanghai,
  toConnection,
  YEARS,
} from '@jcv/shared';
import { BillStatus } from '../billing.enum.js';
import { type BillingFigures, billingFigures } from '../figures/billing-figures.js';
import { Payment } from '../payments/payment.entity.js';
import type { RecordPaymentInput } from '../payments/record-payment.input.js';
import { RentReliefTotal } from '../relief/rent-relief-total.entity.js';
import {
  billFirm,
  type ComputedBill,
  type FirmFacts,
  type ReliefGrant,
} from '../rules/bill-rules.js';
import type { BillConnection, BillSums } from './bill-connection.type.js';
import { BillLine } from './bill-line.entity.js';
import {
  dueDateOf,
  isPeriod,
  latestBillablePeriod,
  monthsToCatchUp,
  periodBounds,
} from './bill-periods.js';
import { BillRun } from './bill-run.entity.js';
import { Bill } from './bill.entity.js';
import type { BillFilter } from './bills.args.js';

/** Bill runs, and voids that give relief back, take turns on this transaction lock. */
export const BILL_RUN_LOCK = 1764000900;

/**
 * What issueBills reads of other libs' tables, in one statement each: the month's leases with
 * their units, buildings and firms (firmFacts), the firms' rent relief grants and their policies
 * (ensureReliefTotals, lockReliefGrants), and the audit trail it writes in bulk (writeBills).
 */
export const BILL_FACTS_READS = new ForeignReads(import.meta.url, 'firmFacts', {
  leases: ['id', 'tenant_id', 'unit_id', 'start_date', 'end_date', 'monthly_rent', 'status'],
  units: ['id', 'building_id', 'code', 'area'],
  buildings: ['id', 'code', 'property_fee_per_sqm'],
  tenants: ['id', 'name', 'entered_on'],
});
export const RELIEF_GRANTS_READS = new ForeignReads(import.meta.url, 'lockReliefGrants', {
  benefit_applications: ['id', 'policy_id', 'tenant_id', 'status', 'granted_amount', 'decided_at'],
  policies: ['id', 'code', 'kind', 'rent_relief'],
});
export const BILL_AUDIT_READS = new ForeignReads(import.meta.url, 'writeBills', {
  audit_events: [
    'actor_user_id',
    'actor_role',
    'operation',
    'entity',
    'entity_id',
    'after',
    'request_id',
  ],
});
/** What list's zone filter reads: lib tenants' tenants. */
export const BILL_LIST_READS = new ForeignReads(import.meta.url, 'list', {
  tenants: ['id', 'zone_id'],
});

export interface IssueOptions {
  /** The day the bills are issued on (Asia/Shanghai); today by default. */
  today?: string;
  /** Told before each step of the run, and once more when it is done. */
  onStep?: (step: string, done: number, total: number) => void;
}

const STEPS = [
  'lock',
  'read leases',
  'read grants',
  'compute',
  'write bills',
  'draw relief',
  'record run',
  'notify',
  'emit',
] as const;

/** A lease of the month as firmFacts reads it. */
export interface LeaseRow {
  tenantId: string;
  tenantName: string;
  enteredOn: string;
  leaseId: string;
  startDate: string;
  endDate: string;
  monthlyRent: string;
  area: string;
  propertyFeePerSqm: string;
  buildingCode: string;
  unitCode: string;
}

/** A grant with its ledger row as lockReliefGrants reads it. */
export interface GrantRow {
  applicationId: string;
  tenantId: string;
  policyCode: string;
  rentRelief: unknown;
  grantedAmount: string;
  relieved: string;
}

const money = (value: Decimal.Value) => new Decimal(value).toFixed(2);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Issuing, paying, voiding and reading rent bills. */
@Injectable()
export class BillsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  // ---------------------------------------------------------------- issuing

  /**
   * Bills every firm holding a lease (not TERMINATED) that covers a day of `period` and has no
   * bill of that month yet (a VOID one leaves room for its replacement), in one transaction of a
   * fixed number of statements whatever the number of firms: the lines are computed by the pure
   * rules between one read and one write of each kind. Runs take turns on an advisory lock, and
   * one bill per firm and month is the database's unique key; the grants' relief is drawn under
   * row locks of the ledger, whose CHECK keeps each grant within its granted amount.
   */
  async issueBills(actor: Actor | null, period: string, opts: IssueOptions = {}): Promise<BillRun> {
    const today = opts.today ?? todayInShanghai();
    this.checkPeriod(period, today);
    const { first, last } = periodBounds(period);
    const dueOn = dueDateOf(period, this.config.billDueDay);
    const step = (i: number) => opts.onStep?.(STEPS[i] ?? 'done', i, STEPS.length);

    return translateConstraints(() =>
      this.dataSource.transaction(async (em) => {
        step(0);
        await em.query('SELECT pg_advisory_xact_lock($1)', [BILL_RUN_LOCK]);
        // Bulk statements run once: compiling them (JIT) costs more than it saves.
        await em.query('SET LOCAL jit = off');
        step(1);
        const [{ existing, lastNumber }] = await em.query(
          `SELECT count(*) FILTER (WHERE status <> 'VOID')::int AS existing,
                  coalesce(max(substr(number, 13)::int), 0)::int AS "lastNumber"
             FROM bills WHERE period = $1`,
          [period],
        );
        const leases = await this.firmFacts(em, period, first, last);
        const tenantIds = [...new Set(leases.map((l) => l.tenantId))];
        step(2);
        const grants = tenantIds.length ? await this.lockReliefGrants(em, tenantIds) : [];
        step(3);
        const bills = computeBills(period, leases, grants);
        step(4);
        const made = bills.length
          ? await this.writeBills(em, actor, period, today, dueOn, lastNumber, bills)
          : [];
        // A firm billed past the lock (a conflict on the unique key) is left as it is.
        const idOf = new Map(made.map((m) => [m.tenantId, m]));
        const written = bills.filter((b) => idOf.has(b.tenantId));
        step(5);
        await this.drawRelief(em, written);
        step(6);
        const total = written.reduce((s, b) => s.plus(b.total), new Decimal(0));
        const run = await this.recordRun(em, actor, period, written.length, existing, total);
        const issued = written.map((b) => ({ ...idOf.get(b.tenantId)!, total: b.total }));
        step(7);
        await this.notifyIssued(em, period, dueOn, issued, leases);
        step(8);
        await this.outbox.emitMany(
          em,
          'bill.issued',
          issued.map((b) => ({
            billId: b.id,
            number: b.number,
            tenantId: b.tenantId,
            period,
            total: money(b.total),
            dueOn,
          })),
        );
        step(STEPS.length);
        return run;
      }),
    );
  }

  /** The worker's job: every month after the latest one billed up to day's month, in order. */
  async catchUp(day: string): Promise<BillRun[]> {
    const [{ latest }] = await this.dataSource.query(`SELECT max(period) AS latest FROM bill_runs`);
    const runs: BillRun[] = [];
    for (const period of monthsToCatchUp(latest ?? null, day)) {
      runs.push(await this.issueBills(null, period, { today: day }));
    }
    return runs;
  }

  /** A month from 2000 on, and at most the month after today's. */
  private checkPeriod(period: string, today: string): void {
    if (!isPeriod(period)) {
      throw new BadInputError('period', 'must be a month written YYYY-MM');
    }
    const latest = latestBillablePeriod(today);
    if (period > latest) {
      throw new BadInputError(
        'period',
        `must be ${latest} at the latest: bills are issued up to the month after this one`,
      );
    }
    if (Number(period.slice(0, 4)) < YEARS.min) {
      throw new BadInputError('period', `must be from ${YEARS.min}-01 on`);
    }
  }

  /**
   * The leases (not TERMINATED) covering a day of the month, of the firms without a bill of that
   * month that is not VOID, with each unit's area and label and its building's fee, by firm.
   * Reads libs space's and tenants' tables (BILL_FACTS_READS).
   */
  private firmFacts(
    em: EntityManager,
    period: string,
    first: string,
    last: string,
  ): Promise<LeaseRow[]> {
    return em.query(
      `SELECT l.tenant_id AS "tenantId", t.name AS "tenantName",
              t.entered_on::text AS "enteredOn", l.id AS "leaseId",
              l.start_date::text AS "startDate", l.end_date::text AS "endDate",
              l.monthly_rent::text AS "monthlyRent", u.area::text AS area,
              bu.property_fee_per_sqm::text AS "propertyFeePerSqm",
              bu.code AS "buildingCode", u.code AS "unitCode"
         FROM leases l
         JOIN units u ON u.id = l.unit_id
         JOIN buildings bu ON bu.id = u.building_id
         JOIN tenants t ON t.id = l.tenant_id
        WHERE l.status <> 'TERMINATED' AND l.start_date <= $3::date AND l.end_date >= $2::date
          AND NOT EXISTS (SELECT 1 FROM bills b
                           WHERE b.tenant_id = l.tenant_id AND b.period = $1 AND b.status <> 'VOID')
        ORDER BY l.tenant_id, l.start_date, l.id`,
      [period, first, last],
    );
  }

  /**
   * The firms' APPROVED or DISBURSED grants under RENT_SUBSIDY policies with rent relief: their
   * ledger rows made if missing (one statement), then locked in id order with what each has
   * relieved so far (one statement), in the order the grants were decided.
   * Reads lib benefits' tables (RELIEF_GRANTS_READS).
   */
  private async lockReliefGrants(em: EntityManager, tenantIds: string[]): Promise<GrantRow[]> {
    await em.query(
      `INSERT INTO rent_relief_totals (benefit_application_id, granted_amount)
       SELECT a.id, a.granted_amount
         FROM benefit_applications a
         JOIN policies p ON p.id = a.policy_id
        WHERE a.tenant_id = ANY($1::uuid[]) AND a.status IN ('APPROVED', 'DISBURSED')
          AND p.kind = 'RENT_SUBSIDY' AND p.rent_relief IS NOT NULL
          AND a.granted_amount IS NOT NULL
       ON CONFLICT (benefit_application_id) DO NOTHING`,
      [tenantIds],
    );
    const rows: (GrantRow & { decidedAt: Date | null })[] = await em.query(
      `SELECT a.id AS "applicationId", a.tenant_id AS "tenantId", p.code AS "policyCode",
              p.rent_relief AS "rentRelief", r.granted_amount::text AS "grantedAmount",
              r.relieved::text AS relieved, a.decided_at AS "decidedAt"
         FROM rent_relief_totals r
         JOIN benefit_applications a ON a.id = r.benefit_application_id
         JOIN policies p ON p.id = a.policy_id
        WHERE a.tenant_id = ANY($1::uuid[]) AND a.status IN ('APPROVED', 'DISBURSED')
          AND p.kind = 'RENT_SUBSIDY' AND p.rent_relief IS NOT NULL
        ORDER BY r.benefit_application_id
          FOR UPDATE OF r`,
      [tenantIds],
    );
    // Earlier decisions relieve first.
    const decided = (g: { decidedAt: Date | null }) => g.decidedAt?.getTime() ?? 0;
    return rows.sort(
      (x, y) =>
        decided(x) - decided(y) ||
        (x.applicationId < y.applicationId ? -1 : x.applicationId > y.applicationId ? 1 : 0),
    );
  }

  /**
   * One statement: the bills, numbered on from the month's last number, their lines, and an
   * audit row per new bill with its lines, in the order of their numbers. The lines and the
   * audit rows are built from what the bills' and lines' inserts return, so nothing just written
   * is read back and the audit trail is not sent from here as JSON. Writes lib audit's trail
   * (BILL_AUDIT_READS) as AuditService.record does, in bulk.
   */
  private writeBills(
    em: EntityManager,
    actor: Actor | null,
    period: string,
    issuedOn: string,
    dueOn: string,
    lastNumber: number,
    bills: ComputedBill[],
  ): Promise<{ id: string; tenantId: string; number: string }[]> {
    const numbers = bills.map(
      (_, i) => `JCV-${period}-${String(lastNumber + i + 1).padStart(6, '0')}`,
    );
    const lines = bills.flatMap((b) => b.lines.map((l) => ({ tenantId: b.tenantId, ...l })));
    // A bill of nothing (relief covering all) is paid in full as it is issued. A firm's lines
    // go with the bill made for it: a firm billed past the lock gets neither.
    return em.query(
      `WITH made AS (
         INSERT INTO bills (number, tenant_id, period, issued_on, due_on, total, status)
         SELECT n.number, n.tenant_id, $1, $2::date, $3::date, n.total,
                CASE WHEN n.total = 0 THEN 'PAID' ELSE 'ISSUED' END
           FROM unnest($4::text[], $5::uuid[], $6::numeric[]) AS n(number, tenant_id, total)
         ON CONFLICT (tenant_id, period) WHERE status <> 'VOID' DO NOTHING
         RETURNING id, number, tenant_id, period, issued_on, due_on, total, status
       ), lined AS (
         INSERT INTO bill_lines (bill_id, position, kind, lease_id, benefit_application_id, days,
                                 month_days, description, amount)
         SELECT made.id, l.position, l.kind, l.lease_id, l.benefit_application_id, l.days,
                l.month_days, l.description, l.amount
           FROM unnest($7::uuid[], $8::smallint[], $9::text[], $10::uuid[], $11::uuid[],
                       $12::smallint[], $13::smallint[], $14::text[], $15::numeric[])
                AS l(tenant_id, position, kind, lease_id, benefit_application_id, days,
                     month_days, description, amount)
           JOIN made ON made.tenant_id = l.tenant_id
         RETURNING bill_id, position, kind, lease_id, benefit_application_id, days, month_days,
                   description, amount
       ), audited AS (
         INSERT INTO audit_events (actor_user_id, actor_role, operation, entity, entity_id,
                                   after, request_id)
         SELECT $16::uuid, $17::text, 'issueBills', 'Bill', b.id::text,
                jsonb_build_object('number', b.number, 'tenantId', b.tenant_id,
                  'period', b.period, 'issuedOn', b.issued_on, 'dueOn', b.due_on,
                  'total', b.total::text, 'status', b.status,
                  'lines', coalesce(x.lines, '[]'::jsonb)),
                $18::text
           FROM made b
           LEFT JOIN (
             SELECT bill_id, jsonb_agg(jsonb_build_object('position', position, 'kind', kind,
                      'leaseId', lease_id, 'benefitApplicationId', benefit_application_id,
                      'days', days, 'monthDays', month_days, 'description', description,
                      'amount', amount::text) ORDER BY position) AS lines
               FROM lined GROUP BY bill_id) x ON x.bill_id = b.id
          ORDER BY b.number
       )
       SELECT id, tenant_id AS "tenantId", number FROM made`,
      [
        period,
        issuedOn,
        dueOn,
        numbers,
        bills.map((b) => b.tenantId),
        bills.map((b) => b.total),
        lines.map((l) => l.tenantId),
        lines.map((l) => l.position),
        lines.map((l) => l.kind),
        lines.map((l) => l.leaseId),
        lines.map((l) => l.benefitApplicationId),
        lines.map((l) => l.days),
        lines.map((l) => l.monthDays),
        lines.map((l) => l.description),
        lines.map((l) => l.amount),
        actor?.userId ?? null,
        actor?.role ?? null,
        currentRequestId() ?? null,
      ],
    );
  }

  /** One statement: what each grant gave on the new bills, added to its ledger row. */
  private async drawRelief(em: EntityManager, bills: ComputedBill[]): Promise<void> {
    const drawn = new Map<string, Decimal>();
    for (const b of bills) {
      for (const r of b.relief) {
        drawn.set(r.applicationId, (drawn.get(r.applicationId) ?? new Decimal(0)).plus(r.amount));
      }
    }
    if (!drawn.size) return;
    await em.query(
      `UPDATE rent_relief_totals r SET relieved = r.relieved + d.amount
         FROM unnest($1::uuid[], $2::numeric[]) AS d(id, amount)
        WHERE r.benefit_application_id = d.id`,
      [[...drawn.keys()], [...drawn.values()].map((d) => d.toFixed(2))],
    );
  }

  /** The month's run, keeping the latest figures. */
  private async recordRun(
    em: EntityManager,
    actor: Actor | null,
    period: string,
    issued: number,
    existing: number,
    total: Decimal,
  ): Promise<BillRun> {
    await em.query(
      `INSERT INTO bill_runs (period, run_by, issued, existing, total)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (period) DO UPDATE SET ran_at = now(), run_by = EXCLUDED.run_by,
         issued = EXCLUDED.issued, existing = EXCLUDED.existing, total = EXCLUDED.total`,
      [period, actor?.userId ?? null, issued, existing, total.toFixed(2)],
    );
    return em.getRepository(BillRun).findOneByOrFail({ period });
  }

  /**
   * One statement: each new bill to its firm's administrators. A bill of nothing (relief
   * covering all) is paid as it is issued and asks nothing of the firm, so it tells no one.
   */
  private async notifyIssued(
    em: EntityManager,
    period: string,
    dueOn: string,
    bills: { id: string; tenantId: string; number: string; total: string }[],
    leases: readonly LeaseRow[],
  ): Promise<void> {
    const names = new Map(leases.map((l) => [l.tenantId, l.tenantName]));
    const drafts = bills
      .filter((b) => new Decimal(b.total).gt(0))
      .map((b): NotificationDraft<NotificationKind.BILL_ISSUED> => ({
        kind: NotificationKind.BILL_ISSUED,
        matter: b.id,
        to: { tenantId: b.tenantId, tenantRoles: [Role.TENANT_ADMIN] },
        params: {
          tenantName: names.get(b.tenantId)!,
          number: b.number,
          period,
          total: money(b.total),
          dueOn,
        },
        link: `/bills/${b.id}`,
      }));
    await this.outbox.notifyMany(em, drafts);
  }

  // ---------------------------------------------------------------- payments and voids

  /**
   * Records money received on a bill: more than 0, at most what is outstanding, paid on a day
   * not after today, with a reference. The bill is locked, so two payments are counted one
   * after the other; paid in full, it is PAID.
   */
  async recordPayment(
    actor: Actor,
    input: RecordPaymentInput,
    today = todayInShanghai(),
  ): Promise<Bill> {
    const reference = typeof input.reference === 'string' ? input.reference.trim() : '';
    const problems: { field: string; message: string }[] = [];
    const amountProblem = checkDecimal(input.amount, {
      min: '0',
      exclusiveMin: true,
      max: '999999999999.99',
      maxDecimals: 2,
    });
    if (amountProblem) problems.push({ field: 'amount', message: amountProblem });
    if (typeof input.paidOn !== 'string' || !isRealDate(input.paidOn)) {
      problems.push({ field: 'paidOn', message: 'must be a date' });
    } else if (input.paidOn > today) {
      problems.push({ field: 'paidOn', message: `must not be after today (${today})` });
    }
    if (reference.length < 1 || reference.length > 200) {
      problems.push({ field: 'reference', message: 'must be 1 to 200 characters, not blank' });
    }
    if (problems.length) throw new BadInputError(problems);

    return translateConstraints(() =>
      this.dataSource.transaction(async (em) => {
        const before = await this.lockBill(em, actor, input.billId);
        if (before.recordStatus === 'VOID') {
          throw new ConflictError(`Bill ${before.number} is VOID and takes no payment`);
        }
        const outstanding = new Decimal(before.total).minus(before.paid);
        if (new Decimal(input.amount).gt(outstanding)) {
          throw new BadInputError(
            'amount',
            outstanding.isZero()
              ? `must be at most the outstanding 0.00: bill ${before.number} is paid in full`
              : `must be at most the outstanding ${money(outstanding)}`,
          );
        }
        const payment = await em.getRepository(Payment).save(
          em.getRepository(Payment).create({
            billId: before.id,
            amount: money(input.amount),
            paidOn: input.paidOn,
            reference,
            recordedBy: actor.userId,
          }),
        );
        const paid = new Decimal(before.paid).plus(input.amount);
        await em.getRepository(Bill).update(before.id, {
          paid: money(paid),
          recordStatus: paid.eq(before.total) ? 'PAID' : 'ISSUED',
        });
        const after = await em.getRepository(Bill).findOneByOrFail({ id: before.id });
        if (after.recordStatus === 'PAID') {
          await this.outbox.emit(em, 'bill.paid', {
            billId: after.id,
            number: after.number,
            tenantId: after.tenantId,
            period: after.period,
            total: money(after.total),
            paid: money(after.paid),
          });
        }
        const saved = await em.getRepository(Payment).findOneByOrFail({ id: payment.id });
        await this.audit.record(em, {
          actor,
          operation: 'recordPayment',
          entity: 'Payment',
          entityId: saved.id,
          after: saved,
        });
        await this.audit.record(em, {
          actor,
          operation: 'recordPayment',
          entity: 'Bill',
          entityId: before.id,
          before,
          after,
        });
        return after;
      }),
    );
  }

  /**
   * Cancels a bill that has no payment, with a reason: it then counts nothing, its relief goes
   * back to its grants, and a run of its month bills the firm again. Takes the bill runs' lock
   * first, so a void and a run never wait on each other's rows.
   */
  async voidBill(actor: Actor, id: string, reason: string): Promise<Bill> {
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (why.length < 1 || why.length > 500) {
      throw new BadInputError('reason', 'must be 1 to 500 characters, not blank');
    }
    return translateConstraints(() =>
      this.dataSource.transaction(async (em) => {
        await em.query('SELECT pg_advisory_xact_lock($1)', [BILL_RUN_LOCK]);
        const before = await this.lockBill(em, actor, id);
        if (before.recordStatus === 'VOID') {
          throw new ConflictError(`Bill ${before.number} is VOID already`);
        }
        const [{ count, paid }] = await em.query(
          `SELECT count(*)::int AS count, coalesce(sum(amount), 0)::text AS paid
             FROM payments WHERE bill_id = $1`,
          [before.id],
        );
        if (count > 0) {
          throw new ConflictError(
            `Bill ${before.number} has ${plural(count, 'payment')} (${money(paid)}) and cannot be voided`,
          );
        }
        const relief: { id: string; amount: string }[] = await em.query(
          `SELECT benefit_application_id AS id, (-sum(amount))::text AS amount
             FROM bill_lines WHERE bill_id = $1 AND kind = 'RENT_RELIEF'
            GROUP BY benefit_application_id ORDER BY benefit_application_id`,
          [before.id],
        );
        if (relief.length) {
          await em.query(
            `SELECT 1 FROM rent_relief_totals WHERE benefit_application_id = ANY($1::uuid[])
              ORDER BY benefit_application_id FOR UPDATE`,
            [relief.map((r) => r.id)],
          );
          await em.query(
            `UPDATE rent_relief_totals r SET relieved = r.relieved - d.amount
               FROM unnest($1::uuid[], $2::numeric[]) AS d(id, amount)
              WHERE r.benefit_application_id = d.id`,
            [relief.map((r) => r.id), relief.map((r) => r.amount)],
          );
        }
        await em.getRepository(Bill).update(before.id, {
          recordStatus: 'VOID',
          voidReason: why,
          voidedAt: () => 'now()',
          voidedBy: actor.userId,
        });
        const after = await em.getRepository(Bill).findOneByOrFail({ id: before.id });
        await this.audit.record(em, {
          actor,
          operation: 'voidBill',
          entity: 'Bill',
          entityId: before.id,
          before,
          after: { ...after, reliefReturned: relief },
        });
        return after;
      }),
    );
  }

  /** The bill, locked, if the caller reaches it; NOT_FOUND to the committee otherwise. */
  private async lockBill(em: EntityManager, actor: Actor, id: string): Promise<Bill> {
    const qb = em
      .getRepository(Bill)
      .createQueryBuilder('b')
      .where('b.id = :id', { id })
      .setLock('pessimistic_write');
    const row = isUuid(id) ? await applyReach(qb, actor, 'Bill', 'b').getOne() : null;
    return requireRecord(actor, 'Bill', row, id);
  }

  // ---------------------------------------------------------------- reading

  /** The bills matching the filter in the caller's reach: a firm sees only its own. */
  private filtered(actor: Actor, filter: BillFilter, today: string): SelectQueryBuilder<Bill> {
    const qb = this.dataSource.getRepository(Bill).createQueryBuilder('b');
    applyReach(qb, actor, 'Bill', 'b');
    if (filter.tenantId) qb.andWhere('b.tenant_id = :tenantId', { tenantId: filter.tenantId });
    if (filter.zoneId) {
      // Reads lib tenants' tenants (BILL_LIST_READS).
      qb.andWhere('b.tenant_id IN (SELECT t.id FROM tenants t WHERE t.zone_id = :zoneId)', {
        zoneId: filter.zoneId,
      });
    }
    if (filter.period) qb.andWhere('b.period = :period', { period: filter.period });
    if (filter.year !== undefined && filter.year !== null) {
      qb.andWhere('b.period BETWEEN :fromPeriod AND :toPeriod', {
        fromPeriod: `${filter.year}-01`,
        toPeriod: `${filter.year}-12`,
      });
    }
    switch (filter.status) {
      case BillStatus.OVERDUE:
        qb.andWhere(`b.status = 'ISSUED' AND b.due_on < :today`, { today });
        break;
      case BillStatus.ISSUED:
        qb.andWhere(`b.status = 'ISSUED' AND b.due_on >= :today`, { today });
        break;
      case BillStatus.PAID:
      case BillStatus.VOID:
        qb.andWhere('b.status = :status', { status: filter.status });
        break;
    }
    return qb;
  }

  /** Newest month first, then by number, newest first. */
  async list(
    actor: Actor,
    filter: BillFilter = {},
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<BillConnection> {
    const today = todayInShanghai();
    const qb = this.filtered(actor, filter, today);
    const totalCount = await qb.getCount();
    if (after) {
      const [period, number] = decodeCursor(after, ['string', 'string']);
      qb.andWhere(
        '(b.period < :afterPeriod OR (b.period = :afterPeriod AND b.number < :afterNumber))',
        { afterPeriod: String(period), afterNumber: String(number) },
      );
    }
    const rows = await qb
      .orderBy('b.period', 'DESC')
      .addOrderBy('b.number', 'DESC')
      .limit(first + 1)
      .getMany();
    return {
      ...toConnection(rows, first, totalCount, (b) => [b.period, b.number]),
      sumsOf: () => this.sums(actor, filter, today),
    };
  }

  /** The sums of every bill of the filter, VOID ones left out, in one statement. */
  async sums(actor: Actor, filter: BillFilter, today = todayInShanghai()): Promise<BillSums> {
    const [sql, params] = this.filtered(actor, filter, today)
      .select('b.id', 'id')
      .getQueryAndParameters();
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS count,
              coalesce(sum(b.total), 0)::text AS total,
              coalesce(sum(b.paid), 0)::text AS paid,
              coalesce(sum(l.relieved), 0)::text AS relieved
         FROM bills b
         LEFT JOIN LATERAL (SELECT -sum(x.amount) AS relieved FROM bill_lines x
                             WHERE x.bill_id = b.id AND x.kind = 'RENT_RELIEF') l ON true
        WHERE b.status <> 'VOID' AND b.id IN (${sql})`,
      params,
    );
    const total = new Decimal(row.total);
    const relieved = new Decimal(row.relieved);
    return {
      count: row.count,
      billed: total.plus(relieved).toFixed(2),
      relieved: relieved.toFixed(2),
      total: total.toFixed(2),
      paid: money(row.paid),
      outstanding: total.minus(row.paid).toFixed(2),
    };
  }

  /** A bill by id: FORBIDDEN to a firm for another firm's (or none), null to the committee. */
  get(actor: Actor, id: string): Promise<Bill | null> {
    return findInReach(
      this.dataSource.getRepository(Bill).createQueryBuilder('b'),
      actor,
      'Bill',
      'b',
      id,
    );
  }

  /** A zone's billed, relieved and collected money and overdue bills for a dashboard. */
  figures(zoneId: string, year: number, asOf: string): Promise<BillingFigures> {
    return billingFigures(this.dataSource, zoneId, year, asOf);
  }

  /** The months billed, newest first, of one year or all. */
  runs(year?: number | null): Promise<BillRun[]> {
    const qb = this.dataSource.getRepository(BillRun).createQueryBuilder('r');
    if (year !== undefined && year !== null) {
      qb.where('r.period BETWEEN :fromPeriod AND :toPeriod', {
        fromPeriod: `${year}-01`,
        toPeriod: `${year}-12`,
      });
    }
    return qb.orderBy('r.period', 'DESC').getMany();
  }

  // ---------------------------------------------------------------- loaders

  /** Each bill's lines, in order. */
  linesLoader(): DataLoader<string, BillLine[]> {
    return new DataLoader(async (billIds) => {
      const rows = await this.dataSource.getRepository(BillLine).find({
        where: { billId: In([...billIds]) },
        order: { billId: 'ASC', position: 'ASC' },
      });
      return groupedBy(billIds, rows, (l) => l.billId);
    });
  }

  /** Each bill's payments, by the day paid. */
  paymentsLoader(): DataLoader<string, Payment[]> {
    return new DataLoader(async (billIds) => {
      const rows = await this.dataSource.getRepository(Payment).find({
        where: { billId: In([...billIds]) },
        order: { paidOn: 'ASC', recordedAt: 'ASC' },
      });
      return groupedBy(billIds, rows, (p) => p.billId);
    });
  }

  /** Each firm's bills, VOID ones included, oldest month first, of one year or all. */
  billsByTenantLoader(year?: number | null): DataLoader<string, Bill[]> {
    return new DataLoader(async (tenantIds) => {
      const qb = this.dataSource
        .getRepository(Bill)
        .createQueryBuilder('b')
        .where('b.tenant_id = ANY(CAST(:tenantIds AS uuid[]))', { tenantIds: [...tenantIds] });
      if (year !== undefined && year !== null) {
        qb.andWhere('b.period BETWEEN :fromPeriod AND :toPeriod', {
          fromPeriod: `${year}-01`,
          toPeriod: `${year}-12`,
        });
      }
      const rows = await qb.orderBy('b.period', 'ASC').addOrderBy('b.number', 'ASC').getMany();
      return groupedBy(tenantIds, rows, (b) => b.tenantId);
    });
  }

  /** The grants relief lines draw on. */
  applicationLoader(): DataLoader<string, BenefitApplication | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource
        .getRepository(BenefitApplication)
        .findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** What bills have relieved of each grant so far; "0.00" for one never drawn on. */
  relievedOf(): DataLoader<string, string> {
    return new DataLoader(async (applicationIds) => {
      const rows = await this.dataSource
        .getRepository(RentReliefTotal)
        .findBy({ benefitApplicationId: In([...applicationIds]) });
      const byId = new Map(rows.map((r) => [r.benefitApplicationId, money(r.relieved)]));
      return applicationIds.map((id) => byId.get(id) ?? '0.00');
    });
  }
}

function groupedBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k) ?? []);
}

/** The month's bills by the pure rules, firm by firm, from the rows read in bulk. */
export function computeBills(
  period: string,
  leases: readonly LeaseRow[],
  grants: readonly GrantRow[],
): ComputedBill[] {
  const firms = new Map<string, FirmFacts>();
  for (const l of leases) {
    let firm = firms.get(l.tenantId);
    if (!firm) {
      firm = { tenantId: l.tenantId, enteredOn: l.enteredOn, leases: [], grants: [] };
      firms.set(l.tenantId, firm);
    }
    firm.leases.push({
      leaseId: l.leaseId,
      unitLabel: `${l.buildingCode}栋 ${l.unitCode}`,
      area: l.area,
      monthlyRent: l.monthlyRent,
      propertyFeePerSqm: l.propertyFeePerSqm,
      startDate: l.startDate,
      endDate: l.endDate,
    });
  }
  for (const g of grants) {
    const rule = parseRentRelief(g.rentRelief);
    const firm = firms.get(g.tenantId);
    if (!rule || !firm) continue;
    const grant: ReliefGrant = {
      applicationId: g.applicationId,
      policyCode: g.policyCode,
      rule,
      grantedAmount: g.grantedAmount,
      relieved: g.relieved,
    };
    firm.grants.push(grant);
  }
  const bills: ComputedBill[] = [];
  for (const firm of firms.values()) {
    const bill = billFirm(period, firm);
    if (bill) bills.push(bill);
  }
  return bills;
}
