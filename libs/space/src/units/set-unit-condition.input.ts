import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { UnitCondition } from '../space.enum.js';

@InputType()
export class SetUnitConditionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'unitId must be an id' })
  unitId: string;

  @Field(() => UnitCondition)
  @IsEnum(UnitCondition, { message: 'condition must be IN_SERVICE, MAINTENANCE or RETIRED' })
  condition: UnitCondition;
}
