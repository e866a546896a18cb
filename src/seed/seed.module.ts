import { Module } from '@nestjs/common';
import { IdentityModule } from '@jcv/identity';
import { MilestonesModule } from '@jcv/milestones';
import { ParkModule } from '@jcv/park';
import { TenantsModule } from '@jcv/tenants';
import { SpaceModule } from '@jcv/space';
import { ReportingModule } from '@jcv/reporting';
import { BenefitsModule } from '@jcv/benefits';
import { ServiceDeskModule } from '@jcv/service-desk';
import { DemoService } from './demo/demo.service.js';
import { TenantsSpaceDemo } from './demo/tenants-space.demo.js';
import { ReportingDemo } from './demo/reporting.demo.js';
import { MilestonesDemo } from './demo/milestones.demo.js';
import { BenefitsDemo } from './demo/benefits.demo.js';
import { ServiceDeskDemo } from './demo/service-desk.demo.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [
    ParkModule,
    MilestonesModule,
    IdentityModule,
    TenantsModule,
    SpaceModule,
    ReportingModule,
    BenefitsModule,
    ServiceDeskModule,
  ],
  providers: [
    SeedService,
    DemoService,
    TenantsSpaceDemo,
    ReportingDemo,
    MilestonesDemo,
    BenefitsDemo,
    ServiceDeskDemo,
  ],
})
export class SeedModule {}
