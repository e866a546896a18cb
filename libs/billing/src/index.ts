// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './billing.module.js';
export * from './billing-job.module.js';
export * from './billing.enum.js';
export {
  BILL_AUDIT_READS,
  BILL_FACTS_READS,
  BILL_LIST_READS,
  BILL_RUN_LOCK,
  BillsService,
  RELIEF_GRANTS_READS,
  type IssueOptions,
} from './bills/bills.service.js';
export { Bill } from './bills/bill.entity.js';
export { BillLine } from './bills/bill-line.entity.js';
export { BillRun } from './bills/bill-run.entity.js';
export { Payment } from './payments/payment.entity.js';
export { billingFigures, BILLING_FIGURES_READS } from './figures/billing-figures.js';
export { BILLS_EXPORT_READS, BillsExportService } from './export/bills-export.service.js';
