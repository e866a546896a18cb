import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DecimalScalar, YearMonthScalar } from '@jcv/shared';

/** A month billed, with the figures of its latest run. */
@ObjectType()
@Entity('bill_runs')
export class BillRun {
  @Field(() => YearMonthScalar)
  @PrimaryColumn({ type: 'text' })
  period: string;

  @Field(() => Date, { nullable: true, description: 'When the month was last run.' })
  @Column({ name: 'ran_at', type: 'timestamptz' })
  ranAt: Date;

  /** Null: the worker or the command line. */
  @Column({ name: 'run_by', type: 'uuid', nullable: true })
  runBy: string | null;

  @Field(() => Int, {
    description: 'Bills made by this run; a second run of the same month makes none.',
  })
  @Column({ type: 'int' })
  issued: number;

  @Field(() => Int, { description: 'Bills of that month that already existed.' })
  @Column({ type: 'int' })
  existing: number;

  @Field(() => DecimalScalar, { description: "Sum of the new bills' totals." })
  @Column({ type: 'numeric', precision: 16, scale: 2 })
  total: string;
}
