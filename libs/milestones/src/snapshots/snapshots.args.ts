import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DateScalar, PageArgs } from '@jcv/shared';

@ArgsType()
export class MilestoneHistoryArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'targetId must be an id' })
  targetId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Left out: 1 January of the target's year.",
  })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Left out: no end.' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class MilestoneAlertsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: "Only alerts about that year's targets." })
  @IsOptional()
  @IsInt()
  @Min(2000, { message: 'year must be from 2000 to 2100' })
  @Max(2100, { message: 'year must be from 2000 to 2100' })
  year?: number;

  @Field(() => ID, { nullable: true, description: "Only alerts about that zone's targets." })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId?: string;
}
