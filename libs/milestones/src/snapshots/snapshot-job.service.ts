import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type NotificationDraft, NotificationKind, OutboxService } from '@jcv/notifications';
import { Zone } from '@jcv/park';
import { Role } from '@jcv/shared';
import { MilestoneStatus } from '../progress/milestone-status.enum.js';
import { snapshotYears, statusWorsened } from '../progress/milestone-rules.js';
import { ProgressService } from '../progress/progress.service.js';
import { MilestoneTarget } from '../targets/milestone-target.entity.js';

export interface SnapshotRun {
  day: string;
  /** Targets evaluated. */
  targets: number;
  /** Snapshots written now; 0 when the day had been recorded already. */
  snapshots: number;
  alerts: number;
}

/** One job at a time across workers: a transaction-scoped advisory lock (any constant key). */
const JOB_LOCK = 1764000400;

/**
 * The daily job: records each current target's progress on `day` and raises an alert where the
 * status is worse than at the target's previous snapshot. Idempotent: a day already recorded
 * keeps its snapshots and raises nothing again. Run days in order when backfilling, since each
 * alert compares with the latest earlier snapshot.
 */
@Injectable()
export class SnapshotJobService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
    private readonly outbox: OutboxService,
  ) {}

  async run(day: string): Promise<SnapshotRun> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock($1)`, [JOB_LOCK]);
      const targets = await em
        .getRepository(MilestoneTarget)
        .find({ where: { year: In(snapshotYears(day)) } });
      if (!targets.length) return { day, targets: 0, snapshots: 0, alerts: 0 };
      const progress = await this.progress.evaluate(targets, day, em);
      const ids = progress.map((p) => p.target.id);

      const previous: { target_id: string; status: MilestoneStatus }[] = await em.query(
        `SELECT DISTINCT ON (target_id) target_id, status
         FROM milestone_snapshots
         WHERE target_id = ANY($1::uuid[]) AND day < $2::date
         ORDER BY target_id, day DESC`,
        [ids, day],
      );
      const inserted: { target_id: string }[] = await em.query(
        `INSERT INTO milestone_snapshots (target_id, day, target_value, actual, forecast, ratio, status)
         SELECT u.target_id, $1::date, u.target_value, u.actual, u.forecast, u.ratio, u.status
         FROM unnest($2::uuid[], $3::numeric[], $4::numeric[], $5::numeric[], $6::float8[], $7::text[])
           AS u(target_id, target_value, actual, forecast, ratio, status)
         ON CONFLICT ON CONSTRAINT milestone_snapshots_pkey DO NOTHING
         RETURNING target_id`,
        [
          day,
          ids,
          progress.map((p) => p.target.target),
          progress.map((p) => p.actual),
          progress.map((p) => p.forecast),
          progress.map((p) => p.ratio),
          progress.map((p) => p.status),
        ],
      );

      const before = new Map(previous.map((r) => [r.target_id, r.status]));
      const fresh = new Set(inserted.map((r) => r.target_id));
      const worse = progress.filter((p) => {
        const was = before.get(p.target.id);
        return fresh.has(p.target.id) && was !== undefined && statusWorsened(was, p.status);
      });
      let alerts = 0;
      if (worse.length) {
        const raised: { id: string; target_id: string }[] = await em.query(
          `INSERT INTO milestone_alerts (target_id, day, from_status, to_status, target_value, actual, forecast)
           SELECT u.target_id, $1::date, u.from_status, u.to_status, u.target_value, u.actual, u.forecast
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[])
             AS u(target_id, from_status, to_status, target_value, actual, forecast)
           ON CONFLICT ON CONSTRAINT milestone_alerts_target_day_key DO NOTHING
           RETURNING id, target_id`,
          [
            day,
            worse.map((p) => p.target.id),
            worse.map((p) => before.get(p.target.id)),
            worse.map((p) => p.status),
            worse.map((p) => p.target.target),
            worse.map((p) => p.actual),
            worse.map((p) => p.forecast),
          ],
        );
        alerts = raised.length;
        const targetOf = new Map(targets.map((t) => [t.id, t]));
        await this.announce(
          em,
          day,
          raised.map((r) => ({
            id: r.id,
            target: targetOf.get(r.target_id)!,
            status: worse.find((p) => p.target.id === r.target_id)!.status,
            previousStatus: before.get(r.target_id)!,
          })),
        );
      }
      return { day, targets: targets.length, snapshots: inserted.length, alerts };
    });
  }

  /**
   * The alerts to the committee's administrators and analysts, and to the endpoints that follow
   * milestones, in the run's transaction: one statement of each, however many alerts. A park-wide
   * target's zone is PARK in the notification, as the cockpit names it, and null in the event.
   */
  private async announce(
    em: EntityManager,
    day: string,
    alerts: {
      id: string;
      target: MilestoneTarget;
      status: MilestoneStatus;
      previousStatus: MilestoneStatus;
    }[],
  ): Promise<void> {
    const zoneIds = [...new Set(alerts.flatMap((a) => a.target.zoneId ?? []))];
    const zones = zoneIds.length ? await em.getRepository(Zone).findBy({ id: In(zoneIds) }) : [];
    const codeOf = new Map(zones.map((z) => [z.id, z.code]));
    const zoneOf = (t: MilestoneTarget) => (t.zoneId ? codeOf.get(t.zoneId)! : null);
    await this.outbox.notifyMany(
      em,
      alerts.map((a): NotificationDraft<NotificationKind.MILESTONE_ALERT> => ({
        kind: NotificationKind.MILESTONE_ALERT,
        matter: a.id,
        to: { roles: [Role.ADMIN, Role.ANALYST] },
        params: {
          zone: zoneOf(a.target) ?? 'PARK',
          metric: a.target.metric,
          year: a.target.year,
          status: a.status,
          previousStatus: a.previousStatus,
        },
        link: `/cockpit?year=${a.target.year}`,
      })),
    );
    await this.outbox.emitMany(
      em,
      'milestone.alert',
      alerts.map((a) => ({
        alertId: a.id,
        zone: zoneOf(a.target),
        metric: a.target.metric,
        year: a.target.year,
        status: a.status,
        previousStatus: a.previousStatus,
        day,
      })),
    );
  }
}
