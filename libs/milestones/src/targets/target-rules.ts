import { Decimal } from 'decimal.js';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { MilestoneMetric } from './milestone-metric.enum.js';

/** What each metric counts: firms and projects come whole; output is yuan to the fen. */
const COUNTED: Readonly<Record<MilestoneMetric, string | null>> = {
  [MilestoneMetric.NEW_TECH_FIRMS]: 'firms',
  [MilestoneMetric.NEW_HIGH_TECH_FIRMS]: 'firms',
  [MilestoneMetric.NEW_SRDI_FIRMS]: 'firms',
  [MilestoneMetric.INDUSTRIALIZATION_PROJECTS]: 'projects',
  [MilestoneMetric.ANNUAL_OUTPUT_VALUE]: null,
};

export function isCountMetric(metric: MilestoneMetric): boolean {
  return COUNTED[metric] != null;
}

/**
 * Why `target` cannot be the target of `metric`, as the end of a sentence starting "target", or
 * null. The bounds and the two decimal places of every target are checked beside it.
 */
export function targetProblem(metric: unknown, target: unknown): string | null {
  if (typeof target !== 'string' || !/^-?\d+(\.\d+)?$/.test(target)) return null;
  const counted = COUNTED[metric as MilestoneMetric];
  if (!counted) return null;
  if (!new Decimal(target).isInteger())
    return `must be a whole number of ${counted} for ${String(metric)}`;
  return null;
}

/** The target fits its metric (read from the same input's `metric`). */
export function IsTargetOfMetric(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTargetOfMetric',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args) =>
          targetProblem((args?.object as { metric?: unknown }).metric, value) === null,
        defaultMessage: (args) =>
          `${args?.property} ${targetProblem((args?.object as { metric?: unknown }).metric, args?.value)}`,
      },
    });
}
