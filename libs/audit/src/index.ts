export * from './audit.module.js';
export * from './audit.service.js';
export { AuditEvent } from './audit-event.entity.js';
