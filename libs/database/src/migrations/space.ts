import type { MigrationInterface } from 'typeorm';

/** The space capability's migrations, oldest first. */
export const spaceMigrations: (new () => MigrationInterface)[] = [];
