export * from './benefits.module.js';
