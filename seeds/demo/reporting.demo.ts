import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { AuditService } from '@jcv/audit';
import type { DemoContext } from './demo-context.js';
import { DEMO_FIRM_NAME } from './demo-firm-accounts.js';

// Monthly output reports of the demo firms, from each firm's entry month to last month (or its
// exit month). Everything is derived from the firms' names and the month by a hash, so a load
// gives the same figures every time. The park's figures are scaled so that 2025 ends just under
// the plan's 140 000 000 yuan and 2026 runs at a pace of about 214 000 000 a year, above the
// 210 000 000 target. Most months are accepted; some were returned and resubmitted, a few are
// still returned, the last two months await review, and some firms have not yet reported the
// most recent months, so that overdue reports show.
//
// Written in bulk, not through the reporting service: one INSERT … SELECT FROM unnest of every
// revision (a thousand rows and more, where the service takes a transaction and a lock per
// submission), back-dated: each revision carries the submission and review times it would have
// had, which the service stamps with now(). The rows keep the table's constraints (one latest
// revision per firm and month) and are audited as one `demoSeed` event.

const TARGET_2025 = new Decimal('137600000');
const MONTHLY_PACE_2026 = new Decimal('17800000');
const RETURN_NOTE =
  '产值与营业收入不符，请核对后重报 Output value does not match revenue: check and resubmit';

interface DemoTenant {
  id: string;
  name: string;
  kind: 'FIRM' | 'TEAM';
  isTechFirm: boolean;
  zoneKind: string;
  enteredOn: string;
  exitedOn: string | null;
}

interface Row {
  tenantId: string;
  period: string;
  revision: number;
  latest: boolean;
  status: 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
  weight: number;
  /** Figures of a returned first revision are off by this factor. */
  skew: number;
  note: string | null;
  tenant: DemoTenant;
}

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
  Number(period.slice(0, 4)) * 12 + Number(period.slice(5)) - 1;
const periodOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

@Injectable()
export class ReportingDemo {
  private readonly log = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async load(ctx: DemoContext): Promise<void> {
    const tenants: DemoTenant[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.kind, t.is_tech_firm AS "isTechFirm", z.kind AS "zoneKind",
              t.entered_on::text AS "enteredOn", t.exited_on::text AS "exitedOn"
       FROM tenants t JOIN zones z ON z.id = t.zone_id
       ORDER BY t.entered_on, t.name`,
    );
    const lastMonth = monthIndex(ctx.today.slice(0, 7)) - 1;
    const rows = tenants.flatMap((t) => this.rowsOf(t, lastMonth));
    if (!rows.length) return;
    const amounts = this.scale(rows);

    await this.dataSource.transaction(async (em) => {
      const cols = {
        tenantId: [] as string[],
        period: [] as string[],
        revision: [] as number[],
        latest: [] as boolean[],
        status: [] as string[],
        output: [] as string[],
        revenue: [] as string[],
        rd: [] as string[],
        employees: [] as number[],
        filed: [] as number[],
        granted: [] as number[],
        submittedAt: [] as string[],
        note: [] as (string | null)[],
        reviewed: [] as boolean[],
      };
      rows.forEach((r, i) => {
        const output = amounts[i];
        const t = r.tenant;
        const h = (salt: string) => hash(t.name, r.period, salt);
        const months = monthIndex(r.period) - monthIndex(t.enteredOn.slice(0, 7));
        const staff =
          t.kind === 'TEAM'
            ? 3 + Math.floor(hash(t.name, 'staff') * 6)
            : 8 + Math.floor(hash(t.name, 'staff') ** 2 * 140);
        const filed = Math.floor(h('filed') * (t.isTechFirm ? 4 : 1.5));
        cols.tenantId.push(r.tenantId);
        cols.period.push(r.period);
        cols.revision.push(r.revision);
        cols.latest.push(r.latest);
        cols.status.push(r.status);
        cols.output.push(output.toFixed(2));
        cols.revenue.push(output.times(0.72 + 0.2 * h('revenue')).toFixed(2));
        cols.rd.push(
          output.times(t.isTechFirm ? 0.03 + 0.09 * h('rd') : 0.01 + 0.02 * h('rd')).toFixed(2),
        );
        cols.employees.push(staff + Math.floor(months / 3));
        cols.filed.push(filed);
        cols.granted.push(Math.floor(filed * h('granted')));
        // Sent between the 3rd and the 14th of the next month, a resubmission a week later.
        const day = 3 + Math.floor(h('day') * 12) + (r.revision - 1) * 7;
        cols.submittedAt.push(
          `${periodOf(monthIndex(r.period) + 1)}-${String(day).padStart(2, '0')}T10:00:00+08:00`,
        );
        cols.note.push(r.note);
        cols.reviewed.push(r.status !== 'SUBMITTED');
      });
      await em.query(
        `INSERT INTO output_reports (tenant_id, period, revision, latest, status, output_value,
           revenue, rd_expense, employees, patents_filed, patents_granted, submitted_at,
           submitted_by, review_note, reviewed_at, reviewed_by)
         SELECT u.tenant_id, u.period, u.revision, u.latest, u.status, u.output, u.revenue, u.rd,
           u.employees, u.filed, u.granted, u.submitted_at, $15::uuid, u.note,
           CASE WHEN u.reviewed THEN u.submitted_at + interval '3 days' END,
           CASE WHEN u.reviewed THEN $15::uuid END
         FROM unnest($1::uuid[], $2::char(7)[], $3::int[], $4::boolean[], $5::text[],
           $6::numeric[], $7::numeric[], $8::numeric[], $9::int[], $10::int[], $11::int[],
           $12::timestamptz[], $13::text[], $14::boolean[])
           AS u(tenant_id, period, revision, latest, status, output, revenue, rd, employees,
                filed, granted, submitted_at, note, reviewed)`,
        [
          cols.tenantId,
          cols.period,
          cols.revision,
          cols.latest,
          cols.status,
          cols.output,
          cols.revenue,
          cols.rd,
          cols.employees,
          cols.filed,
          cols.granted,
          cols.submittedAt,
          cols.note,
          cols.reviewed,
          ctx.admin.userId,
        ],
      );
      await this.audit.record(em, {
        actor: ctx.admin,
        operation: 'demoSeed',
        entity: 'OutputReport',
        after: { reports: rows.length, tenants: tenants.length },
      });
    });
    this.log.log(`demo output reports: ${rows.length} revisions of ${tenants.length} tenants`);
  }

  /** The revisions of one tenant, month by month, with their review state. */
  private rowsOf(t: DemoTenant, lastMonth: number): Row[] {
    const from = monthIndex(t.enteredOn.slice(0, 7));
    const to = Math.min(lastMonth, t.exitedOn ? monthIndex(t.exitedOn.slice(0, 7)) : lastMonth);
    const isDemoFirm = t.name === DEMO_FIRM_NAME;
    // Some firms are behind: the demo firm and about one in eight have not sent last month, one
    // in twenty neither of the last two months.
    const behind = isDemoFirm || hash(t.name, 'late') < 0.12 ? 1 : 0;
    const farBehind = !isDemoFirm && hash(t.name, 'late') < 0.05 ? 2 : behind;
    // Firms that came earlier are further along: later entrants start smaller.
    const cohort = t.enteredOn < '2025' ? 2.2 : t.enteredOn < '2026' ? 1 : 0.4;
    const base =
      cohort *
      (0.3 + 2.7 * hash(t.name, 'size') ** 2) *
      (t.kind === 'TEAM' ? 0.15 : 1) *
      (t.zoneKind === 'EXPANSION' ? 3 : 1) *
      (t.isTechFirm ? 1 : 0.6);
    const rows: Row[] = [];
    for (let m = from; m <= to; m++) {
      if (t.exitedOn === null && m > lastMonth - farBehind) break;
      const period = periodOf(m);
      const month = (m % 12) + 1;
      // New firms grow into their space over eighteen months; February has the Spring Festival.
      const weight =
        base *
        (0.3 + 0.7 * Math.min(1, (m - from) / 18)) *
        (month === 2 ? 0.75 : month === 12 ? 1.15 : 1) *
        (0.9 + 0.2 * hash(t.name, period, 'noise'));
      const one = { tenantId: t.id, period, weight, skew: 1, note: null, tenant: t };
      const roll = hash(t.name, period, 'review');
      const reviewed = m < lastMonth - 1;
      if (isDemoFirm && m === lastMonth - 1) {
        // The demo firm's month before last came back: its users can resubmit it.
        rows.push({
          ...one,
          revision: 1,
          latest: true,
          status: 'RETURNED',
          skew: 1.35,
          note: RETURN_NOTE,
        });
      } else if (roll < 0.05) {
        // Returned with a note, then resubmitted.
        rows.push({
          ...one,
          revision: 1,
          latest: false,
          status: 'RETURNED',
          skew: 1.35,
          note: RETURN_NOTE,
        });
        rows.push({
          ...one,
          revision: 2,
          latest: true,
          status: reviewed ? 'ACCEPTED' : 'SUBMITTED',
        });
      } else if (roll < 0.065 && reviewed) {
        // Returned and not yet resubmitted: overdue.
        rows.push({
          ...one,
          revision: 1,
          latest: true,
          status: 'RETURNED',
          skew: 1.35,
          note: RETURN_NOTE,
        });
      } else if (roll < 0.1 && !reviewed) {
        // Corrected by the firm before the committee got to it.
        rows.push({ ...one, revision: 1, latest: false, status: 'SUBMITTED', skew: 0.9 });
        rows.push({ ...one, revision: 2, latest: true, status: 'SUBMITTED' });
      } else {
        rows.push({
          ...one,
          revision: 1,
          latest: true,
          status: reviewed ? 'ACCEPTED' : 'SUBMITTED',
        });
      }
    }
    return rows;
  }

  /**
   * Yuan for each row: weight × k(month), with k linear in time and fitted so that the latest
   * SUBMITTED or ACCEPTED revisions add up to TARGET_2025 over 2025 and to MONTHLY_PACE_2026 a
   * month over 2026's reported months. A linear k keeps each firm's series smooth across the
   * new year; where it cannot be fitted (no 2026 yet) one factor per year is used.
   */
  private scale(rows: Row[]): Decimal[] {
    const counted = rows.filter((r) => r.latest && r.status !== 'RETURNED');
    const t = (r: Row) => monthIndex(r.period) - monthIndex('2025-01');
    const sums = (year: string) => {
      const inYear = counted.filter((r) => r.period.startsWith(year));
      return {
        a: inYear.reduce((s, r) => s + r.weight, 0),
        b: inYear.reduce((s, r) => s + r.weight * t(r), 0),
        months: new Set(inYear.map((r) => r.period)).size,
      };
    };
    const y25 = sums('2025');
    const y26 = sums('2026');
    const target25 = TARGET_2025.toNumber();
    const target26 = MONTHLY_PACE_2026.toNumber() * y26.months;
    let k = (r: Row) => (y25.a ? target25 / y25.a : 300000) * (r.period >= '2026' ? 1.1 : 1);
    const det = y25.a * y26.b - y25.b * y26.a;
    if (y25.a && y26.a && Math.abs(det) > 1e-9) {
      const a = (target25 * y26.b - y25.b * target26) / det;
      const b = (y25.a * target26 - target25 * y26.a) / det;
      const ts = rows.map(t);
      const positive = [Math.min(...ts), Math.max(...ts)].every((x) => a + b * x > 0);
      if (positive) k = (r) => a + b * t(r);
      else {
        const k25 = target25 / y25.a;
        const k26 = target26 / y26.a;
        k = (r) => (r.period < '2026' ? k25 : k26);
      }
    }
    return rows.map((r) => new Decimal(r.weight * k(r) * r.skew).toDecimalPlaces(2));
  }
}
