import type { MigrationInterface } from 'typeorm';
import { Benefits1764000500000 } from './1764000500000-benefits.js';

/** The benefits capability's migrations, oldest first. */
export const benefitsMigrations: (new () => MigrationInterface)[] = [Benefits1764000500000];
