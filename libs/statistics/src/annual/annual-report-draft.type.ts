import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DecimalScalar } from '@jcv/shared';

@ObjectType({
  description: "What the platform already knows of a firm's year, to start its annual report from.",
})
export class AnnualReportDraft {
  /** The firm, for `tenant` and for the firm's own reach. */
  tenantId: string;

  @Field(() => Int)
  year: number;

  @Field(() => DateScalar, {
    description:
      'The day the annual report for the year is due: ANNUAL_REPORT_DUE (01-31) of the next year.',
  })
  dueOn: string;

  @Field(() => DecimalScalar, {
    description: "Sum of the year's monthly revenue (latest revisions, SUBMITTED or ACCEPTED).",
  })
  totalRevenue: string;

  @Field(() => DecimalScalar, { description: "Sum of the year's monthly rdExpense." })
  rdExpense: string;

  @Field(() => Int, { description: "employees of the year's last reported month." })
  employees: number;

  @Field(() => Int, {
    description: "Sums of the year's monthly patentsFiled and patentsGranted.",
  })
  ipApplied: number;

  @Field(() => Int)
  ipGranted: number;

  @Field(() => DecimalScalar, {
    description: "Area of the firm's leases (not TERMINATED) covering 31 December.",
  })
  occupiedArea: string;
}
