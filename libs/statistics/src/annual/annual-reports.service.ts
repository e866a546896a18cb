import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { constraintError } from '@jcv/database';
import { NotificationKind, OutboxService } from '@jcv/notifications';
import { ReportStatus, ReviewDecision } from '@jcv/reporting';
import {
  type Actor,
  applyReach,
  assertInReach,
  BadInputError,
  ConflictError,
  type FieldError,
  ForeignReads,
  NotFoundError,
  Role,
  todayInShanghai,
} from '@jcv/shared';
import { AnnualReport, annualReportFromRow } from './annual-report.entity.js';
import type { AnnualReportDraft } from './annual-report-draft.type.js';
import type { AnnualReportsArgs, ReviewAnnualReportArgs } from './annual-reports.args.js';
import {
  annualReportDue,
  partsProblems,
  type Residency,
  yearEndOf,
  yearProblem,
} from './annual-rules.js';
import type { SubmitAnnualReportInput } from './submit-annual-report.input.js';

/** What lockTenant reads (and locks) of other libs' tables: lib tenants' tenants. */
export const ANNUAL_LOCK_TENANT_READS = new ForeignReads(import.meta.url, 'lockTenant', {
  tenants: ['id', 'name', 'entered_on', 'exited_on'],
});

/** What a review's update reads of other libs' tables (the firm's name for the notification). */
export const ANNUAL_REVIEW_TENANT_READS = new ForeignReads(import.meta.url, 'review', {
  tenants: ['id', 'name'],
});

/**
 * What a submission reads of other libs' tables for the occupied area on 31 December: lib
 * space's leases and units.
 */
export const ANNUAL_OCCUPIED_AREA_READS = new ForeignReads(import.meta.url, 'insertRevision', {
  leases: ['tenant_id', 'unit_id', 'status', 'start_date', 'end_date'],
  units: ['id', 'area'],
});

/** What list's zone filter reads of other libs' tables: lib tenants' tenants. */
export const ANNUAL_LIST_READS = new ForeignReads(import.meta.url, 'list', {
  tenants: ['id', 'zone_id'],
});

/**
 * What draft reads of other libs' tables: the firm (lib tenants), its monthly reports (lib
 * reporting) and its leases on 31 December (lib space).
 */
export const ANNUAL_DRAFT_READS = new ForeignReads(import.meta.url, 'draft', {
  tenants: ['id'],
  output_reports: [
    'tenant_id',
    'period',
    'latest',
    'status',
    'revenue',
    'rd_expense',
    'employees',
    'patents_filed',
    'patents_granted',
  ],
  leases: ['tenant_id', 'unit_id', 'status', 'start_date', 'end_date'],
  units: ['id', 'area'],
});

const revisionKey = (r: { tenantId: string; year: number }) => `${r.tenantId}|${r.year}`;

/** Annual reports: submissions and their revisions, review, lists and the draft of a year. */
@Injectable()
export class AnnualReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * A firm's figures for a year that is over and in which it was resident: the first submission
   * is revision 1, each resubmission the next revision, and only the newest is `latest`. The
   * occupied area is read from its leases on 31 December, not entered.
   */
  async submit(
    actor: Actor,
    input: SubmitAnnualReportInput,
    today = todayInShanghai(),
  ): Promise<AnnualReport> {
    assertInReach(actor, 'Tenant', { id: input.tenantId });
    const problems: FieldError[] = partsProblems(input);
    try {
      return await this.dataSource.transaction(async (em) => {
        const tenant = await this.lockTenant(em, input.tenantId);
        const problem = yearProblem(input.year, tenant, today);
        if (problem) problems.unshift({ field: 'year', message: problem });
        if (problems.length) throw new BadInputError(problems);

        const [superseded] = await em.query(
          `UPDATE annual_reports SET latest = false
           WHERE tenant_id = $1 AND year = $2 AND latest RETURNING *`,
          [input.tenantId, input.year],
        );
        const row = await this.insertRevision(em, actor, input);
        const before = superseded.length ? annualReportFromRow(superseded[0]) : null;
        const after = annualReportFromRow(row);
        await this.audit.record(em, {
          actor,
          operation: 'submitAnnualReport',
          entity: 'AnnualReport',
          entityId: after.id,
          before,
          after,
        });
        await this.outbox.emit(em, 'annual_report.submitted', {
          reportId: after.id,
          tenantId: after.tenantId,
          tenantName: tenant.name,
          year: after.year,
        });
        return after;
      });
    } catch (err) {
      throw constraintError(err) ?? err;
    }
  }

  /**
   * The committee's decision on a submitted report. Only the latest revision of a year can be
   * reviewed, and only once: a superseded or already reviewed revision answers CONFLICT.
   */
  async review(actor: Actor, args: ReviewAnnualReportArgs): Promise<AnnualReport> {
    const note = args.note?.trim() || null;
    if (args.decision === ReviewDecision.RETURN && !note) {
      throw new BadInputError('note', 'is required to return a report: say what to correct');
    }
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(AnnualReport);
      // Locked, so a resubmission racing this review either lands first (and this revision is
      // no longer the latest) or waits for the decision.
      const before = await repo.findOne({
        where: { id: args.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new NotFoundError('AnnualReport', args.id);
      if (!before.latest) {
        throw new ConflictError(
          `Revision ${before.revision} of ${before.year} has been superseded by a resubmission; review the latest revision`,
        );
      }
      if (before.status !== ReportStatus.SUBMITTED) {
        throw new ConflictError(
          `Revision ${before.revision} of ${before.year} was already reviewed (${before.status})`,
        );
      }
      const status =
        args.decision === ReviewDecision.ACCEPT ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
      // The firm's name comes back with the update, for the notification. Reads lib tenants'
      // tenants (ANNUAL_REVIEW_TENANT_READS).
      const [[{ tenantName }]] = await em.query(
        `UPDATE annual_reports r SET status = $2, review_note = $3, reviewed_at = now(), reviewed_by = $4
         FROM tenants t WHERE r.id = $1 AND t.id = r.tenant_id
         RETURNING t.name AS "tenantName"`,
        [before.id, status, note, actor.userId],
      );
      const after = await repo.findOneByOrFail({ id: before.id });
      await this.audit.record(em, {
        actor,
        operation: 'reviewAnnualReport',
        entity: 'AnnualReport',
        entityId: after.id,
        before,
        after,
      });
      if (status === ReportStatus.RETURNED) {
        // Once per returned revision: the firm corrects it by resubmitting the year.
        await this.outbox.notify(em, {
          kind: NotificationKind.REPORT_RETURNED,
          matter: `annual:${after.id}`,
          to: {
            tenantId: after.tenantId,
            tenantRoles: [Role.TENANT_ADMIN, Role.TENANT_REPORTER],
          },
          params: { tenantName, period: String(after.year), note: note!, annual: true },
          link: `/annual-reports/new?year=${after.year}`,
        });
      }
      return after;
    });
  }

  /**
   * The latest revision of each firm's report for the year, oldest submission first, of the rows
   * in the caller's reach: a firm's users see their own firm's only, whatever they ask.
   */
  list(actor: Actor, args: AnnualReportsArgs): Promise<AnnualReport[]> {
    const qb = this.dataSource
      .getRepository(AnnualReport)
      .createQueryBuilder('r')
      .where('r.latest = true')
      .andWhere('r.year = :year', { year: args.year });
    applyReach(qb, actor, 'AnnualReport', 'r');
    if (args.zoneId) {
      // Reads lib tenants' tenants (ANNUAL_LIST_READS).
      qb.andWhere('r.tenantId IN (SELECT t.id FROM tenants t WHERE t.zone_id = :zoneId)', {
        zoneId: args.zoneId,
      });
    }
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
    return qb.orderBy('r.submittedAt', 'ASC').addOrderBy('r.id', 'ASC').getMany();
  }

  /** The latest revision of each year of each firm, newest year first. */
  latestByTenantLoader(): DataLoader<string, AnnualReport[]> {
    return new DataLoader(async (tenantIds) => {
      const rows = await this.dataSource
        .getRepository(AnnualReport)
        .createQueryBuilder('r')
        .where('r.latest = true')
        .andWhere('r.tenant_id = ANY(CAST(:tenantIds AS uuid[]))', { tenantIds: [...tenantIds] })
        .orderBy('r.year', 'DESC')
        .getMany();
      const byTenant = new Map<string, AnnualReport[]>(tenantIds.map((id) => [id, []]));
      for (const r of rows) byTenant.get(r.tenantId)?.push(r);
      return tenantIds.map((id) => byTenant.get(id) ?? []);
    });
  }

  /** Every revision of the year of each given report, oldest first. */
  revisionsLoader(): DataLoader<{ tenantId: string; year: number }, AnnualReport[], string> {
    return new DataLoader(
      async (keys) => {
        const rows = await this.dataSource
          .getRepository(AnnualReport)
          .createQueryBuilder('r')
          .where(
            '(r.tenant_id, r.year) IN (SELECT k.tenant_id, k.year FROM unnest(CAST(:tenantIds AS uuid[]), CAST(:years AS int[])) AS k(tenant_id, year))',
            { tenantIds: keys.map((k) => k.tenantId), years: keys.map((k) => k.year) },
          )
          .orderBy('r.revision', 'ASC')
          .getMany();
        const byKey = new Map<string, AnnualReport[]>();
        for (const r of rows) {
          const list = byKey.get(revisionKey(r)) ?? [];
          list.push(r);
          byKey.set(revisionKey(r), list);
        }
        return keys.map((k) => byKey.get(revisionKey(k)) ?? []);
      },
      { cacheKeyFn: revisionKey },
    );
  }

  /**
   * What the platform knows of a firm's year, in one statement: the sums of its monthly revenue,
   * rdExpense, patentsFiled and patentsGranted (latest revisions, SUBMITTED or ACCEPTED), the
   * employees of its last reported month, and the area of its leases on 31 December. Reads lib
   * tenants' tenants, lib reporting's output_reports and lib space's leases and units
   * (ANNUAL_DRAFT_READS).
   */
  async draft(actor: Actor, tenantId: string, year: number): Promise<AnnualReportDraft> {
    assertInReach(actor, 'Tenant', { id: tenantId });
    const [row] = await this.dataSource.query(
      `WITH months AS (
         SELECT r.period, r.revenue, r.rd_expense, r.employees, r.patents_filed, r.patents_granted
         FROM output_reports r
         WHERE r.tenant_id = $1 AND r.latest AND r.status IN ('SUBMITTED', 'ACCEPTED')
           AND r.period BETWEEN $2 AND $3
       )
       SELECT t.id,
         (SELECT coalesce(sum(m.revenue), 0)::numeric(16, 2)::text FROM months m) AS "totalRevenue",
         (SELECT coalesce(sum(m.rd_expense), 0)::numeric(16, 2)::text FROM months m) AS "rdExpense",
         coalesce((SELECT m.employees FROM months m ORDER BY m.period DESC LIMIT 1), 0) AS employees,
         (SELECT coalesce(sum(m.patents_filed), 0)::int FROM months m) AS "ipApplied",
         (SELECT coalesce(sum(m.patents_granted), 0)::int FROM months m) AS "ipGranted",
         (SELECT coalesce(sum(u.area), 0)::numeric(12, 2)::text
            FROM leases l JOIN units u ON u.id = l.unit_id
           WHERE l.tenant_id = t.id AND l.status <> 'TERMINATED'
             AND l.start_date <= $4::date AND l.end_date >= $4::date) AS "occupiedArea"
       FROM tenants t WHERE t.id = $1`,
      [tenantId, `${year}-01`, `${year}-12`, yearEndOf(year)],
    );
    if (!row) throw new BadInputError('tenantId', 'is not a registered tenant');
    return {
      tenantId,
      year,
      dueOn: annualReportDue(year, this.config),
      totalRevenue: row.totalRevenue,
      rdExpense: row.rdExpense,
      employees: row.employees,
      ipApplied: row.ipApplied,
      ipGranted: row.ipGranted,
      occupiedArea: row.occupiedArea,
    };
  }

  /**
   * The next revision, its occupied area read from the firm's leases (not TERMINATED) covering
   * 31 December of the year. Reads lib space's leases and units (ANNUAL_OCCUPIED_AREA_READS).
   */
  private async insertRevision(
    em: EntityManager,
    actor: Actor,
    input: SubmitAnnualReportInput,
  ): Promise<Record<string, unknown>> {
    const [row] = await em.query(
      `INSERT INTO annual_reports (tenant_id, year, revision, latest, registered_capital,
         employees, employees_doctorate, employees_college, employees_returnees,
         employees_fresh_graduates, total_revenue, net_profit, tax_paid, rd_expense,
         venture_funding, ip_applied, ip_granted, ip_valid, invention_patents_valid,
         software_copyrights, tech_contracts, tech_contract_value, national_projects,
         occupied_area, status, submitted_by)
       SELECT $1::uuid, $2::int, coalesce(max(a.revision), 0) + 1, true, $3::numeric,
         $4::int, $5::int, $6::int, $7::int, $8::int, $9::numeric, $10::numeric, $11::numeric,
         $12::numeric, $13::numeric, $14::int, $15::int, $16::int, $17::int, $18::int, $19::int,
         $20::numeric, $21::int,
         (SELECT coalesce(sum(u.area), 0)
            FROM leases l JOIN units u ON u.id = l.unit_id
           WHERE l.tenant_id = $1::uuid AND l.status <> 'TERMINATED'
             AND l.start_date <= $22::date AND l.end_date >= $22::date),
         'SUBMITTED', $23::uuid
       FROM annual_reports a WHERE a.tenant_id = $1::uuid AND a.year = $2::int
       RETURNING *`,
      [
        input.tenantId,
        input.year,
        input.registeredCapital,
        input.employees,
        input.employeesDoctorate,
        input.employeesCollege,
        input.employeesReturnees,
        input.employeesFreshGraduates,
        input.totalRevenue,
        input.netProfit,
        input.taxPaid,
        input.rdExpense,
        input.ventureFunding,
        input.ipApplied,
        input.ipGranted,
        input.ipValid,
        input.inventionPatentsValid,
        input.softwareCopyrights,
        input.techContracts,
        input.techContractValue,
        input.nationalProjects,
        yearEndOf(input.year),
        actor.userId,
      ],
    );
    return row;
  }

  /**
   * Submissions of one firm take turns on its row, so each gets the next revision, and an exit
   * recorded meanwhile cannot slip between the residency check and the insert. Reads lib
   * tenants' tenants (ANNUAL_LOCK_TENANT_READS).
   */
  private async lockTenant(
    em: EntityManager,
    tenantId: string,
  ): Promise<Residency & { name: string }> {
    const [tenant] = await em.query(
      `SELECT name, entered_on::text AS "enteredOn", exited_on::text AS "exitedOn"
       FROM tenants WHERE id = $1 FOR NO KEY UPDATE`,
      [tenantId],
    );
    if (!tenant) throw new BadInputError('tenantId', 'is not a registered tenant');
    return tenant;
  }
}
