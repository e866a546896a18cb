import { registerDecorator, type ValidationOptions } from 'class-validator';
import { creditCodeProblem } from '@jcv/credit-code';

/** A 统一社会信用代码 that passes GB 32100-2015; the message names the field. */
export function IsCreditCode(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !creditCodeProblem(value),
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? `${args.property} ${creditCodeProblem(args.value)}`
            : `${args?.property} must be a string`,
      },
    });
}
