import type { MigrationInterface } from 'typeorm';
import { OutputReports1764000300000 } from './1764000300000-output-reports.js';

/** The reporting capability's migrations, oldest first. */
export const reportingMigrations: (new () => MigrationInterface)[] = [OutputReports1764000300000];
