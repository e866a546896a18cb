import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@jcv/shared';
import { IncubationStage } from './incubation.js';

/** Where a firm is in its incubation on a day (domain.md, Incubation). */
@ObjectType()
export class Incubation {
  @Field(() => IncubationStage)
  stage: IncubationStage;

  @Field(() => DateScalar, {
    description: "enteredOn + the park's incubation period (48 months by default).",
  })
  endsOn: string;

  @Field(() => Int, { description: 'Whole months resident so far.' })
  monthsResident: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Founded no more than 24 months before it entered (unknown foundedOn: null).',
  })
  youngAtEntry: boolean | null;
}
