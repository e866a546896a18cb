import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DecimalScalar } from '@jcv/shared';
import type { ZoneKind } from '@jcv/park';
import type { CertificationKind, IndustryChain } from '@jcv/tenants';
import { PolicyKind } from './policy-kind.enum.js';
import { RentRelief, type RentReliefSpec } from './rent-relief.js';

/** A benefit the park grants under a document, within a budget. */
@ObjectType()
@Entity('policies')
export class Policy {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  code: string;

  @Field()
  @Column()
  title: string;

  @Field(() => PolicyKind)
  @Column({ type: 'text' })
  kind: PolicyKind;

  @Field(() => RentRelief, {
    nullable: true,
    description: 'Set for RENT_SUBSIDY policies that relieve rent on bills.',
  })
  @Column({ name: 'rent_relief', type: 'jsonb', nullable: true })
  rentRelief: RentReliefSpec | null;

  @Field({ description: 'The document that grants it.' })
  @Column()
  basis: string;

  @Field(() => DecimalScalar, { nullable: true })
  @Column({
    name: 'max_amount_per_tenant',
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
  })
  maxAmountPerTenant: string | null;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  budget: string;

  /** Kept by the database from the applications; never written by the service. */
  @Field(() => DecimalScalar, { description: 'Approved and disbursed amounts together.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, insert: false, update: false })
  granted: string;

  @Field(() => DateScalar)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  // The eligibility rule; the `eligibility` field is made from these.
  @Column({ name: 'zone_kinds', type: 'text', array: true, nullable: true })
  zoneKinds: ZoneKind[] | null;

  @Column({ name: 'required_certifications', type: 'text', array: true, nullable: true })
  requiredCertifications: CertificationKind[] | null;

  @Column({ name: 'industry_chains', type: 'text', array: true, nullable: true })
  industryChains: IndustryChain[] | null;

  @Column({ name: 'min_months_resident', type: 'int', nullable: true })
  minMonthsResident: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
