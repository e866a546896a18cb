export * from './service-desk.module.js';
