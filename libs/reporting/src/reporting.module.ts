import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@jcv/notifications';
import { ParkModule } from '@jcv/park';
import { TenantsModule } from '@jcv/tenants';
import { OutputReport } from './reports/output-report.entity.js';
import { OverdueResolver } from './deadlines/overdue.resolver.js';
import { OverdueService } from './deadlines/overdue.service.js';
import { OutputReportsResolver } from './reports/output-reports.resolver.js';
import { OutputReportsService } from './reports/output-reports.service.js';
import { ReportSubmissionService } from './reports/report-submission.service.js';
import { TenantOutputReportsResolver } from './reports/tenant-output-reports.resolver.js';
import { ReportExportService } from './spreadsheets/report-export.service.js';
import { ReportImportService } from './spreadsheets/report-import.service.js';
import { SpreadsheetsResolver } from './spreadsheets/spreadsheets.resolver.js';
// Declares the output reports' constraints to the error mapping.
import './reporting.constraints.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutputReport]), TenantsModule, ParkModule, OutboxModule],
  providers: [
    OutputReportsService,
    ReportSubmissionService,
    OverdueService,
    ReportImportService,
    ReportExportService,
    OutputReportsResolver,
    TenantOutputReportsResolver,
    OverdueResolver,
    SpreadsheetsResolver,
  ],
  exports: [
    OutputReportsService,
    ReportSubmissionService,
    OverdueService,
    ReportImportService,
    ReportExportService,
  ],
})
export class ReportingModule {}
