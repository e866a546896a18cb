import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { DecimalScalar, IsDecimalValue } from '@jcv/shared';
import { UnitKind } from '../space.enum.js';

@InputType({
  description: 'Only the fields given change. A new rent rate applies to leases made afterwards.',
})
export class UpdateUnitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'code must be a string' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'code must be 1 to 40 letters, digits, - or _',
  })
  code?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'floor must be a whole number' })
  @Min(-10, { message: 'floor must be from -10 to 300' })
  @Max(300, { message: 'floor must be from -10 to 300' })
  floor?: number | null;

  @Field(() => UnitKind, { nullable: true })
  @IsOptional()
  @IsEnum(UnitKind, { message: 'kind must be a known unit kind' })
  kind?: UnitKind | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsDecimalValue({ min: '0', exclusiveMin: true, max: '999999.99', maxDecimals: 2 })
  area?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsDecimalValue({ min: '0', max: '99999.99', maxDecimals: 2 })
  monthlyRentPerSqm?: string | null;
}
