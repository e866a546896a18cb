import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { Tenants1764000100000 } from './1764000100000-tenants.js';
import { spaceMigrations } from './space.js';
import { reportingMigrations } from './reporting.js';
import { milestonesMigrations } from './milestones.js';
import { benefitsMigrations } from './benefits.js';
import { serviceDeskMigrations } from './service-desk.js';

/**
 * Every migration. A landed migration is never edited: add a new one. Each capability lists its
 * own in a file of its own here and owns a range of timestamps: tenants 17640001…, space
 * 17640002…, reporting 17640003…, milestones 17640004…, benefits 17640005…, service desk
 * 17640006…. TypeORM applies them in timestamp order.
 */
export const migrations = [
  Foundation1764000000000,
  Tenants1764000100000,
  ...spaceMigrations,
  ...reportingMigrations,
  ...milestonesMigrations,
  ...benefitsMigrations,
  ...serviceDeskMigrations,
];
