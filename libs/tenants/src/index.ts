// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './tenants.module.js';
export * from './tenants/tenants.service.js';
export * from './certifications/certifications.service.js';
export * from './projects/projects.service.js';
export * from './credit-code/credit-code.js';
export * from './tenant.enum.js';
export {
  DEFAULT_INCUBATION_MONTHS,
  dueToGraduateOnSql,
  IncubationStage,
  incubatedOnSql,
  incubationEndsOn,
  incubationOf,
  incubationStageSql,
  overstayingOnSql,
  type IncubationFacts,
  type IncubationOn,
} from './incubation/incubation.js';
export { Incubation } from './incubation/incubation.type.js';
export { Tenant } from './tenants/tenant.entity.js';
export { Certification } from './certifications/certification.entity.js';
export { IndustrializationProject } from './projects/industrialization-project.entity.js';
export { RegisterTenantInput } from './tenants/register-tenant.input.js';
export { AddCertificationInput } from './certifications/add-certification.input.js';
export { ExitTenantInput } from './tenants/exit-tenant.input.js';
export { RecordProjectInput } from './projects/record-project.input.js';
export { TenantFilter } from './tenants/tenants.args.js';
