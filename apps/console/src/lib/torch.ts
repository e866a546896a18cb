/**
 * The Torch statistics page (domain.md, "Annual reports and the Torch statistics (火炬统计)"):
 * the year asked for, the figures of TorchStatistics in the order and units of the national
 * questionnaire, the checks failing first, and the workbook's download name. No React here.
 */

/** The unit of a figure: m², 家 (firms), 人 (people), 千元 (thousand yuan). */
export type TorchUnit = 'AREA' | 'FIRMS' | 'PEOPLE' | 'THOUSAND';

export const TORCH_FIGURES = [
  { field: 'totalArea', unit: 'AREA', group: 'space' },
  { field: 'incubatedFirmsArea', unit: 'AREA', group: 'space' },
  { field: 'incubatedFirms', unit: 'FIRMS', group: 'firms' },
  { field: 'newIncubatedFirms', unit: 'FIRMS', group: 'firms' },
  { field: 'graduatedThisYear', unit: 'FIRMS', group: 'firms' },
  { field: 'graduatedTotal', unit: 'FIRMS', group: 'firms' },
  { field: 'highTechFirms', unit: 'FIRMS', group: 'firms' },
  { field: 'techSmeFirms', unit: 'FIRMS', group: 'firms' },
  { field: 'fundedFirms', unit: 'FIRMS', group: 'firms' },
  { field: 'firmsWithInventionPatents', unit: 'FIRMS', group: 'firms' },
  { field: 'firmsWithValidIp', unit: 'FIRMS', group: 'firms' },
  { field: 'incubatedEmployees', unit: 'PEOPLE', group: 'people' },
  { field: 'incubatedEmployeesCollege', unit: 'PEOPLE', group: 'people' },
  { field: 'incubatedEmployeesFreshGraduates', unit: 'PEOPLE', group: 'people' },
  { field: 'incubatedRevenueThousand', unit: 'THOUSAND', group: 'finance' },
  { field: 'incubatedRdExpenseThousand', unit: 'THOUSAND', group: 'finance' },
  { field: 'incubatedTaxPaidThousand', unit: 'THOUSAND', group: 'finance' },
  { field: 'incubatedVentureFundingThousand', unit: 'THOUSAND', group: 'finance' },
  { field: 'incubatorIncomeThousand', unit: 'THOUSAND', group: 'incubator' },
  { field: 'fundingDisbursedThousand', unit: 'THOUSAND', group: 'incubator' },
] as const;

export type TorchField = (typeof TORCH_FIGURES)[number]['field'];
export type TorchGroup = (typeof TORCH_FIGURES)[number]['group'];
export const TORCH_GROUPS: readonly TorchGroup[] = [
  'space',
  'firms',
  'people',
  'finance',
  'incubator',
];

/** The figures of one group, in the questionnaire's order. */
export function figuresOf(group: TorchGroup) {
  return TORCH_FIGURES.filter((f) => f.group === group);
}

/** The first year the page offers. */
export const FIRST_TORCH_YEAR = 2020;

/**
 * The year of `?year=`: a year from FIRST_TORCH_YEAR to this one (the current year counts on
 * today); anything else, or none, is last year (the year the statistics are reported for).
 */
export function torchYearFromQuery(text: string | null, today: string): number {
  const current = Number(today.slice(0, 4));
  const asked = text && /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (asked >= FIRST_TORCH_YEAR && asked <= current) return asked;
  return current - 1;
}

/** The years to choose from, newest first. */
export function torchYears(today: string): number[] {
  const current = Number(today.slice(0, 4));
  const out: number[] = [];
  for (let y = current; y >= FIRST_TORCH_YEAR; y--) out.push(y);
  return out;
}

/** The checks with the failing ones first, each group in the API's order. */
export function orderedChecks<C extends { passed: boolean }>(checks: readonly C[]): C[] {
  return [...checks.filter((c) => !c.passed), ...checks.filter((c) => c.passed)];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The name the browser saves the workbook under: the API's own without any folder or character
 * a file system refuses, ending .xlsx; `torch-statistics-YYYY.xlsx` when it gave none.
 */
export function torchFileName(fileName: string | null | undefined, year: number): string {
  const base = (fileName ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .trim()
    .replace(/^\.+/, '');
  const safe = base || `torch-statistics-${year}`;
  return safe.toLowerCase().endsWith('.xlsx') ? safe : `${safe}.xlsx`;
}
