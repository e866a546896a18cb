import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@jcv/audit';
import { type AppConfig, ConfigModule } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import { JOB_MODULES } from './jobs.js';

/** The worker: the same configuration, database and domain libs as the API, without HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule, ...JOB_MODULES],
    };
  }
}
