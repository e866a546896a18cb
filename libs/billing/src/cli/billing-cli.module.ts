import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import { BillingJobModule } from '../billing-job.module.js';

/**
 * The billing command's application: the API's configuration and database set-up (migrations
 * applied on open) and what issuing bills needs, without HTTP or GraphQL.
 */
@Module({})
export class BillingCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BillingCliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, BillingJobModule],
    };
  }
}
