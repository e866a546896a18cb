import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Park } from '@jcv/park';
import { DecimalScalar } from '@jcv/shared';
import { Tenant } from '@jcv/tenants';
import type { CheckResult, TorchFirm } from './torch-rules.js';

@ObjectType({ description: 'One logic check of the statistics (审核关系), such as 其中 ≤ 总数.' })
export class StatisticsCheck implements CheckResult {
  @Field({ description: 'A stable code, e.g. EMPLOYEES_COLLEGE_LE_TOTAL.' })
  code: string;

  @Field()
  passed: boolean;

  @Field(() => [Tenant], {
    description: "The firms whose figures break it (empty for checks of the incubator's totals).",
  })
  tenants?: Tenant[];

  @Field()
  message: string;

  /** The firms behind `tenants`, loaded together with the statistics' other firms. */
  tenantIds: string[];
}

@ObjectType({
  description:
    "The incubator's yearly Torch statistics, computed from the platform's facts for\nyear Y (domain.md, Torch statistics). Every *Thousand figure is whole 千元,\nrounded half up once from the exact sum in yuan.",
})
export class TorchStatistics {
  @Field(() => Park)
  park: Park;

  @Field(() => Int)
  year: number;

  @Field(() => DecimalScalar, {
    description: '场地总面积 (m²) on 31 December: every unit in service.',
  })
  totalArea: string;

  @Field(() => DecimalScalar, {
    description: '其中 在孵企业用房: area leased to incubated firms on 31 December.',
  })
  incubatedFirmsArea: string;

  @Field(() => Int, {
    description: '在孵企业数: firms resident on 31 December within their incubation period.',
  })
  incubatedFirms: number;

  @Field(() => Int, { description: '当年新增在孵企业.' })
  newIncubatedFirms: number;

  @Field(() => Int, { description: '当年毕业企业 and 累计毕业企业.' })
  graduatedThisYear: number;

  @Field(() => Int)
  graduatedTotal: number;

  @Field(() => DecimalScalar, {
    description: "From the incubated firms' accepted annual reports, in 千元.",
  })
  incubatedRevenueThousand: string;

  @Field(() => DecimalScalar)
  incubatedRdExpenseThousand: string;

  @Field(() => DecimalScalar)
  incubatedTaxPaidThousand: string;

  @Field(() => DecimalScalar)
  incubatedVentureFundingThousand: string;

  @Field(() => Int, {
    description: '从业人员 of incubated firms, and 其中 大专以上 and 应届毕业生.',
  })
  incubatedEmployees: number;

  @Field(() => Int)
  incubatedEmployeesCollege: number;

  @Field(() => Int)
  incubatedEmployeesFreshGraduates: number;

  @Field(() => Int, {
    description: 'Incubated firms holding a HIGH_TECH / TECH_SME certificate valid on 31 December.',
  })
  highTechFirms: number;

  @Field(() => Int)
  techSmeFirms: number;

  @Field(() => Int, { description: 'Incubated firms with ventureFunding > 0 in the year.' })
  fundedFirms: number;

  @Field(() => Int, {
    description: 'Incubated firms with at least one valid 发明专利 or any valid IP.',
  })
  firmsWithInventionPatents: number;

  @Field(() => Int)
  firmsWithValidIp: number;

  @Field(() => DecimalScalar, {
    description:
      "孵化器总收入 from the platform's own bills (rent and property fees paid for months of Y), in 千元.",
  })
  incubatorIncomeThousand: string;

  @Field(() => DecimalScalar, { description: '财政资助额: benefits DISBURSED in Y, in 千元.' })
  fundingDisbursedThousand: string;

  @Field(() => [Tenant], {
    description:
      'Incubated firms with no ACCEPTED annual report for Y: their figures count 0 until they report.',
  })
  missingAnnualReports?: Tenant[];

  @Field(() => [StatisticsCheck])
  checks: StatisticsCheck[];

  /** The day the figures are counted on: 31 December of Y, or today while Y runs. */
  day: string;

  /** The incubated firms, by name: the export's rows and the missing reports' firms. */
  firms: TorchFirm[];
}
