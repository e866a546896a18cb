import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar, YearMonthScalar } from '@jcv/shared';
import { ReportStatus } from './report-status.enum.js';

@ObjectType({
  description: "A resident firm's figures for one month. A resubmission is a new revision.",
})
@Entity('output_reports')
export class OutputReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field(() => YearMonthScalar)
  @Column({ type: 'char', length: 7 })
  period: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  revision: number;

  /** The revision that lists and totals read. */
  @Column()
  latest: boolean;

  @Field(() => DecimalScalar, { description: '产值, output value in yuan.' })
  @Column({ name: 'output_value', type: 'numeric', precision: 16, scale: 2 })
  outputValue: string;

  @Field(() => DecimalScalar)
  @Column({ type: 'numeric', precision: 16, scale: 2 })
  revenue: string;

  @Field(() => DecimalScalar)
  @Column({ name: 'rd_expense', type: 'numeric', precision: 16, scale: 2 })
  rdExpense: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  employees: number;

  @Field(() => Int)
  @Column({ name: 'patents_filed', type: 'int' })
  patentsFiled: number;

  @Field(() => Int)
  @Column({ name: 'patents_granted', type: 'int' })
  patentsGranted: number;

  @Field(() => ReportStatus)
  @Column({ type: 'text' })
  status: ReportStatus;

  @Field(() => Date)
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;
}
