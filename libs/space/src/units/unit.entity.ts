import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DecimalScalar } from '@jcv/shared';
import { UnitCondition, UnitKind } from '../space.enum.js';

/** A lettable unit. `status`, `currentLease` and `leases` are resolved from its leases. */
@ObjectType()
@Entity('units')
export class Unit {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'building_id', type: 'uuid' })
  buildingId: string;

  @Field({ description: 'Unique within its building.' })
  @Column()
  code: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  floor: number;

  @Field(() => UnitKind)
  @Column({ type: 'text' })
  kind: UnitKind;

  @Field(() => DecimalScalar, { description: 'Square metres.' })
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  area: string;

  @Field(() => DecimalScalar)
  @Column({ name: 'monthly_rent_per_sqm', type: 'numeric', precision: 14, scale: 2 })
  monthlyRentPerSqm: string;

  @Field(() => UnitCondition)
  @Column({ type: 'text' })
  condition: UnitCondition;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
