import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DecimalScalar, IsDecimalValue } from '@jcv/shared';
import { MilestoneMetric } from './milestone-metric.enum.js';
import { IsTargetOfMetric } from './target-rules.js';

@InputType()
export class MilestoneTargetInput {
  @Field(() => Int)
  @IsInt()
  @Min(2000, { message: 'year must be from 2000 to 2100' })
  @Max(2100, { message: 'year must be from 2000 to 2100' })
  year: number;

  @Field(() => MilestoneMetric)
  @IsEnum(MilestoneMetric, { message: 'metric must be a known milestone metric' })
  metric: MilestoneMetric;

  @Field(() => ID, { nullable: true, description: 'Left out: the whole park.' })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId?: string;

  @Field(() => DecimalScalar, {
    description: 'A whole number for the counts of firms and projects; yuan to the fen for output.',
  })
  @IsDecimalValue({ min: '0', max: '9999999999999999.99', maxDecimals: 2 })
  @IsTargetOfMetric()
  target: string;

  @Field()
  @IsString()
  @Length(1, 500, { message: 'source must be 1 to 500 characters' })
  source: string;
}
