import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ReportStatus } from '@jcv/reporting';
import { DecimalScalar } from '@jcv/shared';

const money = (name: string) => Column({ name, type: 'numeric', precision: 16, scale: 2 });
const count = (name: string) => Column({ name, type: 'int' });

@ObjectType({
  description:
    "A firm's figures for a calendar year, as the Torch (火炬) statistics of incubated firms ask for them. Money in yuan here; the statistics show 千元. A resubmission is a new revision, as with monthly reports.",
})
@Entity('annual_reports')
export class AnnualReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  revision: number;

  /** The revision that lists and the statistics read. */
  @Column()
  latest: boolean;

  @Field(() => ReportStatus)
  @Column({ type: 'text' })
  status: ReportStatus;

  @Field(() => Date)
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Field(() => DecimalScalar, { description: '注册资本.' })
  @money('registered_capital')
  registeredCapital: string;

  @Field(() => Int, {
    description: '从业人员 at year end, and of them (其中) the four groups below.',
  })
  @count('employees')
  employees: number;

  @Field(() => Int)
  @count('employees_doctorate')
  employeesDoctorate: number;

  @Field(() => Int, { description: '大专以上.' })
  @count('employees_college')
  employeesCollege: number;

  @Field(() => Int, { description: '留学人员.' })
  @count('employees_returnees')
  employeesReturnees: number;

  @Field(() => Int, { description: '应届毕业生.' })
  @count('employees_fresh_graduates')
  employeesFreshGraduates: number;

  @Field(() => DecimalScalar, { description: '总收入.' })
  @money('total_revenue')
  totalRevenue: string;

  @Field(() => DecimalScalar, { description: '净利润, may be negative.' })
  @money('net_profit')
  netProfit: string;

  @Field(() => DecimalScalar, { description: '实际上缴税费.' })
  @money('tax_paid')
  taxPaid: string;

  @Field(() => DecimalScalar, { description: 'R&D经费支出.' })
  @money('rd_expense')
  rdExpense: string;

  @Field(() => DecimalScalar, { description: '当年获得的天使/风险投资额.' })
  @money('venture_funding')
  ventureFunding: string;

  @Field(() => Int, {
    description: '知识产权: applied for and granted in the year, and valid at year end.',
  })
  @count('ip_applied')
  ipApplied: number;

  @Field(() => Int)
  @count('ip_granted')
  ipGranted: number;

  @Field(() => Int)
  @count('ip_valid')
  ipValid: number;

  @Field(() => Int, { description: '其中 发明专利 valid at year end.' })
  @count('invention_patents_valid')
  inventionPatentsValid: number;

  @Field(() => Int, { description: '软件著作权 valid at year end.' })
  @count('software_copyrights')
  softwareCopyrights: number;

  @Field(() => Int, { description: '技术合同 signed in the year: count and value.' })
  @count('tech_contracts')
  techContracts: number;

  @Field(() => DecimalScalar)
  @money('tech_contract_value')
  techContractValue: string;

  @Field(() => Int, { description: '国家级科技项目 undertaken in the year.' })
  @count('national_projects')
  nationalProjects: number;

  @Field(() => DecimalScalar, {
    description: "占用场地面积 on 31 December, from the firm's leases (not entered).",
  })
  @Column({ name: 'occupied_area', type: 'numeric', precision: 12, scale: 2 })
  occupiedArea: string;
}

/** An annual_reports row as PostgreSQL returns it (numeric as text), as the entity. */
export function annualReportFromRow(r: Record<string, unknown>): AnnualReport {
  return Object.assign(new AnnualReport(), {
    id: r.id,
    tenantId: r.tenant_id,
    year: r.year,
    revision: r.revision,
    latest: r.latest,
    status: r.status,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    reviewNote: r.review_note,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    registeredCapital: r.registered_capital,
    employees: r.employees,
    employeesDoctorate: r.employees_doctorate,
    employeesCollege: r.employees_college,
    employeesReturnees: r.employees_returnees,
    employeesFreshGraduates: r.employees_fresh_graduates,
    totalRevenue: r.total_revenue,
    netProfit: r.net_profit,
    taxPaid: r.tax_paid,
    rdExpense: r.rd_expense,
    ventureFunding: r.venture_funding,
    ipApplied: r.ip_applied,
    ipGranted: r.ip_granted,
    ipValid: r.ip_valid,
    inventionPatentsValid: r.invention_patents_valid,
    softwareCopyrights: r.software_copyrights,
    techContracts: r.tech_contracts,
    techContractValue: r.tech_contract_value,
    nationalProjects: r.national_projects,
    occupiedArea: r.occupied_area,
  });
}
