// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './audit.module.js';
export * from './audit.service.js';
export { AuditEvent } from './audit-event.entity.js';
