import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar } from '@jcv/shared';
import { MilestoneMetric } from './milestone-metric.enum.js';

@ObjectType()
@Entity('milestone_targets')
export class MilestoneTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => MilestoneMetric)
  @Column({ type: 'text' })
  metric: MilestoneMetric;

  /** Null: the whole park. The `zone` field is resolved from it. */
  @Column({ name: 'zone_id', type: 'uuid', nullable: true })
  zoneId: string | null;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  target: string;

  @Field({ description: 'The document the target comes from.' })
  @Column()
  source: string;
}
