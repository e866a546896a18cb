import type { MigrationInterface } from 'typeorm';
import { ServiceDesk1764000600000 } from './1764000600000-service-desk.js';

/** The service-desk capability's migrations, oldest first. */
export const serviceDeskMigrations: (new () => MigrationInterface)[] = [ServiceDesk1764000600000];
