import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { Tenants1764000100000 } from './1764000100000-tenants.js';
import { spaceMigrations } from './space.js';
import { reportingMigrations } from './reporting.js';
import { milestonesMigrations } from './milestones.js';
import { benefitsMigrations } from './benefits.js';
import { serviceDeskMigrations } from './service-desk.js';
import { Accounts1764000700000 } from './1764000700000-accounts.js';
import { IdempotencyKeys1764000700100 } from './1764000700100-idempotency-keys.js';
import { TenantFoundedOn1764000800000 } from './1764000800000-tenant-founded-on.js';
import { PropertyFee1764000800100 } from './1764000800100-property-fee.js';
import { Billing1764000900000 } from './1764000900000-billing.js';
import { AnnualReports1764001000000 } from './1764001000000-annual-reports.js';
import { Notifications1764001100000 } from './1764001100000-notifications.js';

/**
 * Every migration, in the order they landed. A landed migration is never edited: add a new one
 * at the end, with a timestamp later than every landed one (migration-order.spec.ts holds it),
 * so that a fresh database and an upgraded one apply the same migrations in the same order. The
 * first ones are listed per capability, from when each capability had a range of its own.
 */
export const migrations = [
  Foundation1764000000000,
  Tenants1764000100000,
  ...spaceMigrations,
  ...reportingMigrations,
  ...milestonesMigrations,
  ...benefitsMigrations,
  ...serviceDeskMigrations,
  Accounts1764000700000,
  IdempotencyKeys1764000700100,
  TenantFoundedOn1764000800000,
  PropertyFee1764000800100,
  Billing1764000900000,
  AnnualReports1764001000000,
  Notifications1764001100000,
];
