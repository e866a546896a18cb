export * from './schedules.js';
export * from './scheduler.js';
export * from './jobs.js';
export * from './in-process-jobs.js';
