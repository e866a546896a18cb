export * from './reporting.module.js';
export * from './entities/report-status.js';
export { OutputReport } from './entities/output-report.entity.js';
