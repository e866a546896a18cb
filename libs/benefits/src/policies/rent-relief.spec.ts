import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '@jcv/shared';
import { PolicyKind } from './policy-kind.enum.js';
import { checkRentRelief, parseRentRelief, type RentReliefValue } from './rent-relief.js';

const WUHAN: RentReliefValue = {
  steps: [
    { fromMonth: 13, toMonth: 36, share: '0.50' },
    { fromMonth: 1, toMonth: 12, share: '1.0000' },
  ],
  maxRatePerSqm: '80',
  maxArea: '1000.5',
};

/** The fields a refusal names, or null when the rule passes. */
function refused(input: unknown, kind = PolicyKind.RENT_SUBSIDY): string[] | null {
  try {
    checkRentRelief(kind, input as RentReliefValue);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(BadInputError);
    return (err as BadInputError).fields!.map((f) => f.field);
  }
}

const withStep = (step: Partial<RentReliefValue['steps'][number]>) => ({
  steps: [{ fromMonth: 1, toMonth: 12, share: '1', ...step }],
});

describe('checkRentRelief', () => {
  it('normalises a valid rule: steps in month order, canonical shares and limits', () => {
    expect(checkRentRelief(PolicyKind.RENT_SUBSIDY, WUHAN)).toEqual({
      steps: [
        { fromMonth: 1, toMonth: 12, share: '1' },
        { fromMonth: 13, toMonth: 36, share: '0.5' },
      ],
      maxRatePerSqm: '80.00',
      maxArea: '1000.50',
    });
    expect(
      checkRentRelief(PolicyKind.RENT_SUBSIDY, {
        steps: [{ fromMonth: 1, toMonth: 1200, share: '0.0001' }],
      }),
    ).toEqual({
      steps: [{ fromMonth: 1, toMonth: 1200, share: '0.0001' }],
      maxRatePerSqm: null,
      maxArea: null,
    });
  });

  it('takes a rule left out as no relief, whatever the kind', () => {
    expect(checkRentRelief(PolicyKind.RD_SUBSIDY, null)).toBeNull();
    expect(checkRentRelief(PolicyKind.RENT_SUBSIDY, undefined)).toBeNull();
  });

  it('refuses a rule on a policy that is not a rent subsidy, naming rentRelief', () => {
    for (const kind of Object.values(PolicyKind).filter((k) => k !== PolicyKind.RENT_SUBSIDY)) {
      expect(refused(WUHAN, kind)).toEqual(['rentRelief']);
    }
  });

  it('refuses each broken rule naming its field', () => {
    const cases: [unknown, string][] = [
      [{ steps: [] }, 'steps'],
      [{ steps: null }, 'steps'],
      [
        {
          steps: Array.from({ length: 25 }, (_, i) => ({
            fromMonth: i + 1,
            toMonth: i + 1,
            share: '1',
          })),
        },
        'steps',
      ],
      [withStep({ fromMonth: 0 }), 'fromMonth'],
      [withStep({ fromMonth: 1.5 }), 'fromMonth'],
      [withStep({ fromMonth: 1201 }), 'fromMonth'],
      [withStep({ toMonth: 1201 }), 'toMonth'],
      [withStep({ fromMonth: 12, toMonth: 11 }), 'toMonth'],
      [withStep({ share: '0' }), 'share'],
      [withStep({ share: '-0.5' }), 'share'],
      [withStep({ share: '1.0001' }), 'share'],
      [withStep({ share: '0.00005' }), 'share'],
      [withStep({ share: 'half' }), 'share'],
      [{ ...withStep({}), maxRatePerSqm: '0' }, 'maxRatePerSqm'],
      [{ ...withStep({}), maxRatePerSqm: '80.001' }, 'maxRatePerSqm'],
      [{ ...withStep({}), maxArea: '-1' }, 'maxArea'],
      [{ ...withStep({}), maxArea: '0.005' }, 'maxArea'],
      [
        {
          steps: [
            { fromMonth: 1, toMonth: 12, share: '1' },
            { fromMonth: 12, toMonth: 24, share: '0.5' },
          ],
        },
        'fromMonth',
      ],
      [
        {
          steps: [
            { fromMonth: 5, toMonth: 6, share: '1' },
            { fromMonth: 1, toMonth: 36, share: '0.5' },
          ],
        },
        'fromMonth',
      ],
    ];
    for (const [input, field] of cases) {
      expect([input, refused(input)]).toEqual([input, [field]]);
    }
  });

  it('says which steps overlap', () => {
    expect(() =>
      checkRentRelief(PolicyKind.RENT_SUBSIDY, {
        steps: [
          { fromMonth: 13, toMonth: 24, share: '0.5' },
          { fromMonth: 1, toMonth: 13, share: '1' },
        ],
      }),
    ).toThrow('fromMonth: steps must not overlap: months 1–13 and 13–24');
  });

  it('names every broken field of one rule', () => {
    expect(
      refused({
        steps: [{ fromMonth: 0, toMonth: 3, share: '2' }],
        maxRatePerSqm: '0',
        maxArea: '1000',
      }),
    ).toEqual(['fromMonth', 'share', 'maxRatePerSqm']);
  });

  it('lets adjacent steps touch', () => {
    expect(
      refused({
        steps: [
          { fromMonth: 1, toMonth: 12, share: '1' },
          { fromMonth: 13, toMonth: 13, share: '0.25' },
        ],
      }),
    ).toBeNull();
  });
});

describe('parseRentRelief', () => {
  it('reads what checkRentRelief stored, as an object or as its JSON text', () => {
    const stored = checkRentRelief(PolicyKind.RENT_SUBSIDY, WUHAN);
    expect(parseRentRelief(stored)).toEqual(stored);
    expect(parseRentRelief(JSON.stringify(stored))).toEqual(stored);
  });

  it('reads no rule as null', () => {
    expect(parseRentRelief(null)).toBeNull();
    expect(parseRentRelief(undefined)).toBeNull();
  });
});
