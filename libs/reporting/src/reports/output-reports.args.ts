import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { PageArgs, YearMonthScalar } from '@jcv/shared';
import { ReportStatus } from './report-status.enum.js';

@InputType()
export class OutputReportFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId?: string;

  @Field(() => ID, { nullable: true, description: "The tenant's zone." })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be from 2000 to 2100' })
  @Max(2100, { message: 'year must be from 2000 to 2100' })
  year?: number;

  @Field(() => YearMonthScalar, { nullable: true })
  @IsOptional()
  period?: string;

  @Field(() => ReportStatus, { nullable: true, description: 'Of the latest revision.' })
  @IsOptional()
  @IsEnum(ReportStatus, { message: 'status must be SUBMITTED, ACCEPTED or RETURNED' })
  status?: ReportStatus;
}

@ArgsType()
export class OutputReportsArgs extends PageArgs {
  @Field(() => OutputReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutputReportFilter)
  filter?: OutputReportFilter;
}
