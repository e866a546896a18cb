import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs, YEARS, YearMonthScalar } from '@jcv/shared';
import { BillStatus } from '../billing.enum.js';

const YEAR_MESSAGE = `year must be from ${YEARS.min} to ${YEARS.max}`;

@InputType()
export class BillFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId?: string;

  @Field(() => ID, { nullable: true, description: "The tenant's zone." })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId?: string;

  @Field(() => YearMonthScalar, { nullable: true })
  @IsOptional()
  period?: string;

  @Field(() => Int, { nullable: true, description: 'The bills of the months of that year.' })
  @IsOptional()
  @IsInt({ message: 'year must be a whole number' })
  @Min(YEARS.min, { message: YEAR_MESSAGE })
  @Max(YEARS.max, { message: YEAR_MESSAGE })
  year?: number;

  @Field(() => BillStatus, {
    nullable: true,
    description: 'OVERDUE: ISSUED and past dueOn; ISSUED: not yet due.',
  })
  @IsOptional()
  @IsEnum(BillStatus, { message: 'status must be ISSUED, PAID, OVERDUE or VOID' })
  status?: BillStatus;
}

@ArgsType()
export class BillsArgs extends PageArgs {
  @Field(() => BillFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BillFilter)
  filter?: BillFilter;
}

@ArgsType()
export class IssueBillsArgs {
  @Field(() => YearMonthScalar)
  @IsString({ message: 'period must be a month' })
  period: string;
}

@ArgsType()
export class VoidBillArgs {
  /** Not checked here: an id that names no bill gets the record-access answer. */
  @Field(() => ID)
  @IsString({ message: 'id must be an id' })
  id: string;

  @Field({ description: 'Why the bill is cancelled, 1 to 500 characters once trimmed.' })
  @IsString({ message: 'reason must be text' })
  reason: string;
}
