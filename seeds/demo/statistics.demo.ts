import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { ReviewDecision } from '@jcv/reporting';
import { annualReportDue, AnnualReportsService } from '@jcv/statistics';
import type { DemoContext } from './demo-context.js';
import { DEMO_FIRM_NAME } from './demo-firm-accounts.js';

// The demo tenants' annual reports for 2025 (the Torch statistics' 企业年报), sent in January
// 2026 and reviewed by the committee, once the demo's today is past their due day. Each report
// follows from the firm's monthly reports of 2025: 总收入 is the sum of the monthly revenue and a
// few per cent of other income, R&D at least the monthly sum, 从业人员 near December's; the rest
// (capital, staff groups, profit, tax, venture funding, IP, technology contracts) is derived from
// the firm's name by a hash, so a load gives the same figures every time.
//
// Most reports are ACCEPTED, the teams' too. Three firms have not reported (the statistics list
// them as missing); the demo firm's report came back with a note (its users can correct and
// resubmit it); one firm was returned once and its second revision accepted; and one firm's
// accepted report says 0 employees, the slip the check EMPLOYEES_GE_INCUBATED_FIRMS is there to
// catch.
//
// Written through the annual reports service (its rules apply: 其中 ≤ total, a year over, a
// year the firm was resident; occupied area from the leases on 31 December) and reviewed through
// it, some eighty calls of a few tens of milliseconds; then back-dated in one UPDATE: each
// revision carries the January day it would have been sent and reviewed, which the service
// stamps with now().

/** The year reported. */
const YEAR = 2025;
/** Firms that have not reported, besides the demo firm whose report was returned. */
const MISSING = 3;
const RETURN_NOTE =
  '总收入低于全年月报营业收入合计，请核对后重报 Total revenue is below the sum of the monthly revenue: check and resubmit';
const RESUBMIT_NOTE =
  '研发经费支出低于全年月报合计，请核对后重报 R&D expense is below the sum of the monthly reports: check and resubmit';

/** FNV-1a of a string, as a number in [0, 1): the demo's only source of variety. */
function hash(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A firm or team resident in the year, with its monthly reports' figures of the year. */
interface ReportingFirm {
  id: string;
  name: string;
  kind: 'FIRM' | 'TEAM';
  isTechFirm: boolean;
  industryChain: string;
  zoneKind: string;
  enteredOn: string;
  exitedOn: string | null;
  /** Sums of the latest SUBMITTED or ACCEPTED monthly revisions of the year. */
  revenue: string;
  rd: string;
  filed: number;
  granted: number;
  /** employees of the year's last reported month; null when no month was reported. */
  employees: number | null;
}

/** The annual report's figures, as SubmitAnnualReportInput takes them. */
interface AnnualFigures {
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
}

const yuan = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2);

/** A firm's figures for the year, from its monthly reports and its name. */
function figuresOf(f: ReportingFirm): AnnualFigures {
  const h = (salt: string) => hash(f.name, YEAR, salt);
  const monthlyRevenue = new Decimal(f.revenue);
  // Other income (interest, grants, sales of scrap) on top of the monthly operating revenue.
  const totalRevenue = monthlyRevenue.times(1.02 + 0.06 * h('other'));
  const rdExpense = new Decimal(f.rd).times(1 + 0.08 * h('rd'));
  const young = f.enteredOn >= `${YEAR}-01-01`;
  // Young firms mostly run at a loss; the older ones make a thin profit.
  const margin = young ? -0.18 + 0.22 * h('profit') : -0.04 + 0.16 * h('profit');
  const employees = Math.max(1, (f.employees ?? 5) + Math.floor(h('staff') * 4) - 1);
  const share = (salt: string, lo: number, hi: number) =>
    Math.min(employees, Math.floor(employees * (lo + (hi - lo) * h(salt))));
  const ipGranted = f.granted;
  // Granted this year and in earlier years, less a lapse or two.
  const ipValid = ipGranted + (f.isTechFirm ? Math.floor(h('ip') * 6) : 0);
  const contracts = f.isTechFirm ? Math.floor(h('contracts') * 4) : 0;
  const team = f.kind === 'TEAM';
  // 注册资本 in whole 万元; a team is not incorporated and has none, nor pays tax of its own.
  const capitalWan = team
    ? 0
    : (f.zoneKind === 'EXPANSION' ? 3 : 1) * (100 + Math.floor(h('capital') ** 2 * 2900));
  return {
    registeredCapital: new Decimal(capitalWan).times(10000).toFixed(2),
    employees,
    employeesDoctorate: share('doctorate', 0, f.isTechFirm ? 0.08 : 0.02),
    employeesCollege: share('college', 0.55, 0.95),
    employeesReturnees: share('returnees', 0, 0.05),
    employeesFreshGraduates: share('fresh', 0.04, 0.2),
    totalRevenue: yuan(totalRevenue),
    netProfit: totalRevenue.times(margin).toDecimalPlaces(2).toFixed(2),
    taxPaid: team ? '0.00' : yuan(totalRevenue.times(0.015 + 0.04 * h('tax'))),
    rdExpense: yuan(rdExpense),
    // About one technology firm in four raised angel or venture money this year.
    ventureFunding:
      f.isTechFirm && !team && h('venture') < 0.25
        ? new Decimal(50 + Math.floor(hash(f.name, YEAR, 'venture-amount') * 750))
            .times(10000)
            .toFixed(2)
        : '0.00',
    ipApplied: f.filed,
    ipGranted,
    ipValid,
    inventionPatentsValid: Math.floor(ipValid * 0.5 * h('invention')),
    softwareCopyrights:
      f.industryChain === 'AI_PLUS'
        ? 1 + Math.floor(h('software') * 8)
        : Math.floor(h('software') * 2),
    techContracts: contracts,
    techContractValue: new Decimal(contracts)
      .times(5 + Math.floor(h('contract-value') * 45))
      .times(10000)
      .toFixed(2),
    nationalProjects: f.isTechFirm && h('national') > 0.9 ? 1 : 0,
  };
}

/** A revision and the days it was sent and reviewed. */
interface Dated {
  id: string;
  sentOn: string;
  reviewedOn: string;
}

/** What becomes of each firm's report. */
type Plan =
  | { kind: 'missing' }
  | { kind: 'accepted'; figures: AnnualFigures }
  | { kind: 'returned'; figures: AnnualFigures; note: string }
  | { kind: 'resubmitted'; first: AnnualFigures; figures: AnnualFigures; note: string };

@Injectable()
export class StatisticsDemo {
  private readonly log = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly annualReports: AnnualReportsService,
  ) {}

  async load(ctx: DemoContext): Promise<void> {
    // Firms send the year's report in January; the demo shows them once the due day is past.
    const due = annualReportDue(YEAR, this.config);
    if (ctx.today <= due) return;
    const firms = await this.firms();
    const plans = this.plan(firms);
    const sentFrom = `${YEAR + 1}-01-02`;
    const days = Math.max(1, daysBetween(sentFrom, due) - 7);
    const dated: Dated[] = [];
    for (const firm of firms) {
      const plan = plans.get(firm.id)!;
      if (plan.kind === 'missing') continue;
      let on = addDays(sentFrom, Math.floor(hash(firm.name, YEAR, 'sent') * days));
      const send = async (figures: AnnualFigures, decision: ReviewDecision, note?: string) => {
        const report = await this.annualReports.submit(
          ctx.admin,
          { tenantId: firm.id, year: YEAR, ...figures },
          ctx.today,
        );
        await this.annualReports.review(ctx.admin, { id: report.id, decision, note });
        dated.push({
          id: report.id,
          sentOn: on,
          reviewedOn: [addDays(on, 3), addDays(ctx.today, -1)].sort()[0],
        });
      };
      if (plan.kind === 'resubmitted') {
        await send(plan.first, ReviewDecision.RETURN, plan.note);
        on = addDays(on, 7);
      }
      if (plan.kind === 'returned') await send(plan.figures, ReviewDecision.RETURN, plan.note);
      else await send(plan.figures, ReviewDecision.ACCEPT);
    }
    await this.backDate(dated);
    this.log.log(
      `demo annual reports of ${YEAR}: ${dated.length} revisions of ${firms.length} tenants`,
    );
  }

  /** The tenants resident in the year, with the sums of their monthly reports: one statement. */
  private firms(): Promise<ReportingFirm[]> {
    return this.dataSource.query(
      `SELECT t.id, t.name, t.kind, t.is_tech_firm AS "isTechFirm",
              t.industry_chain AS "industryChain", z.kind AS "zoneKind",
              t.entered_on::text AS "enteredOn", t.exited_on::text AS "exitedOn",
              coalesce(m.revenue, 0)::text AS revenue, coalesce(m.rd, 0)::text AS rd,
              coalesce(m.filed, 0)::int AS filed, coalesce(m.granted, 0)::int AS granted,
              m.employees
         FROM tenants t
         JOIN zones z ON z.id = t.zone_id
         LEFT JOIN LATERAL (
           SELECT sum(r.revenue) AS revenue, sum(r.rd_expense) AS rd,
                  sum(r.patents_filed) AS filed, sum(r.patents_granted) AS granted,
                  (array_agg(r.employees ORDER BY r.period DESC))[1] AS employees
             FROM output_reports r
            WHERE r.tenant_id = t.id AND r.latest AND r.status IN ('SUBMITTED', 'ACCEPTED')
              AND r.period BETWEEN $1 AND $2) m ON true
        WHERE t.entered_on <= $3::date
          AND (t.exited_on IS NULL OR t.exited_on >= $4::date)
        ORDER BY t.entered_on, t.name`,
      [`${YEAR}-01`, `${YEAR}-12`, `${YEAR}-12-31`, `${YEAR}-01-01`],
    );
  }

  /**
   * Who reported what, among the firms still in the park on 31 December (teams all report):
   * the missing ones are those of the lowest hashes; the 0-employee report is the first
   * non-technology firm's (its staff are on its parent company's payroll, so it entered 0); the
   * firm returned once and then accepted is the expansion zone's first.
   */
  private plan(firms: ReportingFirm[]): Map<string, Plan> {
    const plans = new Map<string, Plan>();
    const demoFirm = firms.find((f) => f.name === DEMO_FIRM_NAME);
    // Firms still in the park at the year's end, which the statistics of the year count.
    const atYearEnd = firms.filter(
      (f) => f.kind === 'FIRM' && (f.exitedOn === null || f.exitedOn >= `${YEAR}-12-31`),
    );
    const zero = atYearEnd.find((f) => !f.isTechFirm);
    const resubmitted = atYearEnd.find((f) => f.zoneKind === 'EXPANSION');
    const special = new Set([demoFirm?.id, zero?.id, resubmitted?.id]);
    const missing = new Set(
      atYearEnd
        .filter((f) => !special.has(f.id))
        .sort((a, b) => hash(a.name, YEAR, 'missing') - hash(b.name, YEAR, 'missing'))
        .slice(0, MISSING)
        .map((f) => f.id),
    );
    for (const f of firms) {
      const figures = figuresOf(f);
      if (missing.has(f.id)) plans.set(f.id, { kind: 'missing' });
      else if (f.id === demoFirm?.id) {
        // Its revenue entered without the last quarter: below what its monthly reports say.
        const low = new Decimal(f.revenue).times(0.74).toDecimalPlaces(2).toFixed(2);
        plans.set(f.id, {
          kind: 'returned',
          figures: { ...figures, totalRevenue: low },
          note: RETURN_NOTE,
        });
      } else if (f.id === zero?.id) {
        plans.set(f.id, {
          kind: 'accepted',
          figures: {
            ...figures,
            employees: 0,
            employeesDoctorate: 0,
            employeesCollege: 0,
            employeesReturnees: 0,
            employeesFreshGraduates: 0,
          },
        });
      } else if (f.id === resubmitted?.id) {
        const lowRd = new Decimal(f.rd).times(0.6).toDecimalPlaces(2).toFixed(2);
        plans.set(f.id, {
          kind: 'resubmitted',
          first: { ...figures, rdExpense: lowRd },
          figures,
          note: RESUBMIT_NOTE,
        });
      } else plans.set(f.id, { kind: 'accepted', figures });
    }
    return plans;
  }

  /**
   * Each revision as sent on its January day at ten, reviewed three days later at five (never
   * after the demo's yesterday): one UPDATE, as the service stamps both with now().
   */
  private async backDate(dated: Dated[]): Promise<void> {
    if (!dated.length) return;
    await this.dataSource.query(
      `UPDATE annual_reports r
          SET submitted_at = (u.sent_on + time '10:00') AT TIME ZONE 'Asia/Shanghai',
              reviewed_at = (u.reviewed_on + time '17:00') AT TIME ZONE 'Asia/Shanghai'
         FROM unnest($1::uuid[], $2::date[], $3::date[]) AS u(id, sent_on, reviewed_on)
        WHERE r.id = u.id`,
      [dated.map((d) => d.id), dated.map((d) => d.sentOn), dated.map((d) => d.reviewedOn)],
    );
  }
}
