import { Foundation1764000000000 } from './1764000000000-foundation.js';

/** Every migration, oldest first. A landed migration is never edited: add a new one. */
export const migrations = [Foundation1764000000000];
