// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './benefits.module.js';
export { BenefitsService } from './benefits.service.js';
export { BENEFITS_GRANTED_READS, benefitsGranted } from './benefits-granted.js';
export { PoliciesService } from './policies/policies.service.js';
export { BenefitApplicationsService } from './applications/benefit-applications.service.js';
export { Policy } from './policies/policy.entity.js';
export { PolicyKind } from './policies/policy-kind.enum.js';
export { parseRentRelief, type RentReliefSpec } from './policies/rent-relief.js';
export { BenefitApplication } from './applications/benefit-application.entity.js';
export { BenefitStatus } from './applications/benefit-status.enum.js';
export {
  isEligible,
  type Eligibility,
  type EligibilityFacts,
  type EligibilityRuleSpec,
} from './eligibility/eligibility.js';
export { ELIGIBILITY_FACTS_READS } from './eligibility/eligibility-facts.js';
