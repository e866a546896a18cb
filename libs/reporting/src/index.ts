// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './reporting.module.js';
export * from './reports/report-status.enum.js';
export { OutputReport } from './reports/output-report.entity.js';
export { OVERDUE_COUNT_READS, OverdueService } from './deadlines/overdue.service.js';
export {
  dueDateOf,
  isReceived,
  lastMonthDueBefore,
  monthsDue,
  overdueMonths,
  REPORTING_SINCE,
  residentIn,
} from './deadlines/deadlines.js';
export { OutputReportsService, REPORT_LIST_READS } from './reports/output-reports.service.js';
export {
  LOCK_TENANT_READS,
  SUBMIT_STATEMENT_READS,
  REVIEW_TENANT_READS,
  reportFromRow,
  ReportSubmissionService,
} from './reports/report-submission.service.js';
export {
  IMPORT_EVENTS_READS,
  KNOWN_TENANTS_READS,
  ReportImportService,
  type ImportPhase,
} from './spreadsheets/report-import.service.js';
export { EXPORT_READS, ReportExportService } from './spreadsheets/report-export.service.js';
export { ReportFileExport } from './spreadsheets/spreadsheets.args.js';
export { addMonths, periodsBetween } from './periods.js';
export { ReportingCliModule } from './cli/reporting-cli.module.js';
export { importReportsCommand } from './cli/import-command.js';
export { exportReportsCommand } from './cli/export-command.js';
export type { CommandIo } from './cli/cli-context.js';
