import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Decimal } from 'decimal.js';
import {
  BadInputError,
  checkDecimal,
  type DecimalRule,
  DecimalScalar,
  type FieldError,
  IsDecimalValue,
} from '@jcv/shared';
import { PolicyKind } from './policy-kind.enum.js';

/** The months of residence a step may name: 1 = the month of enteredOn, up to 100 years. */
export const RELIEF_MONTHS = { min: 1, max: 1200 };
/** How many steps one rule may have. */
export const RELIEF_STEPS = { min: 1, max: 24 };

const SHARE: DecimalRule = { min: '0', exclusiveMin: true, max: '1', maxDecimals: 4 };
const LIMIT: DecimalRule = {
  min: '0',
  exclusiveMin: true,
  max: '999999999999.99',
  maxDecimals: 2,
};

/**
 * A rent relief rule as stored in policies.rent_relief and read by the bills: shares and limits
 * as canonical decimal strings (share "0.5", limits "80.00"), steps in month order.
 */
export interface RentReliefSpec {
  steps: { fromMonth: number; toMonth: number; share: string }[];
  maxRatePerSqm: string | null;
  maxArea: string | null;
}

@ObjectType()
export class RentReliefStep {
  @Field(() => Int, {
    description: 'First month of residence the step covers, 1 = the month of enteredOn.',
  })
  fromMonth: number;

  @Field(() => Int, { description: 'Last month it covers, inclusive.' })
  toMonth: number;

  @Field(() => DecimalScalar, { description: 'Share of the rent relieved, 0 to 1, e.g. 0.5.' })
  share: string;
}

@ObjectType({
  description:
    "How a RENT_SUBSIDY policy relieves rent on the bills of the firms it was\ngranted to (domain.md, Rent bills). Months count from the firm's enteredOn.",
})
export class RentRelief {
  @Field(() => [RentReliefStep])
  steps: RentReliefStep[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Relief is counted on at most this rent per m² per month.',
  })
  maxRatePerSqm: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Relief is counted on at most this many m² of the firm's leased area.",
  })
  maxArea: string | null;
}

const monthMessage = `must be a month of residence from ${RELIEF_MONTHS.min} to ${RELIEF_MONTHS.max}`;

@InputType()
export class RentReliefStepInput {
  @Field(() => Int)
  @IsInt({ message: `fromMonth ${monthMessage}` })
  @Min(RELIEF_MONTHS.min, { message: `fromMonth ${monthMessage}` })
  @Max(RELIEF_MONTHS.max, { message: `fromMonth ${monthMessage}` })
  fromMonth: number;

  @Field(() => Int)
  @IsInt({ message: `toMonth ${monthMessage}` })
  @Min(RELIEF_MONTHS.min, { message: `toMonth ${monthMessage}` })
  @Max(RELIEF_MONTHS.max, { message: `toMonth ${monthMessage}` })
  toMonth: number;

  @Field(() => DecimalScalar)
  @IsDecimalValue(SHARE)
  share: string;
}

@InputType()
export class RentReliefInput {
  @Field(() => [RentReliefStepInput])
  @IsArray({ message: 'steps must be a list' })
  @ArrayMinSize(RELIEF_STEPS.min, { message: 'steps must hold 1 to 24 steps' })
  @ArrayMaxSize(RELIEF_STEPS.max, { message: 'steps must hold 1 to 24 steps' })
  @ValidateNested({ each: true })
  @Type(() => RentReliefStepInput)
  steps: RentReliefStepInput[];

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsDecimalValue(LIMIT)
  maxRatePerSqm?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsDecimalValue(LIMIT)
  maxArea?: string | null;
}

/** What checkRentRelief reads: a RentReliefInput, or any object of its shape. */
export interface RentReliefValue {
  steps: { fromMonth: number; toMonth: number; share: string }[];
  maxRatePerSqm?: string | null;
  maxArea?: string | null;
}

const isMonth = (m: unknown): m is number =>
  Number.isInteger(m) && (m as number) >= RELIEF_MONTHS.min && (m as number) <= RELIEF_MONTHS.max;

/** A share as its shortest exact decimal ("0.50" → "0.5", "1.0000" → "1"). */
const canonicalShare = (share: string) => new Decimal(share).toFixed();
const canonicalLimit = (limit: string | null | undefined) =>
  limit == null ? null : new Decimal(limit).toFixed(2);

/**
 * The rent relief rule of a new policy, checked and normalised for storing: only a RENT_SUBSIDY
 * policy relieves rent; 1 to 24 steps of months 1 to 1200, none overlapping another; each share
 * more than 0 and at most 1 with at most 4 decimals; the limits more than 0 with at most 2
 * decimals. Each refusal names its field. Left out (or null): null, no relief.
 */
export function checkRentRelief(
  kind: PolicyKind,
  input: RentReliefValue | null | undefined,
): RentReliefSpec | null {
  if (input == null) return null;
  if (kind !== PolicyKind.RENT_SUBSIDY) {
    throw new BadInputError('rentRelief', 'is only for RENT_SUBSIDY policies');
  }
  const errors: FieldError[] = [];
  const refuse = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field && e.message === message)) {
      errors.push({ field, message });
    }
  };
  const steps = Array.isArray(input.steps) ? input.steps : null;
  if (!steps || steps.length < RELIEF_STEPS.min || steps.length > RELIEF_STEPS.max) {
    refuse('steps', `must hold ${RELIEF_STEPS.min} to ${RELIEF_STEPS.max} steps`);
  }
  const wellFormed: RentReliefSpec['steps'] = [];
  for (const step of steps ?? []) {
    let ok = true;
    if (!isMonth(step?.fromMonth)) {
      refuse('fromMonth', monthMessage);
      ok = false;
    }
    if (!isMonth(step?.toMonth)) {
      refuse('toMonth', monthMessage);
      ok = false;
    } else if (isMonth(step.fromMonth) && step.toMonth < step.fromMonth) {
      refuse('toMonth', `must be at least fromMonth ${step.fromMonth}`);
      ok = false;
    }
    const shareError = checkDecimal(step?.share, SHARE);
    if (shareError) {
      refuse('share', shareError);
      ok = false;
    }
    if (ok) {
      wellFormed.push({
        fromMonth: step.fromMonth,
        toMonth: step.toMonth,
        share: canonicalShare(step.share),
      });
    }
  }
  wellFormed.sort((a, b) => a.fromMonth - b.fromMonth || a.toMonth - b.toMonth);
  for (let i = 1; i < wellFormed.length; i++) {
    const [before, step] = [wellFormed[i - 1], wellFormed[i]];
    if (step.fromMonth <= before.toMonth) {
      refuse(
        'fromMonth',
        `steps must not overlap: months ${before.fromMonth}–${before.toMonth} and ${step.fromMonth}–${step.toMonth}`,
      );
    }
  }
  for (const field of ['maxRatePerSqm', 'maxArea'] as const) {
    const value = input[field];
    const error = value == null ? null : checkDecimal(value, LIMIT);
    if (error) refuse(field, error);
  }
  if (errors.length) throw new BadInputError(errors);
  return {
    steps: wellFormed,
    maxRatePerSqm: canonicalLimit(input.maxRatePerSqm),
    maxArea: canonicalLimit(input.maxArea),
  };
}

/**
 * policies.rent_relief as read from the database (the driver's JSON, or its text): the stored
 * rule, steps in month order; null when the policy relieves no rent.
 */
export function parseRentRelief(json: unknown): RentReliefSpec | null {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (value == null) return null;
  const rule = value as Partial<RentReliefSpec>;
  if (!Array.isArray(rule.steps)) {
    throw new TypeError('policies.rent_relief holds no list of steps');
  }
  const limit = (v: unknown) => (v == null ? null : new Decimal(String(v)).toFixed(2));
  return {
    steps: rule.steps
      .map((s) => ({
        fromMonth: Number(s.fromMonth),
        toMonth: Number(s.toMonth),
        share: new Decimal(String(s.share)).toFixed(),
      }))
      .sort((a, b) => a.fromMonth - b.fromMonth),
    maxRatePerSqm: limit(rule.maxRatePerSqm),
    maxArea: limit(rule.maxArea),
  };
}
