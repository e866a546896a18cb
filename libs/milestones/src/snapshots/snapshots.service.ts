import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BadInputError,
  type Connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  NotFoundError,
  toConnection,
} from '@jcv/shared';
import { MilestoneTarget } from '../targets/milestone-target.entity.js';
import { MilestoneAlert } from './milestone-alert.entity.js';
import { MilestoneSnapshot } from './milestone-snapshot.entity.js';

/** Reads what the daily job recorded. */
@Injectable()
export class SnapshotsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A target's snapshots from `from` to `to` (inclusive), oldest first. */
  async history(targetId: string, from?: string, to?: string): Promise<MilestoneSnapshot[]> {
    const target = await this.dataSource.getRepository(MilestoneTarget).findOneBy({ id: targetId });
    if (!target) throw new NotFoundError('MilestoneTarget', targetId);
    const start = from ?? `${target.year}-01-01`;
    if (to !== undefined && to < start) throw new BadInputError('to', 'to must not be before from');
    const qb = this.dataSource
      .getRepository(MilestoneSnapshot)
      .createQueryBuilder('s')
      .where('s.target_id = :targetId', { targetId })
      .andWhere('s.day >= :start', { start });
    if (to !== undefined) qb.andWhere('s.day <= :to', { to });
    return qb.orderBy('s.day', 'ASC').getMany();
  }

  /** Alerts, newest first, by keyset on (day, id). */
  async alerts(
    filter: { year?: number; zoneId?: string },
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<Connection<MilestoneAlert>> {
    const qb = this.dataSource
      .getRepository(MilestoneAlert)
      .createQueryBuilder('a')
      .innerJoin(MilestoneTarget, 't', 't.id = a.target_id');
    if (filter.year !== undefined) qb.andWhere('t.year = :year', { year: filter.year });
    if (filter.zoneId) qb.andWhere('t.zone_id = :zoneId', { zoneId: filter.zoneId });
    const totalCount = await qb.getCount();
    if (after) {
      const [day, id] = decodeCursor(after, ['date', 'uuid']);
      qb.andWhere('(a.day, a.id) < (:day::date, :id::uuid)', { day, id });
    }
    const rows = await qb
      .orderBy('a.day', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return toConnection(rows, first, totalCount, (a) => [a.day, a.id]);
  }
}
