export * from './milestones.module.js';
export { TargetsService, type TargetSeed } from './targets/targets.service.js';
export { MilestoneTarget } from './targets/milestone-target.entity.js';
export { MilestoneMetric } from './targets/milestone-metric.js';
