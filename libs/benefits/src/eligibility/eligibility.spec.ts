import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ZoneKind } from '@jcv/park';
import { CertificationKind, IndustryChain } from '@jcv/tenants';
import { addMonths, wholeMonthsBetween } from './calendar.js';
import {
  type EligibilityFacts,
  type EligibilityRuleSpec,
  isEligible,
  isPolicyValidOn,
} from './eligibility.js';

const DAY = 86_400_000;
const BASE = Date.UTC(2000, 0, 1);
/** Any day from 2000 to about 2040. */
const dateArb = fc
  .integer({ min: 0, max: 15_000 })
  .map((n) => new Date(BASE + n * DAY).toISOString().slice(0, 10));
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const firm = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  zoneKind: ZoneKind.STARTUP,
  industryChain: IndustryChain.AI_PLUS,
  enteredOn: '2025-01-15',
  exitedOn: null,
  certifications: [],
  ...over,
});

const factsArb = fc.record({
  zoneKind: fc.constantFrom(...Object.values(ZoneKind)),
  industryChain: fc.constantFrom(...Object.values(IndustryChain)),
  enteredOn: dateArb,
  exitedOn: fc.option(dateArb, { nil: null }),
  certifications: fc.array(
    fc.record({
      kind: fc.constantFrom(...Object.values(CertificationKind)),
      issuedOn: dateArb,
      expiresOn: fc.option(dateArb, { nil: null }),
    }),
    { maxLength: 4 },
  ),
});

const subset = <T>(values: T[]) => fc.option(fc.subarray(values, { minLength: 0 }), { nil: null });

const ruleArb: fc.Arbitrary<EligibilityRuleSpec> = fc.record({
  zoneKinds: subset(Object.values(ZoneKind)),
  requiredCertifications: subset(Object.values(CertificationKind)),
  industryChains: subset(Object.values(IndustryChain)),
  minMonthsResident: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
});

describe('calendar months', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('counts whole months at the edges', () => {
    expect(wholeMonthsBetween('2025-01-15', '2025-04-14')).toBe(2);
    expect(wholeMonthsBetween('2025-01-15', '2025-04-15')).toBe(3);
    expect(wholeMonthsBetween('2025-01-31', '2025-02-27')).toBe(0);
    expect(wholeMonthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(wholeMonthsBetween('2025-03-01', '2025-03-01')).toBe(0);
    expect(wholeMonthsBetween('2024-02-29', '2025-02-28')).toBe(12);
  });

  it('whole months n satisfy addMonths(from, n) ≤ to < addMonths(from, n + 1)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 4000 }), (from, days) => {
        const to = shift(from, days);
        const n = wholeMonthsBetween(from, to);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(addMonths(from, n) <= to).toBe(true);
        expect(addMonths(from, n + 1) > to).toBe(true);
      }),
    );
  });
});

describe('isEligible', () => {
  const asOf = '2026-03-10';

  it('an empty rule admits every firm resident on the day', () => {
    expect(isEligible({}, firm(), asOf)).toEqual({ eligible: true, reasons: [] });
    expect(
      isEligible({ zoneKinds: [], requiredCertifications: [], industryChains: [] }, firm(), asOf)
        .eligible,
    ).toBe(true);
  });

  it('needs the firm resident on asOf: entered by then, and not left before it', () => {
    expect(isEligible({}, firm({ enteredOn: asOf }), asOf).eligible).toBe(true);
    const early = isEligible({}, firm({ enteredOn: '2026-03-11' }), asOf);
    expect(early.eligible).toBe(false);
    expect(early.reasons[0]).toMatch(/enters the park on 2026-03-11/);
    expect(isEligible({}, firm({ exitedOn: asOf }), asOf).eligible).toBe(true);
    expect(isEligible({}, firm({ exitedOn: '2026-03-09' }), asOf).reasons).toEqual([
      'the firm left the park on 2026-03-09',
    ]);
  });

  it('checks the zone kind and the industry chain', () => {
    const rule = { zoneKinds: [ZoneKind.STARTUP], industryChains: [IndustryChain.HYDROGEN] };
    expect(isEligible(rule, firm({ industryChain: IndustryChain.HYDROGEN }), asOf).eligible).toBe(
      true,
    );
    const r = isEligible(rule, firm({ zoneKind: ZoneKind.EXPANSION }), asOf);
    expect(r.reasons).toEqual([
      'the firm is in the EXPANSION zone; the policy is for STARTUP',
      "the firm's industry chain is AI_PLUS; the policy is for HYDROGEN",
    ]);
  });

  it('needs every required certificate valid on asOf, both ends inclusive', () => {
    const rule = { requiredCertifications: [CertificationKind.HIGH_TECH] };
    const cert = (issuedOn: string, expiresOn: string | null, kind = CertificationKind.HIGH_TECH) =>
      firm({ certifications: [{ kind, issuedOn, expiresOn }] });
    expect(isEligible(rule, cert(asOf, null), asOf).eligible).toBe(true);
    expect(isEligible(rule, cert('2023-01-01', asOf), asOf).eligible).toBe(true);
    expect(isEligible(rule, cert('2026-03-11', null), asOf).eligible).toBe(false);
    expect(isEligible(rule, cert('2023-01-01', '2026-03-09'), asOf).reasons).toEqual([
      'the firm holds no HIGH_TECH certificate valid on 2026-03-10',
    ]);
    expect(isEligible(rule, cert(asOf, null, CertificationKind.SRDI), asOf).eligible).toBe(false);
    const both = { requiredCertifications: [CertificationKind.HIGH_TECH, CertificationKind.SRDI] };
    expect(isEligible(both, cert('2024-01-01', null), asOf).reasons).toEqual([
      'the firm holds no SRDI certificate valid on 2026-03-10',
    ]);
  });

  it('counts whole months resident up to asOf', () => {
    const rule = { minMonthsResident: 3 };
    expect(isEligible(rule, firm({ enteredOn: '2025-12-10' }), asOf).eligible).toBe(true);
    const short = isEligible(rule, firm({ enteredOn: '2025-12-11' }), asOf);
    expect(short.reasons).toEqual([
      'the firm has been resident 2 whole month(s) on 2026-03-10; the policy needs at least 3',
    ]);
    expect(isEligible({ minMonthsResident: 0 }, firm({ enteredOn: asOf }), asOf).eligible).toBe(
      true,
    );
  });

  it('is eligible exactly when there is no reason against', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, dateArb, (rule, facts, day) => {
        const r = isEligible(rule, facts, day);
        expect(r.eligible).toBe(r.reasons.length === 0);
      }),
    );
  });

  it('a month short of the minimum is refused and the minimum itself admitted', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 3000 }), (enteredOn, days) => {
        const day = shift(enteredOn, days);
        const months = wholeMonthsBetween(enteredOn, day);
        const facts = firm({ enteredOn });
        expect(isEligible({ minMonthsResident: months }, facts, day).eligible).toBe(true);
        expect(isEligible({ minMonthsResident: months + 1 }, facts, day).eligible).toBe(false);
      }),
    );
  });

  it('a certificate counts exactly on the days from issue to expiry', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 2000 }), dateArb, (issuedOn, span, day) => {
        const expiresOn = shift(issuedOn, span);
        const facts = firm({
          enteredOn: '1999-01-01',
          certifications: [{ kind: CertificationKind.SRDI, issuedOn, expiresOn }],
        });
        const r = isEligible({ requiredCertifications: [CertificationKind.SRDI] }, facts, day);
        expect(r.eligible).toBe(issuedOn <= day && day <= expiresOn);
      }),
    );
  });

  it('a stricter rule never admits a firm the looser one refuses', () => {
    fc.assert(
      fc.property(ruleArb, ruleArb, factsArb, dateArb, (a, b, facts, day) => {
        // b adds its certificates and months to a: at least as strict.
        const stricter: EligibilityRuleSpec = {
          ...a,
          requiredCertifications: [
            ...(a.requiredCertifications ?? []),
            ...(b.requiredCertifications ?? []),
          ],
          minMonthsResident: Math.max(a.minMonthsResident ?? 0, b.minMonthsResident ?? 0),
        };
        if (isEligible(stricter, facts, day).eligible) {
          expect(isEligible(a, facts, day).eligible).toBe(true);
        }
      }),
    );
  });

  it('a zone or chain list admits exactly the firms it names', () => {
    fc.assert(
      fc.property(
        fc.subarray(Object.values(ZoneKind), { minLength: 1 }),
        fc.subarray(Object.values(IndustryChain), { minLength: 1 }),
        factsArb,
        (zoneKinds, industryChains, facts) => {
          const resident = { ...facts, enteredOn: '2000-01-01', exitedOn: null };
          const r = isEligible({ zoneKinds, industryChains }, resident, '2030-01-01');
          expect(r.eligible).toBe(
            zoneKinds.includes(facts.zoneKind) && industryChains.includes(facts.industryChain),
          );
        },
      ),
    );
  });
});

describe('isPolicyValidOn', () => {
  it('includes both ends and treats no end as open', () => {
    const p = { validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect(isPolicyValidOn(p, '2026-01-01')).toBe(true);
    expect(isPolicyValidOn(p, '2026-12-31')).toBe(true);
    expect(isPolicyValidOn(p, '2025-12-31')).toBe(false);
    expect(isPolicyValidOn(p, '2027-01-01')).toBe(false);
    expect(isPolicyValidOn({ validFrom: '2026-01-01', validTo: null }, '2099-01-01')).toBe(true);
  });
});
