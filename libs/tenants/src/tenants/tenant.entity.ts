import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DateScalar } from '@jcv/shared';
import { IndustryChain, TenantKind, TenantStatus } from '../tenant.enum.js';

/**
 * A resident firm or team. Fields that point elsewhere (zone, certifications, leases,
 * outputReports) are resolved by the module that owns them.
 */
@ObjectType()
@Entity('tenants')
export class Tenant {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Field(() => TenantKind)
  @Column({ type: 'text' })
  kind: TenantKind;

  @Field(() => String, {
    nullable: true,
    description: '统一社会信用代码, 18 characters with its GB 32100-2015 check character.',
  })
  @Column({ name: 'credit_code', type: 'text', nullable: true })
  creditCode: string | null;

  @Column({ name: 'zone_id', type: 'uuid' })
  zoneId: string;

  @Field(() => IndustryChain)
  @Column({ name: 'industry_chain', type: 'text' })
  industryChain: IndustryChain;

  @Field({ description: 'A technology firm or team, as counted by the new-firm milestones.' })
  @Column({ name: 'is_tech_firm' })
  isTechFirm: boolean;

  @Field(() => DateScalar)
  @Column({ name: 'entered_on', type: 'date' })
  enteredOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'exited_on', type: 'date', nullable: true })
  exitedOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: '成立日期, the day the firm was founded (a team: the day it formed).',
  })
  @Column({ name: 'founded_on', type: 'date', nullable: true })
  foundedOn: string | null;

  @Field(() => TenantStatus)
  @Column({ type: 'text' })
  status: TenantStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
