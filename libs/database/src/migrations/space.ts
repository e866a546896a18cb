import type { MigrationInterface } from 'typeorm';
import { Space1764000200000 } from './1764000200000-space.js';

/** The space capability's migrations, oldest first. */
export const spaceMigrations: (new () => MigrationInterface)[] = [Space1764000200000];
