import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@jcv/notifications';
import { ParkModule } from '@jcv/park';
import { CountingService } from '../progress/counting.service.js';
import { ProgressService } from '../progress/progress.service.js';
import { MilestoneTarget } from '../targets/milestone-target.entity.js';
import { SnapshotJobService } from './snapshot-job.service.js';

/**
 * What the daily snapshot job needs, and nothing more: the targets, the counting (SQL over the
 * other libs' tables, which needs none of their modules), the progress it feeds, the park's
 * zones and the outbox for its alerts. The worker boots this alone; MilestonesModule builds its
 * queries and dashboards on it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MilestoneTarget]), ParkModule, OutboxModule],
  providers: [CountingService, ProgressService, SnapshotJobService],
  exports: [CountingService, ProgressService, SnapshotJobService],
})
export class MilestoneSnapshotJobModule {}
