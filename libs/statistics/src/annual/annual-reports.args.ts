import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ReportStatus, ReviewDecision } from '@jcv/reporting';
import { YEARS } from '@jcv/shared';

const YEAR_MESSAGE = `year must be from ${YEARS.min} to ${YEARS.max}`;

@ArgsType()
export class AnnualReportsArgs {
  @Field(() => Int)
  @IsInt({ message: 'year must be a whole number' })
  @Min(YEARS.min, { message: YEAR_MESSAGE })
  @Max(YEARS.max, { message: YEAR_MESSAGE })
  year: number;

  @Field(() => ID, { nullable: true, description: "The firm's zone." })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId?: string | null;

  @Field(() => ReportStatus, { nullable: true, description: 'Of the latest revision.' })
  @IsOptional()
  @IsEnum(ReportStatus, { message: 'status must be SUBMITTED, ACCEPTED or RETURNED' })
  status?: ReportStatus | null;
}

@ArgsType()
export class AnnualReportDraftArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => Int)
  @IsInt({ message: 'year must be a whole number' })
  @Min(YEARS.min, { message: YEAR_MESSAGE })
  @Max(YEARS.max, { message: YEAR_MESSAGE })
  year: number;
}

@ArgsType()
export class ReviewAnnualReportArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => ReviewDecision)
  @IsEnum(ReviewDecision, { message: 'decision must be ACCEPT or RETURN' })
  decision: ReviewDecision;

  @Field(() => String, { nullable: true, description: 'Required to RETURN: what to correct.' })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string | null;
}
