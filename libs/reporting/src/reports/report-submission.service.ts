import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { constraintError, PG, pgError } from '@jcv/database';
import { newEventId, NotificationKind, OutboxService } from '@jcv/notifications';
import {
  type Actor,
  assertInReach,
  BadInputError,
  ConflictError,
  currentRequestId,
  ForeignReads,
  NotFoundError,
  Role,
  todayInShanghai,
} from '@jcv/shared';
import { OutputReport } from './output-report.entity.js';
import { ReportStatus, ReviewDecision } from './report-status.enum.js';
import type { Residency } from '../deadlines/deadlines.js';
import { periodProblem } from './report-rules.js';
import { firstDayOf, isPeriod, lastDayOf } from '../periods.js';
import type { SubmitOutputReportInput } from './submit-output-report.input.js';
import type { ReviewOutputReportArgs } from './review-output-report.args.js';

/** $1–$9 of both ways of inserting a revision: the firm, the month, its figures, who sends it. */
const revisionValues = (actor: Actor, input: SubmitOutputReportInput) => [
  input.tenantId,
  input.period,
  input.outputValue,
  input.revenue,
  input.rdExpense,
  input.employees,
  input.patentsFiled,
  input.patentsGranted,
  actor.userId,
];

/** An output_reports row as PostgreSQL returns it (numeric as text), as the entity. */
export function reportFromRow(r: Record<string, unknown>): OutputReport {
  return Object.assign(new OutputReport(), {
    id: r.id,
    tenantId: r.tenant_id,
    period: r.period,
    revision: r.revision,
    latest: r.latest,
    outputValue: r.output_value,
    revenue: r.revenue,
    rdExpense: r.rd_expense,
    employees: r.employees,
    patentsFiled: r.patents_filed,
    patentsGranted: r.patents_granted,
    status: r.status,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    reviewNote: r.review_note,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
  });
}

/** What lockTenant reads (and locks) of other libs' tables: lib tenants' tenants. */
export const LOCK_TENANT_READS = new ForeignReads(import.meta.url, 'lockTenant', {
  tenants: ['id', 'name', 'entered_on', 'exited_on'],
});

/** What a review's update reads of other libs' tables (the firm's name for the outbox). */
export const REVIEW_TENANT_READS = new ForeignReads(import.meta.url, 'review', {
  tenants: ['id', 'name'],
});

/**
 * What the one-statement submission reads and writes of other libs' tables: the firm's row, and
 * the rows the audit trail and the outbox would write for it (AuditService.record,
 * OutboxService.emit), so that a change to theirs shows here.
 */
export const SUBMIT_STATEMENT_READS = new ForeignReads(import.meta.url, 'submitInOneStatement', {
  tenants: ['id', 'name', 'entered_on', 'exited_on'],
  audit_events: [
    'actor_user_id',
    'actor_role',
    'operation',
    'entity',
    'entity_id',
    'before',
    'after',
    'request_id',
  ],
  webhook_endpoints: ['id', 'active', 'events'],
  webhook_events: ['id', 'type', 'body'],
  webhook_deliveries: ['event_id', 'endpoint_id'],
});

/**
 * An output_reports row (alias `x`) as the audit trail records the entity: camelCase keys,
 * numeric as text, times as JavaScript's ISO form (milliseconds, UTC), as `reportFromRow` and
 * JSON.stringify would make it.
 */
const reportJson = (x: string) => {
  const iso = (c: string) =>
    `to_char(${x}.${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return `jsonb_build_object('id', ${x}.id, 'tenantId', ${x}.tenant_id, 'period', ${x}.period,
    'revision', ${x}.revision, 'latest', ${x}.latest, 'outputValue', ${x}.output_value::text,
    'revenue', ${x}.revenue::text, 'rdExpense', ${x}.rd_expense::text, 'employees', ${x}.employees,
    'patentsFiled', ${x}.patents_filed, 'patentsGranted', ${x}.patents_granted, 'status', ${x}.status,
    'submittedAt', ${iso('submitted_at')}, 'submittedBy', ${x}.submitted_by,
    'reviewNote', ${x}.review_note, 'reviewedAt', ${iso('reviewed_at')}, 'reviewedBy', ${x}.reviewed_by)`;
};

/**
 * A submission in one statement (no transaction around it): the firm's row is locked, the month's
 * latest revision retired, the next one inserted, and its audit row, webhook event and deliveries
 * written, or nothing when the firm is unknown or may not report the month ($10: whether the month
 * has begun, $11/$12 its first and last day). Statements of one firm take turns on its row; one
 * that waited has the snapshot of before the wait, so its revision collides with the one that went
 * first on a unique index, and the submission is then made again under the lock (submitLocked).
 * The event's body is JSON.stringify's text of { type, timestamp, data }, from $17 and $18 around
 * the row's values. Reads and writes other libs' tables (SUBMIT_STATEMENT_READS).
 */
const SUBMIT_ONE_STATEMENT = `
WITH t AS (
  SELECT id, name, entered_on, exited_on FROM tenants WHERE id = $1::uuid FOR NO KEY UPDATE
), ok AS (
  SELECT id FROM t
  WHERE $10::boolean AND t.entered_on <= $12::date
    AND (t.exited_on IS NULL OR t.exited_on >= $11::date)
), superseded AS (
  UPDATE output_reports r SET latest = false FROM ok
  WHERE r.tenant_id = ok.id AND r.period = $2::char(7) AND r.latest
  RETURNING r.*
), ins AS (
  INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue,
    rd_expense, employees, patents_filed, patents_granted, status, submitted_by)
  SELECT ok.id, $2::char(7),
    (SELECT coalesce(max(revision), 0) + 1 FROM output_reports
     WHERE tenant_id = $1::uuid AND period = $2::char(7)),
    true, $3::numeric, $4::numeric, $5::numeric, $6::int, $7::int, $8::int, 'SUBMITTED', $9::uuid
  -- The previous revision is retired before the new one is inserted (the count reads it all).
  FROM ok CROSS JOIN (SELECT count(*) FROM superseded) AS retired
  RETURNING *
), audit AS (
  INSERT INTO audit_events (actor_user_id, actor_role, operation, entity, entity_id, before,
    after, request_id)
  SELECT $9::uuid, $13::text, 'submitOutputReport', 'OutputReport', ins.id::text,
    (SELECT ${reportJson('superseded')} FROM superseded), ${reportJson('ins')}, $14::text
  FROM ins
), endpoints AS (
  SELECT id FROM webhook_endpoints
  WHERE active AND (cardinality(events) = 0 OR $15::text = ANY (events))
), events AS (
  INSERT INTO webhook_events (id, type, body)
  SELECT $16::text, $15::text, $17::text || to_json(ins.id)::text
    || ',"tenantId":' || to_json(ins.tenant_id)::text || ',"tenantName":' || to_json(t.name)::text
    || ',"period":' || to_json(ins.period::text)::text || ',"status":' || to_json(ins.status)::text
    || $18::text
  FROM ins CROSS JOIN t
  WHERE EXISTS (SELECT 1 FROM endpoints)
  RETURNING id
), deliveries AS (
  INSERT INTO webhook_deliveries (event_id, endpoint_id)
  SELECT events.id, endpoints.id FROM events CROSS JOIN endpoints
)
SELECT t.name AS "tenantName", t.entered_on::text AS "enteredOn", t.exited_on::text AS "exitedOn",
  ins.*
FROM t LEFT JOIN ins ON true`;

/**
 * The statement as node-postgres's named (prepared) statement: each connection parses and plans
 * it once instead of for every submission, which costs the server about as much as running it.
 * TypeORM hands the query to node-postgres as it is.
 */
const SUBMIT_PREPARED = { name: 'jcv_submit_output_report', text: SUBMIT_ONE_STATEMENT };

/** The unique indexes on which two submissions of one month collide. */
const REVISION_KEYS = new Set([
  'output_reports_latest_key',
  'output_reports_tenant_period_revision_key',
]);

@Injectable()
export class ReportSubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * A firm's figures for a month: the first submission is revision 1, each resubmission the next
   * revision, and only the newest is `latest`.
   */
  async submit(
    actor: Actor,
    input: SubmitOutputReportInput,
    today = todayInShanghai(),
  ): Promise<OutputReport> {
    assertInReach(actor, 'Tenant', { id: input.tenantId });
    if (isPeriod(input.period)) {
      try {
        const after = await this.submitInOneStatement(actor, input, today);
        if (after) return after;
      } catch (err) {
        const e = pgError(err);
        const race = e?.code === PG.uniqueViolation && REVISION_KEYS.has(e.constraint ?? '');
        if (!race) throw constraintError(err) ?? err;
      }
    }
    return this.submitLocked(actor, input, today);
  }

  /**
   * The busiest write of the platform in one round trip (SUBMIT_ONE_STATEMENT): the answer, or
   * null when the month must be submitted under the lock after all (a race on its revision).
   */
  private async submitInOneStatement(
    actor: Actor,
    input: SubmitOutputReportInput,
    today: string,
  ): Promise<OutputReport | null> {
    const first = firstDayOf(input.period);
    const type = 'report.submitted';
    const head = JSON.stringify({ type, timestamp: new Date().toISOString() });
    const [row] = await this.dataSource.query(SUBMIT_PREPARED as unknown as string, [
      ...revisionValues(actor, input),
      first <= today,
      first,
      lastDayOf(input.period),
      actor.role,
      currentRequestId() ?? null,
      type,
      newEventId(),
      `${head.slice(0, -1)},"data":{"reportId":`,
      '}}',
    ]);
    if (!row) throw new BadInputError('tenantId', 'is not a registered tenant');
    if (row.id === null) {
      const problem = periodProblem(input.period, row, today);
      if (problem) throw new BadInputError('period', problem);
      // The firm may report the month after all (its row changed meanwhile): under the lock.
      return null;
    }
    return reportFromRow(row);
  }

  /** A submission in a transaction that takes turns on the firm's row first. */
  private async submitLocked(
    actor: Actor,
    input: SubmitOutputReportInput,
    today: string,
  ): Promise<OutputReport> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const tenant = await this.lockTenant(em, input.tenantId);
        const problem = periodProblem(input.period, tenant, today);
        if (problem) throw new BadInputError('period', problem);

        // Both rows come back from their statements (RETURNING) for the audit event and the
        // answer, rather than being read again: a submission is the platform's busiest write.
        const [superseded] = await em.query(
          `UPDATE output_reports SET latest = false
           WHERE tenant_id = $1 AND period = $2 AND latest RETURNING *`,
          [input.tenantId, input.period],
        );
        const [row] = await em.query(
          `INSERT INTO output_reports (tenant_id, period, revision, latest, output_value, revenue,
             rd_expense, employees, patents_filed, patents_granted, status, submitted_by)
           SELECT $1::uuid, $2::char(7), coalesce(max(revision), 0) + 1, true, $3::numeric,
             $4::numeric, $5::numeric, $6::int, $7::int, $8::int, 'SUBMITTED', $9::uuid
           FROM output_reports WHERE tenant_id = $1::uuid AND period = $2::char(7)
           RETURNING *`,
          revisionValues(actor, input),
        );
        const before = superseded.length ? reportFromRow(superseded[0]) : null;
        const after = reportFromRow(row);
        await this.audit.record(em, {
          actor,
          operation: 'submitOutputReport',
          entity: 'OutputReport',
          entityId: after.id,
          before,
          after,
        });
        await this.outbox.emit(em, 'report.submitted', {
          reportId: after.id,
          tenantId: after.tenantId,
          tenantName: tenant.name,
          period: after.period,
          status: after.status,
        });
        return after;
      });
    } catch (err) {
      throw constraintError(err) ?? err;
    }
  }

  /**
   * The committee's decision on a submitted report. Only the latest revision of a month can be
   * reviewed, and only once: a superseded or already reviewed revision answers CONFLICT.
   */
  async review(actor: Actor, args: ReviewOutputReportArgs): Promise<OutputReport> {
    const note = args.note?.trim() || null;
    if (args.decision === ReviewDecision.RETURN && !note) {
      throw new BadInputError('note', 'is required to return a report: say what to correct');
    }
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(OutputReport);
      // Locked, so a resubmission racing this review either lands first (and this revision is
      // no longer the latest) or waits for the decision.
      const before = await repo.findOne({
        where: { id: args.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new NotFoundError('OutputReport', args.id);
      if (!before.latest) {
        throw new ConflictError(
          `Revision ${before.revision} of ${before.period} has been superseded by a resubmission; review the latest revision`,
        );
      }
      if (before.status !== ReportStatus.SUBMITTED) {
        throw new ConflictError(
          `Revision ${before.revision} of ${before.period} was already reviewed (${before.status})`,
        );
      }
      const status =
        args.decision === ReviewDecision.ACCEPT ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
      // The firm's name comes back with the update, for the event and the notification.
      // Reads lib tenants' tenants (REVIEW_TENANT_READS).
      const [[{ tenantName }]] = await em.query(
        `UPDATE output_reports r SET status = $2, review_note = $3, reviewed_at = now(), reviewed_by = $4
         FROM tenants t WHERE r.id = $1 AND t.id = r.tenant_id
         RETURNING t.name AS "tenantName"`,
        [before.id, status, note, actor.userId],
      );
      const after = await repo.findOneByOrFail({ id: before.id });
      await this.audit.record(em, {
        actor,
        operation: 'reviewOutputReport',
        entity: 'OutputReport',
        entityId: after.id,
        before,
        after,
      });
      await this.outbox.emit(em, 'report.reviewed', {
        reportId: after.id,
        tenantId: after.tenantId,
        tenantName,
        period: after.period,
        status: after.status,
        note: after.reviewNote,
      });
      if (status === ReportStatus.RETURNED) {
        // Once per returned revision: the firm corrects it by resubmitting the month.
        await this.outbox.notify(em, {
          kind: NotificationKind.REPORT_RETURNED,
          matter: after.id,
          to: {
            tenantId: after.tenantId,
            tenantRoles: [Role.TENANT_ADMIN, Role.TENANT_REPORTER],
          },
          params: { tenantName, period: after.period, note: note!, annual: false },
          link: `/reports/new?period=${after.period}`,
        });
      }
      return after;
    });
  }

  /**
   * Submissions of one firm take turns on its row, so each gets the next revision, and an exit
   * recorded meanwhile cannot slip between the residency check and the insert. Reads lib
   * tenants' tenants (LOCK_TENANT_READS).
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
