import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import { JOB_MODULES } from '@jcv/jobs';

/**
 * The worker: the API's configuration and database, and only the modules its jobs need (no
 * HTTP, no GraphQL, none of the libs' resolvers).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, ...JOB_MODULES, ...extraModules],
    };
  }
}
