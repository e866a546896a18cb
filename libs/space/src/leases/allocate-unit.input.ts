import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import { DateScalar, DecimalScalar, IsMoney } from '@jcv/shared';

@InputType()
export class AllocateUnitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'unitId must be an id' })
  unitId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => DateScalar)
  @IsString({ message: 'startDate must be a date' })
  startDate: string;

  @Field(() => DateScalar, { description: 'Inclusive; not before startDate.' })
  @IsString({ message: 'endDate must be a date' })
  endDate: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Left out: area x monthlyRentPerSqm.',
  })
  @IsOptional()
  @IsMoney()
  monthlyRent?: string | null;
}
