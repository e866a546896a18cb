import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '@jcv/config';
import { ConfigModule } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import { AuditModule } from '@jcv/audit';
import { IdentityModule } from '@jcv/identity';
import { ParkModule } from '@jcv/park';
import { MilestonesModule } from '@jcv/milestones';
import { TenantsModule } from '@jcv/tenants';
import { SpaceModule } from '@jcv/space';
import { ReportingModule } from '@jcv/reporting';
import { BenefitsModule } from '@jcv/benefits';
import { ServiceDeskModule } from '@jcv/service-desk';
import { BillingModule } from '@jcv/billing';
import { StatisticsModule } from '@jcv/statistics';
import { NotificationsModule } from '@jcv/notifications';
import { createValidationPipe } from '@jcv/shared';
import { InProcessJobs, JOB_MODULES } from '@jcv/jobs';
import { graphqlOptions } from './graphql/graphql.options.js';
import { IdempotencyModule } from './graphql/idempotency.module.js';
import { HealthController } from './health/health.controller.js';
import { demoParkModule } from './seed/demo-park.js';
import { SeedModule } from './seed/seed.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuditModule,
        GraphQLModule.forRoot(graphqlOptions(config)),
        IdempotencyModule,
        IdentityModule,
        ParkModule,
        TenantsModule,
        SpaceModule,
        ReportingModule,
        BenefitsModule,
        ServiceDeskModule,
        BillingModule,
        StatisticsModule,
        MilestonesModule,
        NotificationsModule,
        // The jobs' and deliveries' services, for WORKER_IN_PROCESS (most are imported above already).
        ...JOB_MODULES,
        SeedModule,
        // Development only (the configuration refuses SEED_DEMO in production); the production
        // build holds no demo at all.
        ...(config.seedDemo && !config.production ? [demoParkModule()] : []),
      ],
      controllers: [HealthController],
      // InProcessJobs here, in the root module, starts after the seed and the demo (see its comment).
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }, InProcessJobs],
    };
  }
}
