import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DateScalar, DecimalScalar, todayInShanghai } from '@jcv/shared';
import { LeaseStatus } from '../space.enum.js';
import { leaseStatus } from '../space-rules.js';

/** What the database keeps; ACTIVE and ENDED are told apart by the dates when read. */
export type LeaseRecordStatus = 'ACTIVE' | 'TERMINATED';

/**
 * One unit let to one tenant for [startDate, endDate], both days included. The table also has
 * a generated `period` daterange on which PostgreSQL refuses overlapping leases of a unit.
 */
@ObjectType()
@Entity('leases')
export class Lease {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field(() => DateScalar)
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Field(() => DateScalar, { description: 'Inclusive.' })
  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Field(() => DecimalScalar)
  @Column({ name: 'monthly_rent', type: 'numeric', precision: 14, scale: 2 })
  monthlyRent: string;

  /** The `status` field is derived from this and the dates (see leaseStatus). */
  @Column({ name: 'status', type: 'text' })
  recordStatus: LeaseRecordStatus;

  /**
   * Worked out when read, on today. A plain field, not a resolver: rows read for GraphQL carry
   * it already, worked out once per request on its day (see ReadLease).
   */
  @Field(() => LeaseStatus, { description: 'On today, in Asia/Shanghai.' })
  get status(): LeaseStatus {
    return leaseStatus(this, todayInShanghai());
  }

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
