import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Zone } from '@jcv/park';
import { DateScalar, DecimalScalar, YearMonthScalar } from '@jcv/shared';
import { Occupancy } from '@jcv/space';
import { MilestoneProgress } from '../progress/milestone-progress.type.js';

@ObjectType()
export class MonthlyValue {
  @Field(() => YearMonthScalar)
  period: string;

  @Field(() => DecimalScalar)
  value: string;
}

/** A zone's figures for year Y on asOf, as domain.md defines each of them. */
@ObjectType()
export class ZoneDashboard {
  @Field(() => Zone)
  zone: Zone;

  @Field(() => Int)
  year: number;

  @Field(() => DateScalar, {
    description:
      'The day the figures are taken on: the day asked, or 31 December of a year that has ended.',
  })
  asOf: string;

  @Field(() => Int, { description: 'Tenants entered by asOf and not gone before it.' })
  residentTenants: number;

  @Field(() => Int, { description: 'Tenants of any kind entering in the year up to asOf.' })
  newTenants: number;

  @Field(() => Occupancy, { description: 'Units and area under lease on asOf.' })
  occupancy: Occupancy;

  @Field(() => DecimalScalar, { description: "The year's output value up to asOf's month." })
  outputValueYtd: string;

  @Field(() => [MonthlyValue], { description: "Each month of the year up to asOf's month." })
  outputByMonth: MonthlyValue[];

  @Field(() => [MilestoneProgress], { description: "The zone's targets (not the park's)." })
  milestones: MilestoneProgress[];

  @Field(() => Int, { description: 'Reports due by asOf and not received.' })
  overdueReports: number;

  @Field(() => Int, { description: "The zone's tenants' requests open at the end of asOf." })
  openServiceRequests: number;

  @Field(() => DecimalScalar, {
    description:
      "Amounts approved or disbursed to the zone's tenants, decided in the year up to asOf.",
  })
  benefitsGranted: string;

  @Field(() => DecimalScalar, {
    description:
      "Rent and property fees billed to the zone's tenants for months of Y up to asOf's month, before relief.",
  })
  billed: string;

  @Field(() => DecimalScalar, { description: 'Rent relief applied on those bills.' })
  rentRelieved: string;

  @Field(() => DecimalScalar, { description: 'Payments received on those bills up to asOf.' })
  collected: string;

  @Field(() => Int, {
    description: "Bills of the zone's tenants past their due date and not fully paid on asOf.",
  })
  overdueBills: number;

  @Field(() => Int, {
    description:
      'Tenants resident on asOf with 6 months or less of their incubation period left (DUE_TO_GRADUATE).',
  })
  dueToGraduate: number;

  @Field(() => Int, {
    description: 'Tenants resident on asOf past the end of their incubation period (OVERSTAYING).',
  })
  overstaying: number;
}
