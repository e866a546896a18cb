import { Module } from '@nestjs/common';
import { BenefitsModule } from '@jcv/benefits';
import { BillingModule } from '@jcv/billing';
import { IdentityModule } from '@jcv/identity';
import { MilestonesModule } from '@jcv/milestones';
import { ParkModule } from '@jcv/park';
import { ReportingModule } from '@jcv/reporting';
import { ServiceDeskModule } from '@jcv/service-desk';
import { SpaceModule } from '@jcv/space';
import { StatisticsModule } from '@jcv/statistics';
import { TenantsModule } from '@jcv/tenants';
import { SeedModule } from '../../src/seed/seed.module.js';
import { BenefitsDemo } from './benefits.demo.js';
import { BillingDemo } from './billing.demo.js';
import { DemoService } from './demo.service.js';
import { MilestonesDemo } from './milestones.demo.js';
import { ReportingDemo } from './reporting.demo.js';
import { ServiceDeskDemo } from './service-desk.demo.js';
import { StatisticsDemo } from './statistics.demo.js';
import { TenantsSpaceDemo } from './tenants-space.demo.js';

/**
 * The development demo park. AppModule imports it only when SEED_DEMO is on; the production
 * build leaves this folder out.
 */
@Module({
  imports: [
    SeedModule,
    IdentityModule,
    ParkModule,
    MilestonesModule,
    TenantsModule,
    SpaceModule,
    ReportingModule,
    BenefitsModule,
    ServiceDeskModule,
    BillingModule,
    StatisticsModule,
  ],
  providers: [
    DemoService,
    TenantsSpaceDemo,
    ReportingDemo,
    MilestonesDemo,
    BenefitsDemo,
    ServiceDeskDemo,
    BillingDemo,
    StatisticsDemo,
  ],
  exports: [
    TenantsSpaceDemo,
    ReportingDemo,
    MilestonesDemo,
    BenefitsDemo,
    ServiceDeskDemo,
    BillingDemo,
    StatisticsDemo,
  ],
})
export class DemoModule {}
