import type { MigrationInterface } from 'typeorm';

/** The benefits capability's migrations, oldest first. */
export const benefitsMigrations: (new () => MigrationInterface)[] = [];
