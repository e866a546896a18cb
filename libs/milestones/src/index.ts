export * from './milestones.module.js';
export { TargetsService, type TargetSeed } from './targets/targets.service.js';
export { MilestoneTarget } from './targets/milestone-target.entity.js';
export { MilestoneMetric } from './targets/milestone-metric.js';
export { MilestoneStatus } from './progress/milestone-status.js';
export { ProgressService } from './progress/progress.service.js';
export { CountingService, type Scope, type Tally } from './progress/counting.service.js';
export { SnapshotJobService, type SnapshotRun } from './snapshots/snapshot-job.service.js';
