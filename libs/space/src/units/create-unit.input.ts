import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { DecimalScalar, IsDecimalValue } from '@jcv/shared';
import { UnitKind } from '../space.enum.js';

@InputType()
export class CreateUnitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'buildingId must be an id' })
  buildingId: string;

  @Field({ description: 'Letters, digits, - and _, unique within the building.' })
  @IsString({ message: 'code must be a string' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'code must be 1 to 40 letters, digits, - or _',
  })
  code: string;

  @Field(() => Int)
  @IsInt({ message: 'floor must be a whole number' })
  @Min(-10, { message: 'floor must be from -10 to 300' })
  @Max(300, { message: 'floor must be from -10 to 300' })
  floor: number;

  @Field(() => UnitKind)
  @IsEnum(UnitKind, { message: 'kind must be a known unit kind' })
  kind: UnitKind;

  @Field(() => DecimalScalar, { description: 'Square metres, more than 0, at most 2 decimals.' })
  @IsDecimalValue({ min: '0', exclusiveMin: true, max: '999999.99', maxDecimals: 2 })
  area: string;

  @Field(() => DecimalScalar, { description: 'Yuan per m² per month, 0 or more.' })
  @IsDecimalValue({ min: '0', max: '99999.99', maxDecimals: 2 })
  monthlyRentPerSqm: string;
}
