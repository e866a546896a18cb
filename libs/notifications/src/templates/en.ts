import {
  dateParts,
  groupDigits,
  type NotificationTemplates,
  paragraphs,
  text,
  wordOf,
} from './format.js';

// The words of statuses, metrics and certificates are the console's English ones
// (apps/console/src/i18n), so that a notification and the page it links to name a thing alike.

const SERVICE_REQUEST_STATUS: Record<string, string> = {
  OPEN: 'Open',
  ASSIGNED: 'Assigned',
  IN_PROGRESS: 'In progress',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
  CANCELLED: 'Cancelled',
};

const CERTIFICATION: Record<string, string> = {
  HIGH_TECH: 'High-tech enterprise',
  SRDI: 'Specialised and innovative SME',
  TECH_SME: 'Technology-based SME',
};

/** The cockpit's metrics; the two "of which" targets are named on their own here. */
const METRIC: Record<string, string> = {
  NEW_TECH_FIRMS: 'New technology firms',
  NEW_HIGH_TECH_FIRMS: 'New high-tech enterprises',
  NEW_SRDI_FIRMS: 'New SRDI firms',
  INDUSTRIALIZATION_PROJECTS: 'Industrialisation projects',
  ANNUAL_OUTPUT_VALUE: 'Annual output value of resident firms',
};

const MILESTONE_STATUS: Record<string, string> = {
  ACHIEVED: 'Achieved',
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  BEHIND: 'Behind',
  MISSED: 'Missed',
  NOT_STARTED: 'Not started',
};

const ZONE: Record<string, string> = {
  STARTUP: 'Startup zone',
  EXPANSION: 'Expansion zone',
  PARK: 'Whole park',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-03 → March 2026; 2026 → 2026. */
function month(period: unknown): string {
  const d = dateParts(period);
  if (!d) return text(period);
  return d.month === undefined ? String(d.year) : `${MONTHS[d.month - 1]} ${d.year}`;
}

/** 2026-04-15 → 15 April 2026. */
function day(date: unknown): string {
  const d = dateParts(date);
  if (!d || d.day === undefined) return text(date);
  return `${d.day} ${MONTHS[d.month! - 1]} ${d.year}`;
}

const yuan = (amount: unknown) => `${groupDigits(amount)} yuan`;

const noteOf = (label: string, note: unknown) => (text(note) ? `${label}: ${text(note)}` : null);

export const EN_TEMPLATES: NotificationTemplates = {
  REPORT_DUE: (p) => ({
    title: `Monthly report for ${month(p.period)} due`,
    body: paragraphs(
      `${text(p.tenantName)}: the monthly output report for ${month(p.period)} has not been received yet. It is due on ${day(p.dueOn)}.`,
      'Please submit it in the console in time.',
    ),
  }),

  REPORT_OVERDUE: (p) => ({
    title: `Monthly report for ${month(p.period)} overdue`,
    body: paragraphs(
      `${text(p.tenantName)}: the monthly output report for ${month(p.period)} was due on ${day(p.dueOn)} and has not been received.`,
      'Please submit it in the console as soon as possible.',
    ),
  }),

  REPORT_RETURNED: (p) => {
    const report = p.annual
      ? `annual report for ${month(p.period)}`
      : `monthly report for ${month(p.period)}`;
    return {
      title: `Your ${report} was returned`,
      body: paragraphs(
        `${text(p.tenantName)}: the committee returned your ${report}.`,
        noteOf('Note', p.note),
        'Please correct it as the note asks and submit it again.',
      ),
    };
  },

  SPACE_APPLICATION_DECIDED: (p) => ({
    title: p.approved ? 'Space application approved' : 'Space application rejected',
    body: paragraphs(
      p.approved
        ? `The space application of ${text(p.tenantName)} was approved; the committee will arrange the move-in with you.`
        : `The space application of ${text(p.tenantName)} was rejected.`,
      noteOf('Note', p.note),
    ),
  }),

  BENEFIT_DECIDED: (p) => ({
    title: p.approved
      ? `Benefit approved: ${text(p.policyName)}`
      : `Benefit rejected: ${text(p.policyName)}`,
    body: paragraphs(
      p.approved
        ? text(p.amount)
          ? `The application of ${text(p.tenantName)} under “${text(p.policyName)}” was approved: ${yuan(p.amount)} granted.`
          : `The application of ${text(p.tenantName)} under “${text(p.policyName)}” was approved.`
        : `The application of ${text(p.tenantName)} under “${text(p.policyName)}” was rejected.`,
      noteOf('Note', p.note),
    ),
  }),

  SERVICE_REQUEST_UPDATED: (p) => {
    const status = wordOf(SERVICE_REQUEST_STATUS, p.status);
    return {
      title: `Service request “${text(p.title)}”: ${status}`,
      body: `The service request “${text(p.title)}” of ${text(p.tenantName)} is now “${status}”.`,
    };
  },

  CERTIFICATION_EXPIRING: (p) => {
    const kind = wordOf(CERTIFICATION, p.certification);
    return {
      title: `Certificate expiring: ${kind}`,
      body: paragraphs(
        `The certificate of ${text(p.tenantName)} (${kind}) expires on ${day(p.expiresOn)}.`,
        'Please have it renewed in time, so that benefits and the year’s targets are not affected.',
      ),
    };
  },

  MILESTONE_ALERT: (p) => {
    const zone = wordOf(ZONE, p.zone);
    const metric = wordOf(METRIC, p.metric);
    const status = wordOf(MILESTONE_STATUS, p.status);
    return {
      title: `Milestone alert: ${metric} (${zone})`,
      body: paragraphs(
        text(p.previousStatus)
          ? `${zone}, ${text(p.year)}: the target “${metric}” fell from “${wordOf(MILESTONE_STATUS, p.previousStatus)}” to “${status}”.`
          : `${zone}, ${text(p.year)}: the target “${metric}” fell to “${status}”.`,
        'See the cockpit for the firms counted and the year’s forecast.',
      ),
    };
  },

  BILL_ISSUED: (p) => ({
    title: `New bill ${text(p.number)}`,
    body: paragraphs(
      `Bill ${text(p.number)} of ${text(p.tenantName)} for ${month(p.period)} has been issued: ${yuan(p.total)}.`,
      `Please pay it by ${day(p.dueOn)}.`,
    ),
  }),

  BILL_OVERDUE: (p) => ({
    title: `Bill ${text(p.number)} overdue`,
    body: paragraphs(
      `Bill ${text(p.number)} of ${text(p.tenantName)} for ${month(p.period)} was due on ${day(p.dueOn)}; ${yuan(p.outstanding)} is still outstanding.`,
      'Please pay it as soon as possible.',
    ),
  }),

  ANNUAL_REPORT_DUE: (p) => ({
    title: `Annual report for ${month(p.year)} due`,
    body: paragraphs(
      `${text(p.tenantName)}: the annual report for ${month(p.year)} has not been received yet. It is due on ${day(p.dueOn)}.`,
      'Please submit it in the console in time.',
    ),
  }),
};
