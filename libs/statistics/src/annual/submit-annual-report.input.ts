import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min, registerDecorator } from 'class-validator';
import { DecimalScalar, IsDecimalValue, IsMoney, YEARS } from '@jcv/shared';
import { partProblem, type TotalField } from './annual-rules.js';

/** Counts are whole numbers of people, patents or contracts: at least 0, within an integer. */
const MAX_COUNT = 2_147_483_647;

/** A count of the report: a whole number from 0. */
function IsCount() {
  return (target: object, property: string) => {
    IsInt({ message: `${property} must be a whole number` })(target, property);
    Min(0, { message: `${property} must be at least 0` })(target, property);
    Max(MAX_COUNT, { message: `${property} must be at most ${MAX_COUNT}` })(target, property);
  };
}

/** A 其中 figure: at most the total it is part of, refused naming the 其中 field. */
function IsPartOf(total: TotalField) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isPartOf',
      target: target.constructor,
      propertyName: property,
      validator: {
        validate: (value: unknown, args) =>
          partProblem(value, (args?.object as Record<string, unknown>)[total], total) === null,
        defaultMessage: (args) =>
          `${property} ${partProblem(args?.value, (args?.object as Record<string, unknown>)[total], total)}`,
      },
    });
}

@InputType()
export class SubmitAnnualReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => Int)
  @IsInt({ message: 'year must be a whole number' })
  @Min(YEARS.min, { message: `year must be from ${YEARS.min} to ${YEARS.max}` })
  @Max(YEARS.max, { message: `year must be from ${YEARS.min} to ${YEARS.max}` })
  year: number;

  @Field(() => DecimalScalar)
  @IsMoney()
  registeredCapital: string;

  @Field(() => Int)
  @IsCount()
  employees: number;

  @Field(() => Int)
  @IsCount()
  @IsPartOf('employees')
  employeesDoctorate: number;

  @Field(() => Int)
  @IsCount()
  @IsPartOf('employees')
  employeesCollege: number;

  @Field(() => Int)
  @IsCount()
  @IsPartOf('employees')
  employeesReturnees: number;

  @Field(() => Int)
  @IsCount()
  @IsPartOf('employees')
  employeesFreshGraduates: number;

  @Field(() => DecimalScalar)
  @IsMoney()
  totalRevenue: string;

  @Field(() => DecimalScalar, { description: 'May be negative (a loss).' })
  @IsDecimalValue({ min: '-999999999999.99', max: '999999999999.99', maxDecimals: 2 })
  netProfit: string;

  @Field(() => DecimalScalar)
  @IsMoney()
  taxPaid: string;

  @Field(() => DecimalScalar)
  @IsMoney()
  rdExpense: string;

  @Field(() => DecimalScalar)
  @IsMoney()
  ventureFunding: string;

  @Field(() => Int)
  @IsCount()
  ipApplied: number;

  @Field(() => Int)
  @IsCount()
  ipGranted: number;

  @Field(() => Int)
  @IsCount()
  ipValid: number;

  @Field(() => Int)
  @IsCount()
  @IsPartOf('ipValid')
  inventionPatentsValid: number;

  @Field(() => Int)
  @IsCount()
  softwareCopyrights: number;

  @Field(() => Int)
  @IsCount()
  techContracts: number;

  @Field(() => DecimalScalar)
  @IsMoney()
  techContractValue: string;

  @Field(() => Int)
  @IsCount()
  nationalProjects: number;
}
