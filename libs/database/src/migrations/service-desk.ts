import type { MigrationInterface } from 'typeorm';

/** The service-desk capability's migrations, oldest first. */
export const serviceDeskMigrations: (new () => MigrationInterface)[] = [];
