import type { MigrationInterface } from 'typeorm';

/** The milestones capability's migrations, oldest first. */
export const milestonesMigrations: (new () => MigrationInterface)[] = [];
