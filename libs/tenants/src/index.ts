// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './tenants.module.js';
export * from './tenants.service.js';
export * from './certifications.service.js';
export * from './projects.service.js';
export * from './credit-code.js';
export * from './entities/tenant-enums.js';
export { Tenant } from './entities/tenant.entity.js';
export { Certification } from './entities/certification.entity.js';
export { IndustrializationProject } from './entities/industrialization-project.entity.js';
export { RegisterTenantInput } from './dto/register-tenant.input.js';
export { AddCertificationInput } from './dto/add-certification.input.js';
export { ExitTenantInput } from './dto/exit-tenant.input.js';
export { RecordProjectInput } from './dto/record-project.input.js';
export { TenantFilter } from './dto/tenants.args.js';
