import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { DecimalScalar, IsMoney, YearMonthScalar } from '@jcv/shared';

/** Counts are whole numbers of people or patents: at least 0 and within PostgreSQL's integer. */
export const MAX_COUNT = 2_147_483_647;

@InputType()
export class SubmitOutputReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => YearMonthScalar)
  period: string;

  @Field(() => DecimalScalar)
  @IsMoney()
  outputValue: string;

  @Field(() => DecimalScalar)
  @IsMoney()
  revenue: string;

  @Field(() => DecimalScalar)
  @IsMoney()
  rdExpense: string;

  @Field(() => Int)
  @IsInt({ message: 'employees must be a whole number' })
  @Min(0, { message: 'employees must be at least 0' })
  @Max(MAX_COUNT, { message: `employees must be at most ${MAX_COUNT}` })
  employees: number;

  @Field(() => Int)
  @IsInt({ message: 'patentsFiled must be a whole number' })
  @Min(0, { message: 'patentsFiled must be at least 0' })
  @Max(MAX_COUNT, { message: `patentsFiled must be at most ${MAX_COUNT}` })
  patentsFiled: number;

  @Field(() => Int)
  @IsInt({ message: 'patentsGranted must be a whole number' })
  @Min(0, { message: 'patentsGranted must be at least 0' })
  @Max(MAX_COUNT, { message: `patentsGranted must be at most ${MAX_COUNT}` })
  patentsGranted: number;
}
