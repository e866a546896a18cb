// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './milestones.module.js';
export { TargetsService, type TargetSeed } from './targets/targets.service.js';
export { MilestoneTarget } from './targets/milestone-target.entity.js';
export { MilestoneMetric } from './targets/milestone-metric.enum.js';
export { MilestoneStatus } from './progress/milestone-status.enum.js';
export { ProgressService } from './progress/progress.service.js';
export { CountingService, type Scope, type Tally } from './progress/counting.service.js';
export { SnapshotJobService, type SnapshotRun } from './snapshots/snapshot-job.service.js';
export { MilestoneSnapshotJobModule } from './snapshots/snapshot-job.module.js';
export {
  CONTRIBUTORS_READS,
  contributorSql,
  FIRM_FACTS_READS,
  firmTallySql,
  OUTPUT_FACTS_READS,
  PROJECT_FACTS_READS,
  outputTallySql,
  projectTallySql,
  type FactScope,
} from './progress/counting.queries.js';
export { TENANT_COUNTS_READS } from './dashboard/dashboard.service.js';
