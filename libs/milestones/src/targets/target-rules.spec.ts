import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MilestoneMetric } from './milestone-metric.enum.js';
import { isCountMetric, targetProblem } from './target-rules.js';

const COUNTS = Object.values(MilestoneMetric).filter(isCountMetric);
const cents = fc.bigInt({ min: 0n, max: 10n ** 12n });
const asDecimal = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

describe('milestone target rules', () => {
  it('counts firms and projects, and measures output in yuan', () => {
    expect(COUNTS.sort()).toEqual([
      'INDUSTRIALIZATION_PROJECTS',
      'NEW_HIGH_TECH_FIRMS',
      'NEW_SRDI_FIRMS',
      'NEW_TECH_FIRMS',
    ]);
    expect(isCountMetric(MilestoneMetric.ANNUAL_OUTPUT_VALUE)).toBe(false);
  });

  it('takes a count target only when it is whole', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COUNTS), cents, (metric, c) => {
        const problem = targetProblem(metric, asDecimal(c));
        if (c % 100n === 0n) expect(problem).toBeNull();
        else expect(problem).toMatch(/^must be a whole number of (firms|projects) for /);
      }),
    );
    expect(targetProblem(MilestoneMetric.NEW_TECH_FIRMS, '1.5')).toBe(
      'must be a whole number of firms for NEW_TECH_FIRMS',
    );
    expect(targetProblem(MilestoneMetric.NEW_TECH_FIRMS, '30')).toBeNull();
  });

  it('takes any amount of yuan for output (the two decimals are checked beside it)', () => {
    fc.assert(
      fc.property(
        cents,
        (c) => targetProblem(MilestoneMetric.ANNUAL_OUTPUT_VALUE, asDecimal(c)) === null,
      ),
    );
  });

  it('leaves what is not a decimal, or an unknown metric, to the rules that name those', () => {
    expect(targetProblem(MilestoneMetric.NEW_TECH_FIRMS, 'abc')).toBeNull();
    expect(targetProblem('NO_SUCH_METRIC', '1.5')).toBeNull();
  });
});
