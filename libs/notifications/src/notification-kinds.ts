import { registerEnumType } from '@nestjs/graphql';

/** What a notification is about; each kind has a template in every locale (templates/). */
export enum NotificationKind {
  REPORT_DUE = 'REPORT_DUE',
  REPORT_OVERDUE = 'REPORT_OVERDUE',
  REPORT_RETURNED = 'REPORT_RETURNED',
  SPACE_APPLICATION_DECIDED = 'SPACE_APPLICATION_DECIDED',
  BENEFIT_DECIDED = 'BENEFIT_DECIDED',
  SERVICE_REQUEST_UPDATED = 'SERVICE_REQUEST_UPDATED',
  CERTIFICATION_EXPIRING = 'CERTIFICATION_EXPIRING',
  MILESTONE_ALERT = 'MILESTONE_ALERT',
  BILL_ISSUED = 'BILL_ISSUED',
  BILL_OVERDUE = 'BILL_OVERDUE',
  ANNUAL_REPORT_DUE = 'ANNUAL_REPORT_DUE',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesMap: {
    REPORT_DUE: { description: "A month's report is due within 5 days and not received." },
    CERTIFICATION_EXPIRING: { description: 'A certificate of the firm expires within 90 days.' },
    MILESTONE_ALERT: { description: "A milestone's status fell (committee roles)." },
  },
});

export const NOTIFICATION_KINDS = Object.values(NotificationKind);

/**
 * The parameters of each kind's templates, kept with the notification (jsonb): the title and
 * body are written when the notification is read or mailed, in the recipient's locale then.
 * Dates are YYYY-MM-DD, periods YYYY-MM, money Decimal strings, statuses the API's enum codes.
 */
export interface NotificationParams {
  REPORT_DUE: { tenantName: string; period: string; dueOn: string };
  REPORT_OVERDUE: { tenantName: string; period: string; dueOn: string };
  /** A monthly report (period YYYY-MM) or, with `annual`, an annual report (period YYYY). */
  REPORT_RETURNED: { tenantName: string; period: string; note: string; annual?: boolean };
  SPACE_APPLICATION_DECIDED: { tenantName: string; approved: boolean; note?: string | null };
  BENEFIT_DECIDED: {
    tenantName: string;
    policyName: string;
    approved: boolean;
    amount?: string | null;
    note?: string | null;
  };
  SERVICE_REQUEST_UPDATED: { tenantName: string; title: string; status: string };
  CERTIFICATION_EXPIRING: { tenantName: string; certification: string; expiresOn: string };
  MILESTONE_ALERT: {
    zone: string;
    metric: string;
    year: number;
    status: string;
    previousStatus?: string | null;
  };
  BILL_ISSUED: { tenantName: string; number: string; period: string; total: string; dueOn: string };
  BILL_OVERDUE: {
    tenantName: string;
    number: string;
    period: string;
    outstanding: string;
    dueOn: string;
  };
  ANNUAL_REPORT_DUE: { tenantName: string; year: number; dueOn: string };
}

/** The locales of users.locale. */
export type NotificationLocale = 'ZH_CN' | 'EN';

/** The event types an endpoint may subscribe to (domain.md, "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  'report.submitted',
  'report.reviewed',
  'tenant.registered',
  'tenant.exited',
  'lease.created',
  'lease.ended',
  'benefit.decided',
  'service_request.updated',
  'milestone.alert',
  'bill.issued',
  'bill.paid',
  'annual_report.submitted',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
