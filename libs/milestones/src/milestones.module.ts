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
import { ProgressResolver } from './progress/progress.resolver.js';
import { MilestoneAlert } from './snapshots/milestone-alert.entity.js';
import { MilestoneSnapshot } from './snapshots/milestone-snapshot.entity.js';
import { MilestoneSnapshotJobModule } from './snapshots/snapshot-job.module.js';
import { AlertsResolver, SnapshotsResolver } from './snapshots/snapshots.resolver.js';
import { SnapshotsService } from './snapshots/snapshots.service.js';
import { MilestoneTarget } from './targets/milestone-target.entity.js';
import { TargetsResolver } from './targets/targets.resolver.js';
import { TargetsService } from './targets/targets.service.js';
// Declares the milestones' constraints to the error mapping.
import './milestones.constraints.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([MilestoneTarget, MilestoneSnapshot, MilestoneAlert]),
    MilestoneSnapshotJobModule,
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
    ProgressResolver,
    SnapshotsService,
    SnapshotsResolver,
    AlertsResolver,
    DashboardService,
    DashboardResolver,
  ],
  exports: [TargetsService, MilestoneSnapshotJobModule],
})
export class MilestonesModule {}
