import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateScalar, DecimalScalar, IsDecimalValue } from '@jcv/shared';
import { UnitKind } from '../space.enum.js';

@InputType()
export class ApplyForSpaceInput {
  @Field(() => ID, { description: "The applying firm: a firm's user may name only its own." })
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId: string;

  @Field(() => UnitKind)
  @IsEnum(UnitKind, { message: 'unitKind must be a known unit kind' })
  unitKind: UnitKind;

  @Field(() => DecimalScalar)
  @IsDecimalValue({ min: '0', exclusiveMin: true, max: '999999.99', maxDecimals: 2 })
  area: string;

  @Field(() => DateScalar)
  @IsString({ message: 'fromDate must be a date' })
  fromDate: string;

  @Field(() => DateScalar, { description: 'Inclusive; not before fromDate.' })
  @IsString({ message: 'toDate must be a date' })
  toDate: string;

  @Field()
  @IsString({ message: 'purpose must be a string' })
  @Length(1, 2000, { message: 'purpose must be 1 to 2000 characters' })
  @Matches(/\S/, { message: 'purpose must not be blank' })
  purpose: string;
}
