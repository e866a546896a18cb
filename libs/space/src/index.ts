export * from './space.module.js';
