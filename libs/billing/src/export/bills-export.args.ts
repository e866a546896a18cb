import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { YearMonthScalar } from '@jcv/shared';

@ArgsType()
export class ExportBillsArgs {
  @Field(() => YearMonthScalar, { description: 'The month billed.' })
  period: string;

  @Field(() => ID, { nullable: true, description: "The tenants' zone; left out: every zone." })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId?: string | null;
}
