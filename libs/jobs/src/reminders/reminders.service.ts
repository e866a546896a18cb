import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { type NotificationDraft, NotificationKind, OutboxService } from '@jcv/notifications';
import {
  dueDateOf,
  isReceived,
  lastMonthDueBefore,
  REPORTING_SINCE,
  ReportStatus,
} from '@jcv/reporting';
import { annualReportDue } from '@jcv/statistics';
import { ForeignReads, Role } from '@jcv/shared';
import { annualReportYear, CERTIFICATION_NOTICE_DAYS, reportDuePeriod } from './reminder-days.js';

/** One reminder run at a time across workers: a transaction-scoped advisory lock. */
const REMINDERS_LOCK = 1764001100;

/** The statuses of a latest revision that count as received, monthly or annual. */
const RECEIVED = Object.values(ReportStatus).filter((s) => isReceived(s));

/** Who hears of a firm's reports: the users who send them. */
const REPORTERS = [Role.TENANT_ADMIN, Role.TENANT_REPORTER];

/** What reportsDue reads of other libs' tables: lib tenants' tenants, lib reporting's reports. */
export const REPORTS_DUE_READS = new ForeignReads(import.meta.url, 'reportsDue', {
  tenants: ['id', 'name', 'entered_on', 'exited_on'],
  output_reports: ['tenant_id', 'period', 'latest', 'status'],
});

/** What reportsOverdue reads of other libs' tables: the same as reportsDue. */
export const REPORTS_OVERDUE_READS = new ForeignReads(import.meta.url, 'reportsOverdue', {
  tenants: ['id', 'name', 'entered_on', 'exited_on'],
  output_reports: ['tenant_id', 'period', 'latest', 'status'],
});

/** What certificationsExpiring reads of lib tenants' tables. */
export const CERTIFICATIONS_EXPIRING_READS = new ForeignReads(
  import.meta.url,
  'certificationsExpiring',
  {
    certifications: ['id', 'tenant_id', 'kind', 'expires_on'],
    tenants: ['id', 'name', 'exited_on'],
  },
);

/** What billsOverdue reads of other libs' tables: lib billing's bills, lib tenants' tenants. */
export const BILLS_OVERDUE_READS = new ForeignReads(import.meta.url, 'billsOverdue', {
  bills: ['id', 'tenant_id', 'number', 'period', 'due_on', 'total', 'paid', 'status'],
  tenants: ['id', 'name'],
});

/** What annualReportsDue reads: lib tenants' tenants, lib statistics' annual reports. */
export const ANNUAL_REPORTS_DUE_READS = new ForeignReads(import.meta.url, 'annualReportsDue', {
  tenants: ['id', 'name', 'entered_on', 'exited_on'],
  annual_reports: ['tenant_id', 'year', 'latest', 'status'],
});

/** Notifications made by one run, by kind (0 where the matter was notified before). */
export interface ReminderRun {
  day: string;
  reportDue: number;
  reportOverdue: number;
  certificationExpiring: number;
  billOverdue: number;
  annualReportDue: number;
}

interface TenantRow {
  tenantId: string;
  tenantName: string;
}

/**
 * The daily reminders: reports due and overdue, certificates about to expire, bills overdue and
 * annual reports awaited. Each kind is found for the whole park in one statement and notified
 * in one more, once per user and matter (the notifications' unique key): a rerun of the day, a
 * second worker at the same time or the next day's run makes nothing twice, and a worker that
 * was down catches up on its first run, since each kind reads what is outstanding on the day
 * rather than what happened on it.
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  run(day: string): Promise<ReminderRun> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock($1)`, [REMINDERS_LOCK]);
      return {
        day,
        reportDue: await this.notify(em, await this.reportsDue(em, day)),
        reportOverdue: await this.notify(em, await this.reportsOverdue(em, day)),
        certificationExpiring: await this.notify(em, await this.certificationsExpiring(em, day)),
        billOverdue: await this.notify(em, await this.billsOverdue(em, day)),
        annualReportDue: await this.notify(em, await this.annualReportsDue(em, day)),
      };
    });
  }

  private notify(em: EntityManager, drafts: NotificationDraft[]): Promise<number> {
    return this.outbox.notifyMany(em, drafts);
  }

  /**
   * From the 10th to the 15th: the firms resident last month whose report of it is not
   * received (its latest revision neither SUBMITTED nor ACCEPTED). Reads REPORTS_DUE_READS.
   */
  private async reportsDue(em: EntityManager, day: string): Promise<NotificationDraft[]> {
    const period = reportDuePeriod(day);
    if (!period) return [];
    const rows: TenantRow[] = await em.query(
      `SELECT t.id AS "tenantId", t.name AS "tenantName"
       FROM tenants t
       WHERE t.entered_on < $1::date + interval '1 month'
         AND (t.exited_on IS NULL OR t.exited_on >= $1::date)
         AND NOT EXISTS (
           SELECT 1 FROM output_reports r
           WHERE r.tenant_id = t.id AND r.latest AND r.period = $2 AND r.status = ANY ($3::text[]))
       ORDER BY t.id`,
      [`${period}-01`, period, RECEIVED],
    );
    const dueOn = dueDateOf(period);
    return rows.map((t) => ({
      kind: NotificationKind.REPORT_DUE,
      matter: `${t.tenantId}:${period}`,
      to: { tenantId: t.tenantId, tenantRoles: REPORTERS },
      params: { tenantName: t.tenantName, period, dueOn },
      link: `/reports/new?period=${period}`,
    }));
  }

  /**
   * Every month overdue on `day`, as lib reporting counts them (monthsDue: each firm's months
   * of residence from REPORTING_SINCE up to the last month due before the day, whose latest
   * revision is not received): one notification per firm and month, so a month that stays
   * outstanding is announced once, and a month that a firm missed while the worker was down is
   * announced on its return. Reads REPORTS_OVERDUE_READS.
   */
  private async reportsOverdue(em: EntityManager, day: string): Promise<NotificationDraft[]> {
    const rows: (TenantRow & { period: string })[] = await em.query(
      `SELECT t.id AS "tenantId", t.name AS "tenantName", to_char(m.month, 'YYYY-MM') AS period
       FROM tenants t
       CROSS JOIN LATERAL generate_series(
         greatest(date_trunc('month', t.entered_on::timestamp), $1::timestamp),
         least(date_trunc('month', coalesce(t.exited_on, $2::date)::timestamp), $2::timestamp),
         interval '1 month') AS m(month)
       WHERE NOT EXISTS (
         SELECT 1 FROM output_reports r
         WHERE r.tenant_id = t.id AND r.latest AND r.period = to_char(m.month, 'YYYY-MM')
           AND r.status = ANY ($3::text[]))
       ORDER BY t.id, m.month`,
      [`${REPORTING_SINCE}-01`, `${lastMonthDueBefore(day)}-01`, RECEIVED],
    );
    return rows.map((r) => ({
      kind: NotificationKind.REPORT_OVERDUE,
      matter: `${r.tenantId}:${r.period}`,
      to: { tenantId: r.tenantId, tenantRoles: REPORTERS },
      params: { tenantName: r.tenantName, period: r.period, dueOn: dueDateOf(r.period) },
      link: `/reports/new?period=${r.period}`,
    }));
  }

  /**
   * Certificates of firms still in the park that expire within 90 days of `day` and have not
   * expired (a certificate is valid on its expiry day). The matter holds the expiry day, so a
   * renewed certificate with a new date is announced again when its time comes. The firm's
   * TENANT_ADMIN opens its profile; the committee's ADMIN the firm's page. Reads
   * CERTIFICATIONS_EXPIRING_READS.
   */
  private async certificationsExpiring(
    em: EntityManager,
    day: string,
  ): Promise<NotificationDraft[]> {
    const rows: (TenantRow & { id: string; kind: string; expiresOn: string })[] = await em.query(
      `SELECT c.id, c.kind, c.expires_on::text AS "expiresOn",
              t.id AS "tenantId", t.name AS "tenantName"
       FROM certifications c
       JOIN tenants t ON t.id = c.tenant_id
       WHERE c.expires_on BETWEEN $1::date AND $1::date + $2::int
         AND (t.exited_on IS NULL OR t.exited_on >= $1::date)
       ORDER BY c.expires_on, c.id`,
      [day, CERTIFICATION_NOTICE_DAYS],
    );
    return rows.flatMap((c) => {
      const common = {
        kind: NotificationKind.CERTIFICATION_EXPIRING,
        matter: `${c.id}:${c.expiresOn}`,
        params: { tenantName: c.tenantName, certification: c.kind, expiresOn: c.expiresOn },
      } as const;
      return [
        {
          ...common,
          to: { tenantId: c.tenantId, tenantRoles: [Role.TENANT_ADMIN] },
          link: '/firm',
        },
        { ...common, to: { roles: [Role.ADMIN] }, link: `/tenants/${c.tenantId}` },
      ];
    });
  }

  /**
   * Bills past their due day and not paid in full (OVERDUE, as lib billing reads it from the
   * due day; PAID and VOID bills are not), with what is still to pay. Reads BILLS_OVERDUE_READS.
   */
  private async billsOverdue(em: EntityManager, day: string): Promise<NotificationDraft[]> {
    const rows: (TenantRow & {
      id: string;
      number: string;
      period: string;
      dueOn: string;
      outstanding: string;
    })[] = await em.query(
      `SELECT b.id, b.number, b.period, b.due_on::text AS "dueOn",
              (b.total - b.paid)::numeric(16, 2)::text AS outstanding,
              t.id AS "tenantId", t.name AS "tenantName"
       FROM bills b
       JOIN tenants t ON t.id = b.tenant_id
       WHERE b.status = 'ISSUED' AND b.due_on < $1::date AND b.total > b.paid
       ORDER BY b.due_on, b.id`,
      [day],
    );
    return rows.map((b) => ({
      kind: NotificationKind.BILL_OVERDUE,
      matter: b.id,
      to: { tenantId: b.tenantId, tenantRoles: [Role.TENANT_ADMIN] },
      params: {
        tenantName: b.tenantName,
        number: b.number,
        period: b.period,
        outstanding: b.outstanding,
        dueOn: b.dueOn,
      },
      link: `/bills/${b.id}`,
    }));
  }

  /**
   * From 2 January to the annual report's due day: the firms resident on a day of last year
   * (those lib statistics lets report it) with no report of it received (a latest revision
   * SUBMITTED or ACCEPTED). Reads ANNUAL_REPORTS_DUE_READS.
   */
  private async annualReportsDue(em: EntityManager, day: string): Promise<NotificationDraft[]> {
    const year = annualReportYear(day, this.config);
    if (year === null) return [];
    const rows: TenantRow[] = await em.query(
      `SELECT t.id AS "tenantId", t.name AS "tenantName"
       FROM tenants t
       WHERE t.entered_on <= $2::date
         AND (t.exited_on IS NULL OR t.exited_on >= $1::date)
         AND NOT EXISTS (
           SELECT 1 FROM annual_reports a
           WHERE a.tenant_id = t.id AND a.year = $3 AND a.latest AND a.status = ANY ($4::text[]))
       ORDER BY t.id`,
      [`${year}-01-01`, `${year}-12-31`, year, RECEIVED],
    );
    const dueOn = annualReportDue(year, this.config);
    return rows.map((t) => ({
      kind: NotificationKind.ANNUAL_REPORT_DUE,
      matter: `${t.tenantId}:${year}`,
      to: { tenantId: t.tenantId, tenantRoles: REPORTERS },
      params: { tenantName: t.tenantName, year, dueOn },
      link: `/annual-reports/new?year=${year}`,
    }));
  }
}
