import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DecimalScalar } from '@jcv/shared';
import { BillLineKind } from '../billing.enum.js';

/** A line of a bill, for one lease: its rent, its property fee or a grant's rent relief. */
@ObjectType()
@Entity('bill_lines')
export class BillLine {
  @PrimaryColumn({ name: 'bill_id', type: 'uuid' })
  billId: string;

  /** 1..n within the bill, in the order the lines are shown. */
  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @Field(() => BillLineKind)
  @Column({ type: 'text' })
  kind: BillLineKind;

  @Column({ name: 'lease_id', type: 'uuid' })
  leaseId: string;

  @Column({ name: 'benefit_application_id', type: 'uuid', nullable: true })
  benefitApplicationId: string | null;

  @Field(() => Int, { description: 'Days of the month the lease covers.' })
  @Column({ type: 'smallint' })
  days: number;

  @Field(() => Int, { description: 'Days of the month.' })
  @Column({ name: 'month_days', type: 'smallint' })
  monthDays: number;

  @Field()
  @Column()
  description: string;

  @Field(() => DecimalScalar, { description: 'Negative for RENT_RELIEF.' })
  @Column({ type: 'numeric', precision: 16, scale: 2 })
  amount: string;
}
