import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DecimalScalar } from '@jcv/shared';
import { SpaceApplicationStatus, UnitKind } from '../space.enum.js';

/** A firm's request for space; approving it lets a unit (the `lease`). */
@ObjectType()
@Entity('space_applications')
export class SpaceApplication {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  zoneId: string;

  @Field(() => UnitKind)
  @Column({ name: 'unit_kind', type: 'text' })
  unitKind: UnitKind;

  @Field(() => DecimalScalar, { description: 'Square metres wanted.' })
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  area: string;

  @Field(() => DateScalar)
  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Field(() => DateScalar, { description: 'Inclusive.' })
  @Column({ name: 'to_date', type: 'date' })
  toDate: string;

  @Field()
  @Column()
  purpose: string;

  @Field(() => SpaceApplicationStatus)
  @Column({ type: 'text' })
  status: SpaceApplicationStatus;

  @Column({ name: 'lease_id', type: 'uuid', nullable: true })
  leaseId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
