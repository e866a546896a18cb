import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ArgsType()
export class TorchStatisticsArgs {
  @Field(() => Int)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be from 2000 to 2100' })
  @Max(2100, { message: 'year must be from 2000 to 2100' })
  year: number;

  // Checked against the platform's parks by the service, which names parkId when it is unknown.
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  parkId?: string | null;
}
