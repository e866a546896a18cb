import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar } from '@jcv/shared';
import { BenefitStatus } from './benefit-status.enum.js';

/** A firm's application for a policy's benefit; `policy` and `tenant` are resolved by id. */
@ObjectType()
@Entity('benefit_applications')
export class BenefitApplication {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field(() => DecimalScalar)
  @Column({ name: 'requested_amount', type: 'numeric', precision: 14, scale: 2 })
  requestedAmount: string;

  @Field(() => DecimalScalar, { nullable: true })
  @Column({ name: 'granted_amount', type: 'numeric', precision: 14, scale: 2, nullable: true })
  grantedAmount: string | null;

  @Field()
  @Column()
  justification: string;

  @Field(() => BenefitStatus)
  @Column({ type: 'text' })
  status: BenefitStatus;

  @Field(() => Date)
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: "The committee's note on its decision." })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'disbursed_at', type: 'timestamptz', nullable: true })
  disbursedAt: Date | null;

  @Column({ name: 'disbursed_by', type: 'uuid', nullable: true })
  disbursedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
