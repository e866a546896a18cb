import {
  type ArgumentMetadata,
  type PipeTransform,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { Decimal } from 'decimal.js';
import { BadInputError, type FieldError } from './errors.js';

export interface DecimalRule {
  /** Smallest allowed value, inclusive unless `exclusiveMin`. */
  min?: string;
  exclusiveMin?: boolean;
  max?: string;
  /** Most digits after the point; money has 2. */
  maxDecimals?: number;
}

export function checkDecimal(value: unknown, rule: DecimalRule): string | null {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value))
    return 'must be a decimal number';
  const d = new Decimal(value);
  if (rule.maxDecimals !== undefined && d.decimalPlaces() > rule.maxDecimals) {
    return `must have at most ${rule.maxDecimals} decimal places`;
  }
  if (rule.min !== undefined) {
    if (rule.exclusiveMin ? d.lte(rule.min) : d.lt(rule.min)) {
      return `must be ${rule.exclusiveMin ? 'greater than' : 'at least'} ${rule.min}`;
    }
  }
  if (rule.max !== undefined && d.gt(rule.max)) return `must be at most ${rule.max}`;
  return null;
}

/** A Decimal input (already a canonical string from the scalar) within bounds. */
export function IsDecimalValue(rule: DecimalRule, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDecimalValue',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => checkDecimal(value, rule) === null,
        defaultMessage: (args) => `${args?.property} ${checkDecimal(args?.value, rule)}`,
      },
    });
}

/** Money: a Decimal ≥ 0 (or > 0) with at most two decimals, below a trillion yuan. */
export const IsMoney = (opts: { positive?: boolean } = {}, options?: ValidationOptions) =>
  IsDecimalValue(
    { min: '0', exclusiveMin: !!opts.positive, max: '999999999999.99', maxDecimals: 2 },
    options,
  );

function flatten(errors: ValidationError[], out: FieldError[] = []): FieldError[] {
  for (const e of errors) {
    for (const message of Object.values(e.constraints ?? {}))
      out.push({ field: e.property, message });
    if (e.children?.length) flatten(e.children, out);
  }
  return out;
}

/**
 * Validates what clients send (GraphQL arguments, HTTP bodies and queries) and nothing else: a
 * field resolver's parent is a row the server loaded, and validating it would copy and check
 * every row of every list on every request.
 */
// @nestjs/graphql numbers its parameter kinds (GqlParamtype, not exported): ARGS is 3; root,
// context and info are the others. The tests of refused arguments keep this honest.
const GRAPHQL_ARGS = 3;

class InputValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    const type = metadata.type as unknown;
    if (typeof type === 'number' && type !== GRAPHQL_ARGS) return false;
    return super.toValidate(metadata);
  }
}

/** class-validator on every input; a refusal lists each bad field as BAD_USER_INPUT. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadInputError(flatten(errors)),
  });
}

/** The calendar years the platform keeps figures for. */
export const YEARS = { min: 2000, max: 2100 };

/** For a plain `year: Int` argument, which no input class validates: 2000 to 2100, or left out. */
export class YearPipe implements PipeTransform<number | null | undefined> {
  transform(value: number | null | undefined): number | null | undefined {
    if (value === null || value === undefined) return value;
    if (!Number.isInteger(value) || value < YEARS.min || value > YEARS.max)
      throw new BadInputError('year', `must be from ${YEARS.min} to ${YEARS.max}`);
    return value;
  }
}
