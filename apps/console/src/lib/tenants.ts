/**
 * The committee's tenants pages without React: the list's filter and its address (`/tenants?…`),
 * which filters the API answers and which the page applies itself, the fields a correction
 * changes (`updateTenant` is sent only those), the credit-code rule's problems as message keys,
 * the audit trail's before/after as a list of changes, and who sees and does what.
 */
import {
  creditCodeIssue,
  creditCodeIssueKindOf,
  creditCodeTypingIssue,
  normalizeCreditCode,
  type CreditCodeIssue,
} from '@jcv/credit-code';
import type {
  CertificationKind,
  IndustryChain,
  ProjectStage,
  Role,
  TenantFilter,
  TenantKind,
  TenantStatus,
} from '../gql/graphql';
import { COMMITTEE } from '../roles';

export const TENANT_KINDS: readonly TenantKind[] = ['FIRM', 'TEAM'];
export const TENANT_STATUSES: readonly TenantStatus[] = ['RESIDENT', 'GRADUATED', 'EXITED'];
/** How a firm leaves (exitTenant's `status`). */
export const EXIT_STATUSES: readonly TenantStatus[] = ['GRADUATED', 'EXITED'];
export const CERTIFICATION_KINDS: readonly CertificationKind[] = ['HIGH_TECH', 'SRDI', 'TECH_SME'];
export const INDUSTRY_CHAINS: readonly IndustryChain[] = [
  'AI_PLUS',
  'HYDROGEN',
  'CARBON_MATERIALS',
  'SPECIAL_STEEL',
  'SOLID_WASTE',
  'OTHER',
];
export const PROJECT_STAGES: readonly ProjectStage[] = ['INCUBATING', 'PILOT', 'INDUSTRIALIZED'];

// ---------------------------------------------------------------------------------------------
// The list's filter and its address

export interface TenantListFilter {
  /** Part of the name, or of the credit code. */
  q: string;
  zoneId: string | null;
  kind: TenantKind | null;
  status: TenantStatus | null;
  /** Holds a certificate of this kind valid today. */
  certification: CertificationKind | null;
  industryChain: IndustryChain | null;
}

export const EMPTY_FILTER: TenantListFilter = {
  q: '',
  zoneId: null,
  kind: null,
  status: null,
  certification: null,
  industryChain: null,
};

/** The address's parameter of each part of the filter, in the order they are written. */
export const QUERY_KEYS: Readonly<Record<keyof TenantListFilter, string>> = {
  q: 'q',
  zoneId: 'zone',
  kind: 'kind',
  status: 'status',
  certification: 'cert',
  industryChain: 'chain',
};

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SEARCH = 200;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The filter an address asks for; a value that is not one the API knows is left out. */
export function filterFromQuery(params: URLSearchParams): TenantListFilter {
  const zone = params.get(QUERY_KEYS.zoneId);
  return {
    q: (params.get(QUERY_KEYS.q) ?? '').trim().slice(0, MAX_SEARCH),
    zoneId: zone && ID.test(zone) ? zone : null,
    kind: oneOf(TENANT_KINDS, params.get(QUERY_KEYS.kind)),
    status: oneOf(TENANT_STATUSES, params.get(QUERY_KEYS.status)),
    certification: oneOf(CERTIFICATION_KINDS, params.get(QUERY_KEYS.certification)),
    industryChain: oneOf(INDUSTRY_CHAINS, params.get(QUERY_KEYS.industryChain)),
  };
}

/** The address of a filter: only what is set, always in the same order. */
export function filterToQuery(filter: TenantListFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(QUERY_KEYS) as (keyof TenantListFilter)[]) {
    const value = key === 'q' ? filter.q.trim() : filter[key];
    if (value) params.set(QUERY_KEYS[key], value);
  }
  return params;
}

export const isFiltered = (filter: TenantListFilter): boolean =>
  filterToQuery(filter).toString() !== '';

/**
 * What the search text is taken for: letters and digits only, with a digit among them, is (part
 * of) a credit code; anything else is part of a name. Firm names are written in Chinese, so a
 * name is hardly ever mistaken for a code, and a code search still matches names (below).
 */
export function searchMode(q: string): 'none' | 'name' | 'creditCode' {
  const text = q.trim();
  if (!text) return 'none';
  const code = normalizeCreditCode(text);
  return /^[0-9A-Z]{2,18}$/.test(code) && /[0-9]/.test(code) ? 'creditCode' : 'name';
}

/**
 * The part of the filter the API applies (`TenantFilter`: zone, status, industry chain, part of
 * the name). The API has no filter on kind, certificates or credit code: those the page applies.
 */
export function apiFilter(filter: TenantListFilter): TenantFilter {
  const out: TenantFilter = {};
  if (filter.zoneId) out.zoneId = filter.zoneId;
  if (filter.status) out.status = filter.status;
  if (filter.industryChain) out.industryChain = filter.industryChain;
  if (searchMode(filter.q) === 'name') out.nameContains = filter.q.trim();
  return out;
}

/**
 * Whether the page filters the API's answer itself, and so must read every page of it before it
 * can say what matches.
 */
export function filtersLocally(filter: TenantListFilter): boolean {
  return Boolean(filter.kind || filter.certification || searchMode(filter.q) === 'creditCode');
}

export interface CertificateDates {
  kind: CertificationKind;
  issuedOn: string;
  expiresOn?: string | null;
}

/** Valid on `today`: issued by then, and not expired before it (the expiry day still counts). */
export const isValidOn = (c: Omit<CertificateDates, 'kind'>, today: string): boolean =>
  c.issuedOn <= today && (!c.expiresOn || c.expiresOn >= today);

export interface ListedTenant {
  name: string;
  kind: TenantKind;
  creditCode?: string | null;
  certifications?: readonly CertificateDates[] | null;
}

/** Whether a tenant the API listed matches the part of the filter the page applies. */
export function matchesLocally(
  tenant: ListedTenant,
  filter: TenantListFilter,
  today: string,
): boolean {
  if (filter.kind && tenant.kind !== filter.kind) return false;
  if (
    filter.certification &&
    !(tenant.certifications ?? []).some(
      (c) => c.kind === filter.certification && isValidOn(c, today),
    )
  ) {
    return false;
  }
  if (searchMode(filter.q) === 'creditCode') {
    const text = filter.q.trim();
    const inName = tenant.name.toLowerCase().includes(text.toLowerCase());
    const inCode = (tenant.creditCode ?? '').includes(normalizeCreditCode(text));
    if (!inName && !inCode) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Corrections (updateTenant): only the fields that change are sent

export interface TenantRecord {
  name: string;
  kind: TenantKind;
  creditCode?: string | null;
  industryChain: IndustryChain;
  isTechFirm: boolean;
  foundedOn?: string | null;
}

/** What the edit form holds: text fields may be empty or untrimmed. */
export interface TenantEditValues {
  name: string;
  kind: TenantKind;
  creditCode?: string | null;
  industryChain: IndustryChain;
  isTechFirm: boolean;
  foundedOn?: string | null;
}

export interface TenantChanges {
  name?: string;
  kind?: TenantKind;
  creditCode?: string;
  industryChain?: IndustryChain;
  isTechFirm?: boolean;
  /** null clears it. */
  foundedOn?: string | null;
}

const blankToNull = (value: string | null | undefined): string | null =>
  value && value.trim() ? value.trim() : null;

/**
 * The fields of `values` that differ from the record, as updateTenant takes them. A TEAM that
 * becomes a FIRM sends kind FIRM with its credit code together (the API wants both); a FIRM
 * never becomes a TEAM, and a TEAM has no credit code, so neither is sent then.
 */
export function tenantChanges(record: TenantRecord, values: TenantEditValues): TenantChanges {
  const out: TenantChanges = {};
  const name = values.name.trim();
  if (name !== record.name) out.name = name;
  const code = values.creditCode ? normalizeCreditCode(values.creditCode) : '';
  if (record.kind === 'TEAM' && values.kind === 'FIRM') {
    out.kind = 'FIRM';
    out.creditCode = code;
  } else if (record.kind === 'FIRM' && code && code !== (record.creditCode ?? '')) {
    out.creditCode = code;
  }
  if (values.industryChain !== record.industryChain) out.industryChain = values.industryChain;
  if (values.isTechFirm !== record.isTechFirm) out.isTechFirm = values.isTechFirm;
  const foundedOn = blankToNull(values.foundedOn);
  if (foundedOn !== (record.foundedOn ?? null)) out.foundedOn = foundedOn;
  return out;
}

export const hasChanges = (changes: TenantChanges): boolean => Object.keys(changes).length > 0;

// ---------------------------------------------------------------------------------------------
// The credit code in a form

/** What the form says about a credit code: an i18n key of the tenants namespace and its values. */
export interface CreditCodeMessage {
  key: string;
  values: Record<string, string | number>;
}

/** The words for a problem the rule found (`creditCode.problems.<kind>`). */
export function creditCodeMessage(issue: CreditCodeIssue): CreditCodeMessage {
  const key = `creditCode.problems.${issue.kind}`;
  switch (issue.kind) {
    case 'length':
      return { key, values: { length: issue.length } };
    case 'character':
      return { key, values: { characters: issue.characters.join(' ') } };
    case 'authority':
      return { key, values: { allowed: issue.allowed.join(', ') } };
    case 'organisation':
      return {
        key,
        values: {
          authority: issue.authority,
          authorityName: issue.authorityName,
          allowed: issue.allowed.join(', '),
        },
      };
    default:
      return { key, values: {} };
  }
}

/**
 * What is wrong with a credit code in a form, or null: as it is typed (`typing`), only what can
 * no longer become right; when it is given (`whole`), any problem, a short one included. Spaces
 * and lower-case letters are fine: the API leaves them out and upper-cases them.
 */
export function creditCodeFormMessage(
  value: string | null | undefined,
  mode: 'typing' | 'whole',
): CreditCodeMessage | null {
  const code = normalizeCreditCode(value ?? '');
  if (!code) return null;
  const issue = mode === 'typing' ? creditCodeTypingIssue(code) : creditCodeIssue(code);
  return issue ? creditCodeMessage(issue) : null;
}

/**
 * The API's refusal of a credit code (its extensions.fields message, written by the same rule)
 * in the console's words (`creditCode.server.<kind>`), or null for a message of another kind.
 */
export function creditCodeServerMessage(message: string): CreditCodeMessage | null {
  const kind = creditCodeIssueKindOf(message);
  return kind ? { key: `creditCode.server.${kind}`, values: {} } : null;
}

/** Whether the API's CONFLICT says that the credit code is registered already. */
export const isCreditCodeTaken = (message: string | null): boolean =>
  Boolean(message && /creditCode .*already registered/.test(message));

// ---------------------------------------------------------------------------------------------
// The audit trail

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Book-keeping columns that change with every write and say nothing to a person. */
const UNTOLD = new Set(['id', 'createdAt', 'updatedAt', 'version']);

function parseRecord(json: string | null | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The fields an audited change altered, in the order `order` gives (others after, by name):
 * a field's value before and after. A record created (no before) lists what it was created with.
 */
export function auditChanges(
  before: string | null | undefined,
  after: string | null | undefined,
  order: readonly string[] = TENANT_FIELDS,
): AuditChange[] {
  const b = parseRecord(before);
  const a = parseRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (f) => !UNTOLD.has(f) && JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null),
  );
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  fields.sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  return fields.map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

/** A tenant's fields in the order the profile shows them. */
export const TENANT_FIELDS: readonly string[] = [
  'name',
  'kind',
  'creditCode',
  'zoneId',
  'industryChain',
  'isTechFirm',
  'foundedOn',
  'enteredOn',
  'status',
  'exitedOn',
];

// ---------------------------------------------------------------------------------------------
// Who sees and does what (libs/*/src/access-policy.ts and the resolvers' @Roles)

export type TenantSection =
  'certifications' | 'projects' | 'leases' | 'reports' | 'benefits' | 'serviceRequests' | 'audit';

const ADMIN_ONLY: readonly Role[] = ['ADMIN'];

/**
 * Who may read each section of a tenant's page. The committee reads certificates and projects
 * (libs/tenants), leases (libs/space), reports (libs/reporting), benefit applications
 * (libs/benefits) and service requests (libs/service-desk); the audit trail is ADMIN's alone
 * (libs/audit).
 */
export const SECTION_READERS: Readonly<Record<TenantSection, readonly Role[]>> = {
  certifications: COMMITTEE,
  projects: COMMITTEE,
  leases: COMMITTEE,
  reports: COMMITTEE,
  benefits: COMMITTEE,
  serviceRequests: COMMITTEE,
  audit: ADMIN_ONLY,
};

export type TenantAction = 'register' | 'update' | 'exit' | 'addCertification' | 'recordProject';

/** Registering, correcting, exits, certificates and projects are ADMIN's (domain.md). */
export const ACTION_ROLES: Readonly<Record<TenantAction, readonly Role[]>> = {
  register: ADMIN_ONLY,
  update: ADMIN_ONLY,
  exit: ADMIN_ONLY,
  addCertification: ADMIN_ONLY,
  recordProject: ADMIN_ONLY,
};

export const mayRead = (role: Role, section: TenantSection): boolean =>
  SECTION_READERS[section].includes(role);

export const mayDo = (role: Role, action: TenantAction): boolean =>
  ACTION_ROLES[action].includes(role);

/** Whether the exit form is offered: only a resident tenant leaves. */
export const mayExit = (role: Role, status: TenantStatus): boolean =>
  mayDo(role, 'exit') && status === 'RESIDENT';
