export * from './tenants.module.js';
export * from './tenants.service.js';
export * from './entities/tenant-enums.js';
export { Tenant } from './entities/tenant.entity.js';
export { Certification } from './entities/certification.entity.js';
export { IndustrializationProject } from './entities/industrialization-project.entity.js';
