import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DecimalScalar, IsDecimalValue } from '@jcv/shared';
import { PROPERTY_FEE } from './create-building.input.js';

@InputType({ description: 'Only the fields given change.' })
export class UpdateBuildingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'name must be a string' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsDecimalValue(PROPERTY_FEE)
  propertyFeePerSqm?: string | null;
}
