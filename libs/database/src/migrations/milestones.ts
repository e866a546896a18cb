import type { MigrationInterface } from 'typeorm';
import { MilestoneSnapshots1764000400000 } from './1764000400000-milestone-snapshots.js';
import { MilestoneCountingIndexes1764000400100 } from './1764000400100-milestone-counting-indexes.js';

/** The milestones capability's migrations, oldest first. */
export const milestonesMigrations: (new () => MigrationInterface)[] = [
  MilestoneSnapshots1764000400000,
  MilestoneCountingIndexes1764000400100,
];
