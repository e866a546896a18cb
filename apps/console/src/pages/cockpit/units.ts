import { countOf, isMoneyMetric, unitKey } from '../../lib/cockpit';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A metric's unit beside a value, in the plural form the value needs (1 firm, 2 firms; Chinese
 * has one form): money in 元, or 万元 where `short`.
 */
export function unitFor(t: Translate, metric: string, value: string | number, short = false) {
  const count = countOf(metric, value);
  return count === null ? t(unitKey(metric, short)) : t(unitKey(metric, short), { count });
}

/** A metric's unit as a column or axis heading (the plural form). */
export function unitHeading(t: Translate, metric: string, short = false) {
  return isMoneyMetric(metric) ? t(unitKey(metric, short)) : t(`${unitKey(metric, short)}_other`);
}
