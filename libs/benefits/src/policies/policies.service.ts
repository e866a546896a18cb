import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Decimal } from 'decimal.js';
import { AuditService } from '@jcv/audit';
import { explainConstraint } from '@jcv/database';
import {
  type Actor,
  assertInReach,
  BadInputError,
  isUuid,
  NotFoundError,
  todayInShanghai,
} from '@jcv/shared';
import { isEligible, isPolicyValidOn } from '../eligibility/eligibility.js';
import { loadEligibilityFacts } from '../eligibility/eligibility-facts.js';
import { Policy } from './policy.entity.js';
import type { EligibilityRule } from './eligibility-rule.type.js';
import type { CreatePolicyInput } from './create-policy.input.js';

/** An empty list sets no condition, the same as none: both are stored as null. */
const listOrNull = <T>(list: T[] | null | undefined): T[] | null =>
  list && list.length ? list : null;

export function eligibilityOf(policy: Policy): EligibilityRule {
  return {
    zoneKinds: policy.zoneKinds,
    requiredCertifications: policy.requiredCertifications,
    industryChains: policy.industryChains,
    minMonthsResident: policy.minMonthsResident,
  };
}

export function remainingOf(policy: Pick<Policy, 'budget' | 'granted'>): string {
  return new Decimal(policy.budget).minus(policy.granted).toFixed(2);
}

@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Policy[]> {
    return this.dataSource.getRepository(Policy).find({ order: { code: 'ASC' } });
  }

  async create(actor: Actor, input: CreatePolicyInput): Promise<Policy> {
    if (input.validTo && input.validTo < input.validFrom) {
      throw new BadInputError('validTo', 'must be on or after validFrom');
    }
    if (input.maxAmountPerTenant && new Decimal(input.maxAmountPerTenant).gt(input.budget)) {
      throw new BadInputError('maxAmountPerTenant', 'must not be more than budget');
    }
    for (const field of ['title', 'basis'] as const) {
      if (!input[field].trim()) throw new BadInputError(field, 'must not be blank');
    }
    const rule = input.eligibility;
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Policy);
        const { identifiers } = await repo.insert({
          code: input.code,
          title: input.title.trim(),
          kind: input.kind,
          basis: input.basis.trim(),
          maxAmountPerTenant: input.maxAmountPerTenant ?? null,
          budget: input.budget,
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
          zoneKinds: listOrNull(rule.zoneKinds),
          requiredCertifications: listOrNull(rule.requiredCertifications),
          industryChains: listOrNull(rule.industryChains),
          minMonthsResident: rule.minMonthsResident ?? null,
          createdBy: actor.userId,
        });
        const policy = await repo.findOneByOrFail({ id: identifiers[0].id });
        await this.audit.record(em, {
          actor,
          operation: 'createPolicy',
          entity: 'Policy',
          entityId: policy.id,
          after: policy,
        });
        return policy;
      });
    } catch (err) {
      throw (await explainConstraint(err, { code: input.code })) ?? err;
    }
  }

  /** The policies valid on asOf (default: today in Shanghai) whose rule the firm meets then. */
  async eligible(actor: Actor, tenantId: string, asOf?: string | null): Promise<Policy[]> {
    assertInReach(actor, 'Tenant', { id: tenantId });
    const day = asOf ?? todayInShanghai();
    const facts = isUuid(tenantId)
      ? await loadEligibilityFacts(this.dataSource.manager, tenantId)
      : null;
    if (!facts) throw new NotFoundError('Tenant', tenantId);
    const valid = await this.dataSource
      .getRepository(Policy)
      .createQueryBuilder('p')
      .where('p.valid_from <= :day AND (p.valid_to IS NULL OR p.valid_to >= :day)', { day })
      .orderBy('p.code', 'ASC')
      .getMany();
    return valid.filter(
      (p) => isPolicyValidOn(p, day) && isEligible(eligibilityOf(p), facts, day).eligible,
    );
  }

  policyLoader(): DataLoader<string, Policy | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(Policy).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
