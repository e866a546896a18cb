// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './statistics.module.js';
export { ANNUAL_REPORT_READERS } from './access-policy.js';
export { AnnualReport, annualReportFromRow } from './annual/annual-report.entity.js';
export { AnnualReportDraft } from './annual/annual-report-draft.type.js';
export { SubmitAnnualReportInput } from './annual/submit-annual-report.input.js';
export {
  ANNUAL_DRAFT_READS,
  ANNUAL_LIST_READS,
  ANNUAL_LOCK_TENANT_READS,
  ANNUAL_OCCUPIED_AREA_READS,
  ANNUAL_REVIEW_TENANT_READS,
  AnnualReportsService,
} from './annual/annual-reports.service.js';
export {
  annualReportDue,
  PARTS_OF_TOTALS,
  partsProblems,
  yearEndOf,
  yearProblem,
  type Residency,
} from './annual/annual-rules.js';
export {
  TORCH_FIRMS_READS,
  TORCH_PARK_READS,
  TorchStatisticsService,
} from './torch/torch-statistics.service.js';
export { TorchExportService } from './torch/torch-export.service.js';
export { StatisticsCheck, TorchStatistics } from './torch/torch-statistics.type.js';
export { CHECK_CODES, statisticsDay, toThousand, torchChecks } from './torch/torch-rules.js';
