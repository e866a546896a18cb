import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DecimalScalar, YearMonthScalar } from '@jcv/shared';
import type { StoredBillStatus } from '../billing.enum.js';

/**
 * One bill per firm per month, covering every lease of the firm in that month. `status`,
 * `outstanding`, `tenant`, `lines` and `payments` are resolved.
 */
@ObjectType({
  description: 'One bill per firm per month, covering every lease of the firm in that month.',
})
@Entity('bills')
export class Bill {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Unique, e.g. JCV-2026-03-000123.' })
  @Column()
  number: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field(() => YearMonthScalar)
  @Column({ type: 'text' })
  period: string;

  @Field(() => DateScalar)
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Field(() => DateScalar)
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Field(() => DecimalScalar, { description: 'Sum of the lines, never negative.' })
  @Column({ type: 'numeric', precision: 16, scale: 2 })
  total: string;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric', precision: 16, scale: 2 })
  paid: string;

  /** ISSUED, PAID or VOID; the `status` field reads OVERDUE from ISSUED and the due date. */
  @Column({ name: 'status', type: 'text' })
  recordStatus: StoredBillStatus;

  @Field(() => String, { nullable: true })
  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason: string | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'voided_by', type: 'uuid', nullable: true })
  voidedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
