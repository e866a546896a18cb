import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import { AuditModule } from '@jcv/audit';
import { ReportingModule } from '../reporting.module.js';

/**
 * The reporting commands' application: the same modules and database set-up as the API (the
 * configuration read by loadConfig, migrations applied on open), without HTTP or GraphQL.
 */
@Module({})
export class ReportingCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReportingCliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule, ReportingModule],
    };
  }
}
