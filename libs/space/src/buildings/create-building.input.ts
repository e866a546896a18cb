import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DecimalScalar, IsDecimalValue } from '@jcv/shared';

/** Yuan per m² per month: what numeric(12, 2) holds, 0 or more. */
export const PROPERTY_FEE = { min: '0', max: '9999999999.99', maxDecimals: 2 };

@InputType()
export class CreateBuildingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId: string;

  @Field({ description: 'Letters, digits, - and _, unique within the zone.' })
  @IsString({ message: 'code must be a string' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'code must be 1 to 40 letters, digits, - or _',
  })
  code: string;

  @Field()
  @IsString({ message: 'name must be a string' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Left out: 0.' })
  @IsOptional()
  @IsDecimalValue(PROPERTY_FEE)
  propertyFeePerSqm?: string | null;
}
