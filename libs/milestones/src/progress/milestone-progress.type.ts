import { Field, Float, ObjectType } from '@nestjs/graphql';
import { DateScalar, DecimalScalar } from '@jcv/shared';
import { MilestoneTarget } from '../targets/milestone-target.entity.js';
import { MilestoneStatus } from './milestone-status.enum.js';

/** A target's progress on asOf; `contributors` is resolved on demand, in one batch a request. */
@ObjectType()
export class MilestoneProgress {
  @Field(() => MilestoneTarget)
  target: MilestoneTarget;

  @Field(() => DateScalar)
  asOf: string;

  @Field(() => DecimalScalar)
  actual: string;

  @Field(() => Float, { description: 'actual / target; 1 when the target is 0 (met by anything).' })
  ratio: number;

  @Field(() => DecimalScalar, { description: 'Projected value at the end of the year.' })
  forecast: string;

  @Field(() => MilestoneStatus)
  status: MilestoneStatus;
}
