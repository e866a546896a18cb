import { ServiceCategory } from '../providers/service-category.enum.js';

/** Hours from opening a request to its dueAt, per category. */
export type ResponseHours = Readonly<Record<ServiceCategory, number>>;

/**
 * The defaults, in calendar hours: a broken facility within a day, legal questions within two
 * days, most services within three, technology transfer within five and a scenario assessment
 * (a site visit and a written opinion) within a week.
 */
export const DEFAULT_RESPONSE_HOURS: ResponseHours = {
  [ServiceCategory.IP_PATENT]: 72,
  [ServiceCategory.FINANCING]: 72,
  [ServiceCategory.TECH_TRANSFER]: 120,
  [ServiceCategory.LEGAL]: 48,
  [ServiceCategory.HR_TALENT]: 72,
  [ServiceCategory.FACILITY]: 24,
  [ServiceCategory.SCENARIO_ASSESSMENT]: 168,
  [ServiceCategory.OTHER]: 72,
};

export const RESPONSE_HOURS_VARIABLE = 'SERVICE_RESPONSE_HOURS';
const MAX_HOURS = 24 * 365;

/**
 * Reads SERVICE_RESPONSE_HOURS, a JSON object of category → whole hours (1 to 8760) that
 * overrides the defaults for the categories it names, e.g. {"FACILITY": 8, "LEGAL": 24}.
 * Unset or empty: the defaults. Anything else refuses to start, naming the variable.
 */
export function parseResponseHours(raw: string | undefined): ResponseHours {
  if (raw === undefined || raw.trim() === '') return DEFAULT_RESPONSE_HOURS;
  const fail = (why: string): never => {
    throw new Error(`${RESPONSE_HOURS_VARIABLE} ${why}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail('must be a JSON object such as {"FACILITY": 8}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail('must be a JSON object such as {"FACILITY": 8}');
  }
  const hours: Record<string, number> = { ...DEFAULT_RESPONSE_HOURS };
  for (const [category, value] of Object.entries(parsed)) {
    if (!(category in DEFAULT_RESPONSE_HOURS)) {
      fail(
        `names an unknown category ${category}; known: ${Object.keys(DEFAULT_RESPONSE_HOURS).join(', ')}`,
      );
    }
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_HOURS) {
      fail(
        `gives ${category} ${JSON.stringify(value)}; hours must be a whole number from 1 to ${MAX_HOURS}`,
      );
    }
    hours[category] = value as number;
  }
  return hours as ResponseHours;
}
