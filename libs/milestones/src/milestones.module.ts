import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BenefitsModule } from '@jcv/benefits';
import { ParkModule } from '@jcv/park';
import { ReportingModule } from '@jcv/reporting';
import { ServiceDeskModule } from '@jcv/service-desk';
import { SpaceModule } from '@jcv/space';
import { TenantsModule } from '@jcv/tenants';
import { DashboardResolver } from './dashboard/dashboard.resolver.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { CountingService } from './progress/counting.service.js';
import { ProgressResolver } from './progress/progress.resolver.js';
import { ProgressService } from './progress/progress.service.js';
import { MilestoneAlert } from './snapshots/milestone-alert.entity.js';
import { MilestoneSnapshot } from './snapshots/milestone-snapshot.entity.js';
import { SnapshotJobService } from './snapshots/snapshot-job.service.js';
import { AlertsResolver, SnapshotsResolver } from './snapshots/snapshots.resolver.js';
import { SnapshotsService } from './snapshots/snapshots.service.js';
import { MilestoneTarget } from './targets/milestone-target.entity.js';
import { TargetsResolver } from './targets/targets.resolver.js';
import { TargetsService } from './targets/targets.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([MilestoneTarget, MilestoneSnapshot, MilestoneAlert]),
    ParkModule,
    TenantsModule,
    ReportingModule,
    BenefitsModule,
    SpaceModule,
    ServiceDeskModule,
  ],
  providers: [
    TargetsService,
    TargetsResolver,
    CountingService,
    ProgressService,
    ProgressResolver,
    SnapshotJobService,
    SnapshotsService,
    SnapshotsResolver,
    AlertsResolver,
    DashboardService,
    DashboardResolver,
  ],
  exports: [TargetsService, ProgressService, CountingService, SnapshotJobService],
})
export class MilestonesModule {}
