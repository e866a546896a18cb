import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ReviewDecision } from './report-status.enum.js';

@ArgsType()
export class ReviewOutputReportArgs {
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
