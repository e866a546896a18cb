import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DecimalScalar } from '@jcv/shared';

/** Money received on a bill. */
@ObjectType()
@Entity('payments')
export class Payment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'bill_id', type: 'uuid' })
  billId: string;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric', precision: 16, scale: 2 })
  amount: string;

  @Field(() => DateScalar)
  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Field({ description: "The bank's or cashier's reference." })
  @Column()
  reference: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
