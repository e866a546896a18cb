import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DecimalScalar } from '@jcv/shared';
import { MilestoneStatus } from '../progress/milestone-status.enum.js';

/** Raised by the daily job when a target's status worsened since its previous snapshot. */
@ObjectType({ description: "A target's status got worse on a day." })
@Entity('milestone_alerts')
export class MilestoneAlert {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Field(() => DateScalar, { description: 'The day of the snapshot that showed the change.' })
  @Column({ type: 'date' })
  day: string;

  @Field(() => MilestoneStatus)
  @Column({ name: 'from_status', type: 'text' })
  fromStatus: MilestoneStatus;

  @Field(() => MilestoneStatus)
  @Column({ name: 'to_status', type: 'text' })
  toStatus: MilestoneStatus;

  @Field(() => DecimalScalar, { description: 'The target as it stood that day.' })
  @Column({ name: 'target_value', type: 'numeric' })
  targetValue: string;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric' })
  actual: string;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric' })
  forecast: string;

  @Field()
  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;
}
