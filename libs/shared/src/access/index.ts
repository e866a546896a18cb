export * from './reach.js';
export * from './policy.js';
export * from './rows.js';
export * from './gate.js';
export * from './access-policy.js';
