import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import { ParkModule } from '@jcv/park';
import { TorchExportService } from '../torch/torch-export.service.js';
import { TorchStatisticsService } from '../torch/torch-statistics.service.js';

/**
 * The statistics command's application: the API's configuration and database set-up
 * (migrations applied on open) and what the Torch statistics need, without HTTP or GraphQL.
 */
@Module({})
export class StatisticsCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StatisticsCliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, ParkModule],
      providers: [TorchStatisticsService, TorchExportService],
    };
  }
}
