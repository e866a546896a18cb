import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** class-validator on every input; a refusal lists each bad field as BAD_USER_INPUT. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadInputError(flatten(errors)),
  });
}
