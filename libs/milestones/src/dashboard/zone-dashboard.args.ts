import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DateScalar } from '@jcv/shared';

@ArgsType()
export class ZoneDashboardArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000, { message: 'year must be from 2000 to 2100' })
  @Max(2100, { message: 'year must be from 2000 to 2100' })
  year: number;

  @Field(() => DateScalar, { nullable: true, description: 'Left out: today in Asia/Shanghai.' })
  @IsOptional()
  asOf?: string;
}
