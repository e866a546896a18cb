import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { type Park, ParkService } from '@jcv/park';
import { BadInputError, ForeignReads, isUuid, todayInShanghai } from '@jcv/shared';
import { incubatedOnSql } from '@jcv/tenants';
import {
  type AnnualFigures,
  statisticsDay,
  toThousand,
  torchChecks,
  type TorchFirm,
} from './torch-rules.js';
import type { TorchStatistics } from './torch-statistics.type.js';

/**
 * What incubatedFirms reads of other libs' tables: the park's firms (lib tenants) with their
 * certificates, their leases and units (lib space), and the zones (lib park).
 */
export const TORCH_FIRMS_READS = new ForeignReads(import.meta.url, 'incubatedFirms', {
  tenants: [
    'id',
    'name',
    'credit_code',
    'founded_on',
    'entered_on',
    'exited_on',
    'industry_chain',
    'zone_id',
  ],
  zones: ['id', 'park_id'],
  certifications: ['tenant_id', 'kind', 'issued_on', 'expires_on'],
  leases: ['tenant_id', 'unit_id', 'start_date', 'end_date', 'status'],
  units: ['id', 'area'],
});

/**
 * What parkFigures reads of other libs' tables: the units in service (lib space), graduations
 * (lib tenants), the bills and their payments (lib billing) and the benefits disbursed (lib
 * benefits) of the park's firms.
 */
export const TORCH_PARK_READS = new ForeignReads(import.meta.url, 'parkFigures', {
  zones: ['id', 'park_id'],
  buildings: ['id', 'zone_id'],
  units: ['building_id', 'area', 'condition'],
  tenants: ['id', 'zone_id', 'status', 'exited_on'],
  bills: ['id', 'tenant_id', 'period', 'status'],
  payments: ['bill_id', 'amount', 'paid_on'],
  benefit_applications: ['tenant_id', 'status', 'granted_amount', 'disbursed_at'],
});

/** A row of incubatedFirms: a firm (null when the park has none) beside the sums over all. */
interface FirmRow {
  tenantId: string | null;
  name: string;
  creditCode: string | null;
  foundedOn: string | null;
  enteredOn: string;
  industryChain: string;
  highTech: boolean;
  techSme: boolean;
  leasedArea: string;
  reported: boolean;
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
  sumFirms: number;
  sumNewFirms: number;
  sumArea: string;
  sumRevenue: string;
  sumRdExpense: string;
  sumTaxPaid: string;
  sumVentureFunding: string;
  sumEmployees: number;
  sumDoctorate: number;
  sumCollege: number;
  sumReturnees: number;
  sumFreshGraduates: number;
  sumIpValid: number;
  sumInventionPatents: number;
  sumHighTech: number;
  sumTechSme: number;
  sumFunded: number;
  sumWithInventionPatents: number;
  sumWithValidIp: number;
}

interface ParkRow {
  totalArea: string;
  graduatedThisYear: number;
  graduatedTotal: number;
  income: string;
  funding: string;
}

const REPORT_FIGURES: (keyof AnnualFigures)[] = [
  'registeredCapital',
  'employees',
  'employeesDoctorate',
  'employeesCollege',
  'employeesReturnees',
  'employeesFreshGraduates',
  'totalRevenue',
  'netProfit',
  'taxPaid',
  'rdExpense',
  'ventureFunding',
  'ipApplied',
  'ipGranted',
  'ipValid',
  'inventionPatentsValid',
  'softwareCopyrights',
  'techContracts',
  'techContractValue',
  'nationalProjects',
  'occupiedArea',
];

/**
 * The Torch statistics (火炬统计) of a park for a year, counted on its day D (31 December, or
 * today while the year runs), in two statements whatever the number of firms: the incubated
 * firms with their certificates, leased area and latest annual report when ACCEPTED, summed in
 * the same statement; and the park's area, graduations, bill income and disbursed benefits.
 * Money is summed exactly in numeric and turned into 千元 once, by toThousand.
 */
@Injectable()
export class TorchStatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parks: ParkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async compute(
    year: number,
    parkId?: string | null,
    today = todayInShanghai(),
  ): Promise<TorchStatistics> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new BadInputError('year', 'must be from 2000 to 2100');
    }
    if (year > Number(today.slice(0, 4))) throw new BadInputError('year', 'has not begun yet');
    const park = await this.park(parkId);
    const day = statisticsDay(year, today);
    const [rows, figures] = await Promise.all([
      this.incubatedFirms(park.id, year, day),
      this.parkFigures(park.id, year, day),
    ]);
    const sums = rows[0];
    const firms = rows.filter((r) => r.tenantId !== null).map(firmOf);
    const totals = {
      totalArea: figures.totalArea,
      incubatedFirmsArea: sums.sumArea,
      incubatedFirms: sums.sumFirms,
      employees: sums.sumEmployees,
      employeesDoctorate: sums.sumDoctorate,
      employeesCollege: sums.sumCollege,
      employeesReturnees: sums.sumReturnees,
      employeesFreshGraduates: sums.sumFreshGraduates,
      ipValid: sums.sumIpValid,
      inventionPatentsValid: sums.sumInventionPatents,
      highTechFirms: sums.sumHighTech,
      fundedFirms: sums.sumFunded,
      firmsWithValidIp: sums.sumWithValidIp,
    };
    return {
      park,
      year,
      day,
      totalArea: figures.totalArea,
      incubatedFirmsArea: sums.sumArea,
      incubatedFirms: sums.sumFirms,
      newIncubatedFirms: sums.sumNewFirms,
      graduatedThisYear: figures.graduatedThisYear,
      graduatedTotal: figures.graduatedTotal,
      incubatedRevenueThousand: toThousand(sums.sumRevenue),
      incubatedRdExpenseThousand: toThousand(sums.sumRdExpense),
      incubatedTaxPaidThousand: toThousand(sums.sumTaxPaid),
      incubatedVentureFundingThousand: toThousand(sums.sumVentureFunding),
      incubatedEmployees: sums.sumEmployees,
      incubatedEmployeesCollege: sums.sumCollege,
      incubatedEmployeesFreshGraduates: sums.sumFreshGraduates,
      highTechFirms: sums.sumHighTech,
      techSmeFirms: sums.sumTechSme,
      fundedFirms: sums.sumFunded,
      firmsWithInventionPatents: sums.sumWithInventionPatents,
      firmsWithValidIp: sums.sumWithValidIp,
      incubatorIncomeThousand: toThousand(figures.income),
      fundingDisbursedThousand: toThousand(figures.funding),
      checks: torchChecks(totals, firms),
      firms,
    };
  }

  /** The park asked for; left out, the platform's only park. */
  private async park(parkId?: string | null): Promise<Park> {
    const parks = await this.parks.parks();
    if (parkId !== undefined && parkId !== null) {
      const park = isUuid(parkId) ? parks.find((p) => p.id === parkId) : undefined;
      if (!park) throw new BadInputError('parkId', 'is not a known park');
      return park;
    }
    if (parks.length === 1) return parks[0];
    throw new BadInputError(
      'parkId',
      parks.length ? 'must be given: the platform holds several parks' : 'no park is set up yet',
    );
  }

  /**
   * The park's incubated firms on `day`, each with its HIGH_TECH and TECH_SME certificates
   * valid then, the area of its leases (not TERMINATED) covering the day, and its latest annual
   * report of the year when ACCEPTED (a later revision awaiting review replaces the accepted
   * one until it is reviewed); beside each, the sums over all of them. A park without
   * incubated firms gives one row of zero sums and no firm. Reads TORCH_FIRMS_READS.
   */
  private incubatedFirms(parkId: string, year: number, day: string): Promise<FirmRow[]> {
    return this.dataSource.query(
      `WITH firms AS MATERIALIZED (
         SELECT t.id, t.name, t.credit_code, t.founded_on, t.entered_on, t.industry_chain,
                EXISTS (SELECT 1 FROM certifications c
                         WHERE c.tenant_id = t.id AND c.kind = 'HIGH_TECH' AND c.issued_on <= $2::date
                           AND (c.expires_on IS NULL OR c.expires_on >= $2::date)) AS high_tech,
                EXISTS (SELECT 1 FROM certifications c
                         WHERE c.tenant_id = t.id AND c.kind = 'TECH_SME' AND c.issued_on <= $2::date
                           AND (c.expires_on IS NULL OR c.expires_on >= $2::date)) AS tech_sme,
                coalesce((SELECT sum(u.area) FROM leases l JOIN units u ON u.id = l.unit_id
                           WHERE l.tenant_id = t.id AND l.status <> 'TERMINATED'
                             AND l.start_date <= $2::date AND l.end_date >= $2::date), 0)
                  AS leased_area,
                r.id AS report_id, r.registered_capital, r.employees, r.employees_doctorate,
                r.employees_college, r.employees_returnees, r.employees_fresh_graduates,
                r.total_revenue, r.net_profit, r.tax_paid, r.rd_expense, r.venture_funding,
                r.ip_applied, r.ip_granted, r.ip_valid, r.invention_patents_valid,
                r.software_copyrights, r.tech_contracts, r.tech_contract_value,
                r.national_projects, r.occupied_area
           FROM zones z
           JOIN tenants t ON t.zone_id = z.id
           LEFT JOIN annual_reports r
             ON r.tenant_id = t.id AND r.year = $4::int AND r.latest AND r.status = 'ACCEPTED'
          WHERE z.park_id = $1::uuid AND ${incubatedOnSql('t', '$2', '$3')}),
       sums AS (
         SELECT count(*)::int AS "sumFirms",
                count(*) FILTER (WHERE f.entered_on >= make_date($4::int, 1, 1))::int AS "sumNewFirms",
                coalesce(sum(f.leased_area), 0)::numeric(16, 2)::text AS "sumArea",
                coalesce(sum(f.total_revenue), 0)::text AS "sumRevenue",
                coalesce(sum(f.rd_expense), 0)::text AS "sumRdExpense",
                coalesce(sum(f.tax_paid), 0)::text AS "sumTaxPaid",
                coalesce(sum(f.venture_funding), 0)::text AS "sumVentureFunding",
                coalesce(sum(f.employees), 0)::int AS "sumEmployees",
                coalesce(sum(f.employees_doctorate), 0)::int AS "sumDoctorate",
                coalesce(sum(f.employees_college), 0)::int AS "sumCollege",
                coalesce(sum(f.employees_returnees), 0)::int AS "sumReturnees",
                coalesce(sum(f.employees_fresh_graduates), 0)::int AS "sumFreshGraduates",
                coalesce(sum(f.ip_valid), 0)::int AS "sumIpValid",
                coalesce(sum(f.invention_patents_valid), 0)::int AS "sumInventionPatents",
                count(*) FILTER (WHERE f.high_tech)::int AS "sumHighTech",
                count(*) FILTER (WHERE f.tech_sme)::int AS "sumTechSme",
                count(*) FILTER (WHERE f.venture_funding > 0)::int AS "sumFunded",
                count(*) FILTER (WHERE f.invention_patents_valid > 0)::int
                  AS "sumWithInventionPatents",
                count(*) FILTER (WHERE f.ip_valid > 0 OR f.software_copyrights > 0)::int
                  AS "sumWithValidIp"
           FROM firms f)
       SELECT s.*,
              f.id AS "tenantId", f.name, f.credit_code AS "creditCode",
              f.founded_on::text AS "foundedOn", f.entered_on::text AS "enteredOn",
              f.industry_chain AS "industryChain", f.high_tech AS "highTech",
              f.tech_sme AS "techSme", f.leased_area::numeric(16, 2)::text AS "leasedArea",
              f.report_id IS NOT NULL AS reported,
              f.registered_capital::text AS "registeredCapital", f.employees,
              f.employees_doctorate AS "employeesDoctorate",
              f.employees_college AS "employeesCollege",
              f.employees_returnees AS "employeesReturnees",
              f.employees_fresh_graduates AS "employeesFreshGraduates",
              f.total_revenue::text AS "totalRevenue", f.net_profit::text AS "netProfit",
              f.tax_paid::text AS "taxPaid", f.rd_expense::text AS "rdExpense",
              f.venture_funding::text AS "ventureFunding", f.ip_applied AS "ipApplied",
              f.ip_granted AS "ipGranted", f.ip_valid AS "ipValid",
              f.invention_patents_valid AS "inventionPatentsValid",
              f.software_copyrights AS "softwareCopyrights", f.tech_contracts AS "techContracts",
              f.tech_contract_value::text AS "techContractValue",
              f.national_projects AS "nationalProjects", f.occupied_area::text AS "occupiedArea"
         FROM sums s
         LEFT JOIN firms f ON true
        ORDER BY f.name, f.id`,
      [parkId, day, this.config.incubationMonths, year],
    );
  }

  /**
   * The park's own figures: units in service, firms graduated in the year up to `day` and
   * before it, payments received by `day` on the bills (not VOID) of the year's months, and the
   * grants disbursed in the year (Asia/Shanghai). Reads TORCH_PARK_READS.
   */
  private async parkFigures(parkId: string, year: number, day: string): Promise<ParkRow> {
    const [row] = await this.dataSource.query(
      `WITH park_tenants AS MATERIALIZED (
         SELECT t.id, t.status, t.exited_on
           FROM zones z JOIN tenants t ON t.zone_id = z.id
          WHERE z.park_id = $1::uuid)
       SELECT
         (SELECT coalesce(sum(u.area), 0)
            FROM zones z
            JOIN buildings b ON b.zone_id = z.id
            JOIN units u ON u.building_id = b.id
           WHERE z.park_id = $1::uuid AND u.condition = 'IN_SERVICE')::numeric(16, 2)::text
           AS "totalArea",
         (SELECT count(*) FROM park_tenants pt
           WHERE pt.status = 'GRADUATED' AND pt.exited_on BETWEEN make_date($3::int, 1, 1) AND $2::date)::int
           AS "graduatedThisYear",
         (SELECT count(*) FROM park_tenants pt
           WHERE pt.status = 'GRADUATED' AND pt.exited_on <= $2::date)::int AS "graduatedTotal",
         (SELECT coalesce(sum(p.amount), 0)
            FROM park_tenants pt
            JOIN bills b ON b.tenant_id = pt.id
            JOIN payments p ON p.bill_id = b.id
           WHERE b.status <> 'VOID' AND b.period BETWEEN $3::int::text || '-01' AND $3::int::text || '-12'
             AND p.paid_on <= $2::date)::text AS income,
         (SELECT coalesce(sum(a.granted_amount), 0)
            FROM park_tenants pt
            JOIN benefit_applications a ON a.tenant_id = pt.id
           WHERE a.status = 'DISBURSED'
             AND (a.disbursed_at AT TIME ZONE 'Asia/Shanghai')::date
                 BETWEEN make_date($3::int, 1, 1) AND $2::date)::text AS funding`,
      [parkId, day, year],
    );
    return row;
  }
}

function firmOf(row: FirmRow): TorchFirm {
  const report = row.reported
    ? (Object.fromEntries(REPORT_FIGURES.map((k) => [k, row[k]])) as unknown as AnnualFigures)
    : null;
  return {
    tenantId: row.tenantId!,
    name: row.name,
    creditCode: row.creditCode,
    foundedOn: row.foundedOn,
    enteredOn: row.enteredOn,
    industryChain: row.industryChain,
    highTech: row.highTech,
    techSme: row.techSme,
    leasedArea: row.leasedArea,
    report,
  };
}
