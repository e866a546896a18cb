import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '@jcv/shared';

/** A zone's units and area in the stock on a date, and how much of it is let. */
@ObjectType()
export class Occupancy {
  @Field(() => Int, { description: 'Units in the stock: every unit not RETIRED.' })
  unitsTotal: number;

  @Field(() => Int)
  unitsLeased: number;

  @Field(() => DecimalScalar)
  totalArea: string;

  @Field(() => DecimalScalar)
  leasedArea: string;

  @Field(() => Float, { description: 'leasedArea / totalArea, 0 when there is no area.' })
  rate: number;
}
