import { Decimal } from 'decimal.js';

/**
 * Whole 千元 from an exact amount in yuan: ÷ 1 000, rounded half up once (a half rounds away
 * from zero, so a net loss of 1 500 yuan is −2 千元, as decimal.js's ROUND_HALF_UP does). Give it
 * the exact sum, never a sum of rounded parts: three firms of 1 499.50 yuan are 4 千元.
 */
export function toThousand(exactYuan: string): string {
  const thousand = new Decimal(exactYuan).dividedBy(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  // A loss under 500 yuan rounds to zero, written without a sign.
  return thousand.isZero() ? '0' : thousand.toFixed(0);
}

/** The figures of a firm's accepted annual report, money as exact decimal strings in yuan. */
export interface AnnualFigures {
  registeredCapital: string;
  employees: number;
  employeesDoctorate: number;
  employeesCollege: number;
  employeesReturnees: number;
  employeesFreshGraduates: number;
  totalRevenue: string;
  netProfit: string;
  taxPaid: string;
  rdExpense: string;
  ventureFunding: string;
  ipApplied: number;
  ipGranted: number;
  ipValid: number;
  inventionPatentsValid: number;
  softwareCopyrights: number;
  techContracts: number;
  techContractValue: string;
  nationalProjects: number;
  occupiedArea: string;
}

/** An incubated firm on the statistics' day, with its accepted report (null: none yet). */
export interface TorchFirm {
  tenantId: string;
  name: string;
  creditCode: string | null;
  foundedOn: string | null;
  enteredOn: string;
  industryChain: string;
  highTech: boolean;
  techSme: boolean;
  /** Area of its leases on the day, m². */
  leasedArea: string;
  report: AnnualFigures | null;
}

/** The incubator's figures the checks read: sums over the incubated firms and the park's area. */
export interface TorchTotals {
  totalArea: string;
  incubatedFirmsArea: string;
  incubatedFirms: number;
  employees: number;
  employeesDoctorate: number;
  employeesCollege: number;
  employeesReturnees: number;
  employeesFreshGraduates: number;
  ipValid: number;
  inventionPatentsValid: number;
  highTechFirms: number;
  fundedFirms: number;
  firmsWithValidIp: number;
}

/** One logic check (审核关系): which firms break it, and what it found, in English. */
export interface CheckResult {
  code: string;
  passed: boolean;
  tenantIds: string[];
  message: string;
}

/** Part of a whole (其中 ≤ 总数), for each firm and for the incubator's totals. */
type PartKey =
  | 'employeesDoctorate'
  | 'employeesCollege'
  | 'employeesReturnees'
  | 'employeesFreshGraduates'
  | 'inventionPatentsValid';
type WholeKey = 'employees' | 'ipValid';

const PART_CHECKS: { code: string; part: PartKey; whole: WholeKey }[] = [
  { code: 'EMPLOYEES_DOCTORATE_LE_TOTAL', part: 'employeesDoctorate', whole: 'employees' },
  { code: 'EMPLOYEES_COLLEGE_LE_TOTAL', part: 'employeesCollege', whole: 'employees' },
  { code: 'EMPLOYEES_RETURNEES_LE_TOTAL', part: 'employeesReturnees', whole: 'employees' },
  {
    code: 'EMPLOYEES_FRESH_GRADUATES_LE_TOTAL',
    part: 'employeesFreshGraduates',
    whole: 'employees',
  },
  { code: 'INVENTION_PATENTS_LE_VALID_IP', part: 'inventionPatentsValid', whole: 'ipValid' },
];

/** The share of the area incubated firms must use (national rule for incubators). */
export const INCUBATED_AREA_SHARE = new Decimal('0.75');

/** Firms named in a message before "and n more". */
const NAMED = 5;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "甲科技, 乙科技 and 3 more". */
function firmNames(firms: TorchFirm[]): string {
  const names = firms.slice(0, NAMED).map((f) => f.name);
  return firms.length > NAMED
    ? `${names.join(', ')} and ${firms.length - NAMED} more`
    : names.join(', ');
}

function partCheck(
  { code, part, whole }: (typeof PART_CHECKS)[number],
  totals: TorchTotals,
  firms: TorchFirm[],
): CheckResult {
  const breaking = firms.filter((f) => f.report && f.report[part] > f.report[whole]);
  const totalBroken = totals[part] > totals[whole];
  const passed = breaking.length === 0 && !totalBroken;
  const inTotal = `${totals[part]} ${totalBroken ? '>' : '≤'} ${totals[whole]}`;
  let message: string;
  if (passed) {
    message = `${part} ≤ ${whole} for every firm and in total (${inTotal})`;
  } else if (breaking.length) {
    const detail = breaking
      .slice(0, NAMED)
      .map((f) => `${f.report![part]} > ${f.report![whole]}`)
      .join(', ');
    message = `${part} exceeds ${whole} at ${plural(breaking.length, 'firm')}: ${firmNames(breaking)} (${detail}); in total ${inTotal}`;
  } else {
    message = `${part} exceeds ${whole} in total: ${inTotal}`;
  }
  return { code, passed, tenantIds: breaking.map((f) => f.tenantId), message };
}

function totalsCheck(code: string, holds: boolean, message: string): CheckResult {
  return { code, passed: holds, tenantIds: [], message };
}

/** incubatedFirms ≥ a count of incubated firms with some property. */
function firmsAtLeast(code: string, totals: TorchTotals, count: number, what: string) {
  const holds = totals.incubatedFirms >= count;
  return totalsCheck(
    code,
    holds,
    `${plural(totals.incubatedFirms, 'incubated firm')} ${holds ? '≥' : '<'} ${count} ${what}`,
  );
}

function areaWithinTotal(totals: TorchTotals): CheckResult {
  const holds = new Decimal(totals.incubatedFirmsArea).lte(totals.totalArea);
  return totalsCheck(
    'INCUBATED_AREA_LE_TOTAL',
    holds,
    `area leased to incubated firms ${totals.incubatedFirmsArea} m² ${holds ? '≤' : '>'} total area in service ${totals.totalArea} m²`,
  );
}

/** Every incubated firm has at least one employee: the total, and no accepted report of 0. */
function employeesAtLeastFirms(totals: TorchTotals, firms: TorchFirm[]): CheckResult {
  const none = firms.filter((f) => f.report && f.report.employees === 0);
  const enough = totals.employees >= totals.incubatedFirms;
  const passed = enough && none.length === 0;
  const count = `${plural(totals.employees, 'employee')} ${enough ? '≥' : '<'} ${plural(totals.incubatedFirms, 'incubated firm')}`;
  const message = none.length
    ? `${count}; ${plural(none.length, 'firm reports', 'firms report')} 0 employees: ${firmNames(none)}`
    : count;
  return {
    code: 'EMPLOYEES_GE_INCUBATED_FIRMS',
    passed,
    tenantIds: none.map((f) => f.tenantId),
    message,
  };
}

function areaShare(totals: TorchTotals): CheckResult {
  const code = 'INCUBATED_AREA_SHARE_GE_75';
  const total = new Decimal(totals.totalArea);
  if (total.isZero()) return totalsCheck(code, false, 'no area in service: the share is unknown');
  const share = new Decimal(totals.incubatedFirmsArea).dividedBy(total);
  const holds = share.gte(INCUBATED_AREA_SHARE);
  const percent = share.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return totalsCheck(
    code,
    holds,
    `incubated firms use ${percent} % of the area in service (${totals.incubatedFirmsArea} of ${totals.totalArea} m²), ${holds ? 'at least' : 'below'} 75 %`,
  );
}

function missingReports(firms: TorchFirm[]): CheckResult {
  const missing = firms.filter((f) => !f.report);
  return {
    code: 'MISSING_ANNUAL_REPORTS',
    passed: missing.length === 0,
    tenantIds: missing.map((f) => f.tenantId),
    message: missing.length
      ? `${plural(missing.length, 'incubated firm has', 'incubated firms have')} no accepted annual report: ${firmNames(missing)}`
      : 'every incubated firm has an accepted annual report',
  };
}

/**
 * The statistics' logic checks (审核关系) over the computed totals and the incubated firms, in a
 * fixed order: every 其中 ≤ its total, for each firm and in total; the incubator's area and
 * counts; employees ≥ incubated firms; the 75 % share of area; the missing annual reports.
 */
export function torchChecks(totals: TorchTotals, firms: TorchFirm[]): CheckResult[] {
  return [
    ...PART_CHECKS.map((c) => partCheck(c, totals, firms)),
    areaWithinTotal(totals),
    firmsAtLeast(
      'INCUBATED_FIRMS_GE_FIRMS_WITH_IP',
      totals,
      totals.firmsWithValidIp,
      'with valid IP',
    ),
    firmsAtLeast('INCUBATED_FIRMS_GE_FUNDED_FIRMS', totals, totals.fundedFirms, 'funded'),
    firmsAtLeast(
      'INCUBATED_FIRMS_GE_HIGH_TECH_FIRMS',
      totals,
      totals.highTechFirms,
      'high-tech enterprises',
    ),
    employeesAtLeastFirms(totals, firms),
    areaShare(totals),
    missingReports(firms),
  ];
}

/** The codes of torchChecks, in its order. */
export const CHECK_CODES = [
  ...PART_CHECKS.map((c) => c.code),
  'INCUBATED_AREA_LE_TOTAL',
  'INCUBATED_FIRMS_GE_FIRMS_WITH_IP',
  'INCUBATED_FIRMS_GE_FUNDED_FIRMS',
  'INCUBATED_FIRMS_GE_HIGH_TECH_FIRMS',
  'EMPLOYEES_GE_INCUBATED_FIRMS',
  'INCUBATED_AREA_SHARE_GE_75',
  'MISSING_ANNUAL_REPORTS',
];

/** The statistics' day for year Y: 31 December, or today while Y is not over. */
export function statisticsDay(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}
