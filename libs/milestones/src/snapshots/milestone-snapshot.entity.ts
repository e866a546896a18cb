import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar, DecimalScalar } from '@jcv/shared';
import { MilestoneStatus } from '../progress/milestone-status.enum.js';

/** A target's progress as the daily job recorded it: one row per target and day. */
@ObjectType({ description: "A target's progress as recorded on one day, for trends." })
@Entity('milestone_snapshots')
export class MilestoneSnapshot {
  @PrimaryColumn({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Field(() => DateScalar)
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Field(() => DecimalScalar, { description: 'The target as it stood that day.' })
  @Column({ name: 'target_value', type: 'numeric' })
  targetValue: string;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric' })
  actual: string;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric' })
  forecast: string;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  ratio: number;

  @Field(() => MilestoneStatus)
  @Column({ type: 'text' })
  status: MilestoneStatus;

  @Field({ description: 'When the job recorded it.' })
  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt: Date;
}
