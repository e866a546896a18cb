import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@jcv/notifications';
import { ParkModule } from '@jcv/park';
import { TenantsModule } from '@jcv/tenants';
import { AnnualReport } from './annual/annual-report.entity.js';
import {
  AnnualReportDraftResolver,
  AnnualReportsResolver,
} from './annual/annual-reports.resolver.js';
import { AnnualReportsService } from './annual/annual-reports.service.js';
import { TenantAnnualReportsResolver } from './annual/tenant-annual-reports.resolver.js';
import { TorchExportService } from './torch/torch-export.service.js';
import { TorchStatisticsResolver } from './torch/torch-statistics.resolver.js';
import { TorchStatisticsService } from './torch/torch-statistics.service.js';
// Declares the annual reports' constraints to the error mapping.
import './statistics.constraints.js';

@Module({
  imports: [TypeOrmModule.forFeature([AnnualReport]), TenantsModule, ParkModule, OutboxModule],
  providers: [
    AnnualReportsService,
    AnnualReportsResolver,
    AnnualReportDraftResolver,
    TenantAnnualReportsResolver,
    TorchStatisticsService,
    TorchStatisticsResolver,
    TorchExportService,
  ],
  exports: [AnnualReportsService, TorchStatisticsService, TorchExportService],
})
export class StatisticsModule {}
