export * from './reporting.module.js';
export * from './entities/report-status.js';
export { OutputReport } from './entities/output-report.entity.js';
export { OverdueService } from './deadlines/overdue.service.js';
export {
  dueDateOf,
  isReceived,
  lastMonthDueBefore,
  monthsDue,
  overdueMonths,
  REPORTING_SINCE,
  residentIn,
} from './deadlines/deadlines.js';
export { OutputReportsService } from './reports/output-reports.service.js';
export { ReportSubmissionService } from './reports/report-submission.service.js';
export { ReportImportService, type ImportPhase } from './spreadsheets/report-import.service.js';
export { ReportExportService } from './spreadsheets/report-export.service.js';
