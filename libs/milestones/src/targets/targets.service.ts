import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { ParkService } from '@jcv/park';
import type { Actor } from '@jcv/shared';
import { MilestoneTarget } from './milestone-target.entity.js';
import type { MilestoneTargetInput } from './milestone-target.input.js';
import type { MilestoneMetric } from './milestone-metric.enum.js';

export interface TargetSeed {
  year: number;
  metric: MilestoneMetric;
  /** Zone code within the park, or null for the whole park. */
  zone: string | null;
  target: string;
  source: string;
}

@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly park: ParkService,
    private readonly audit: AuditService,
  ) {}

  list(year?: number): Promise<MilestoneTarget[]> {
    return this.dataSource.getRepository(MilestoneTarget).find({
      where: year === undefined ? {} : { year },
      order: { year: 'ASC', metric: 'ASC', zoneId: 'ASC' },
    });
  }

  /** Batches target look-ups of one request (snapshots and alerts name their target). */
  targetLoader(): DataLoader<string, MilestoneTarget | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource
        .getRepository(MilestoneTarget)
        .findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((t) => [t.id, t]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** Sets the target for (year, metric, zone), creating or replacing it. */
  async set(actor: Actor, input: MilestoneTargetInput): Promise<MilestoneTarget> {
    if (input.zoneId) await this.park.requireZone(input.zoneId);
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(MilestoneTarget);
      const before = await repo.findOne({
        where: { year: input.year, metric: input.metric, zoneId: input.zoneId ?? IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      const [row] = await em.query(
        `INSERT INTO milestone_targets (year, metric, zone_id, target, source)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ON CONSTRAINT milestone_targets_year_metric_zone_key
         DO UPDATE SET target = EXCLUDED.target, source = EXCLUDED.source, updated_at = now()
         RETURNING id`,
        [input.year, input.metric, input.zoneId ?? null, input.target, input.source],
      );
      const after = await repo.findOneByOrFail({ id: row.id });
      await this.audit.record(em, {
        actor,
        operation: 'setMilestoneTarget',
        entity: 'MilestoneTarget',
        entityId: after.id,
        before,
        after,
      });
      return after;
    });
  }

  /** Adds the seeded targets that are missing; a target the committee changed stays changed. */
  async ensure(parkId: string, seeds: TargetSeed[]): Promise<void> {
    const zones = (await this.park.zones()).filter((z) => z.parkId === parkId);
    await this.dataSource.transaction(async (em) => {
      for (const t of seeds) {
        const zone = t.zone === null ? null : zones.find((z) => z.code === t.zone);
        if (zone === undefined) throw new Error(`target seed names an unknown zone ${t.zone}`);
        await em.query(
          `INSERT INTO milestone_targets (year, metric, zone_id, target, source)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT ON CONSTRAINT milestone_targets_year_metric_zone_key DO NOTHING`,
          [t.year, t.metric, zone?.id ?? null, t.target, t.source],
        );
      }
    });
  }
}
