import type { MigrationInterface } from 'typeorm';

/** The reporting capability's migrations, oldest first. */
export const reportingMigrations: (new () => MigrationInterface)[] = [];
