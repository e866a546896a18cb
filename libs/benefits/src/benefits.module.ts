import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@jcv/notifications';
import { TenantsModule } from '@jcv/tenants';
import { Policy } from './policies/policy.entity.js';
import { PoliciesService } from './policies/policies.service.js';
import { PoliciesResolver } from './policies/policies.resolver.js';
import { BenefitApplication } from './applications/benefit-application.entity.js';
import { BenefitApplicationsService } from './applications/benefit-applications.service.js';
import { BenefitApplicationsResolver } from './applications/benefit-applications.resolver.js';
import { BenefitsService } from './benefits.service.js';
// Declares the benefits constraints to the error mapping.
import './benefits.constraints.js';

@Module({
  imports: [TypeOrmModule.forFeature([Policy, BenefitApplication]), TenantsModule, OutboxModule],
  providers: [
    PoliciesService,
    BenefitApplicationsService,
    BenefitsService,
    PoliciesResolver,
    BenefitApplicationsResolver,
  ],
  exports: [BenefitsService, PoliciesService, BenefitApplicationsService],
})
export class BenefitsModule {}
