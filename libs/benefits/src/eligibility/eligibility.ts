import type { ZoneKind } from '@jcv/park';
import type { CertificationKind, IndustryChain } from '@jcv/tenants';
import { wholeMonthsBetween } from './calendar.js';

/** What a policy asks of a firm. A list left out (or empty) sets no condition. */
export interface EligibilityRuleSpec {
  zoneKinds?: readonly ZoneKind[] | null;
  /** Every kind listed is needed, each with a certificate valid on the day. */
  requiredCertifications?: readonly CertificationKind[] | null;
  industryChains?: readonly IndustryChain[] | null;
  minMonthsResident?: number | null;
}

export interface CertificationFact {
  kind: CertificationKind;
  issuedOn: string;
  expiresOn: string | null;
}

/** What the park knows of a firm that a rule can ask about. */
export interface EligibilityFacts {
  zoneKind: ZoneKind;
  industryChain: IndustryChain;
  enteredOn: string;
  exitedOn: string | null;
  certifications: readonly CertificationFact[];
}

export interface Eligibility {
  eligible: boolean;
  /** Why not, one sentence per unmet condition; empty when eligible. */
  reasons: string[];
}

/** Resident on D: entered on or before D and not exited before D (the exit day still counts). */
export function isResidentOn(
  facts: Pick<EligibilityFacts, 'enteredOn' | 'exitedOn'>,
  asOf: string,
) {
  return facts.enteredOn <= asOf && (facts.exitedOn === null || facts.exitedOn >= asOf);
}

/** Valid on D: issued on or before D and not expired before D. */
export function isCertificateValidOn(cert: CertificationFact, asOf: string): boolean {
  return cert.issuedOn <= asOf && (cert.expiresOn === null || cert.expiresOn >= asOf);
}

const listed = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  !!list && list.length > 0;

/**
 * Whether a firm meets a policy's rule on asOf, and if not, every reason why. The one place the
 * rule is decided: eligiblePolicies lists with it and applyForBenefit is guarded by it.
 */
export function isEligible(
  rule: EligibilityRuleSpec,
  facts: EligibilityFacts,
  asOf: string,
): Eligibility {
  const reasons: string[] = [];
  if (facts.enteredOn > asOf) {
    reasons.push(`the firm enters the park on ${facts.enteredOn}, after ${asOf}`);
  } else if (facts.exitedOn !== null && facts.exitedOn < asOf) {
    reasons.push(`the firm left the park on ${facts.exitedOn}`);
  }
  if (listed(rule.zoneKinds) && !rule.zoneKinds.includes(facts.zoneKind)) {
    reasons.push(
      `the firm is in the ${facts.zoneKind} zone; the policy is for ${rule.zoneKinds.join(', ')}`,
    );
  }
  if (listed(rule.industryChains) && !rule.industryChains.includes(facts.industryChain)) {
    reasons.push(
      `the firm's industry chain is ${facts.industryChain}; the policy is for ${rule.industryChains.join(', ')}`,
    );
  }
  if (listed(rule.requiredCertifications)) {
    for (const kind of new Set(rule.requiredCertifications)) {
      const valid = facts.certifications.some(
        (c) => c.kind === kind && isCertificateValidOn(c, asOf),
      );
      if (!valid) reasons.push(`the firm holds no ${kind} certificate valid on ${asOf}`);
    }
  }
  const minMonths = rule.minMonthsResident ?? 0;
  if (minMonths > 0) {
    const months = Math.max(0, wholeMonthsBetween(facts.enteredOn, asOf));
    if (months < minMonths) {
      reasons.push(
        `the firm has been resident ${months} whole month(s) on ${asOf}; the policy needs at least ${minMonths}`,
      );
    }
  }
  return { eligible: reasons.length === 0, reasons };
}

/** A policy applies on D when D lies in [validFrom, validTo] (validTo null: open-ended). */
export function isPolicyValidOn(
  policy: { validFrom: string; validTo: string | null },
  asOf: string,
): boolean {
  return policy.validFrom <= asOf && (policy.validTo === null || policy.validTo >= asOf);
}
