export * from './database.module.js';
export * from './data-source-options.js';
export * from './embedded.js';
export * from './pg-errors.js';
export { migrations } from './migrations/index.js';
export * from './statement-counter.js';
export * from './constraints.js';
export * from './read-routing.js';
