import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Decimal } from 'decimal.js';
import { AuditService } from '@jcv/audit';
import { explainConstraint, pgError } from '@jcv/database';
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
import type { UpdatePolicyInput } from './update-policy.input.js';
import { checkRentRelief } from './rent-relief.js';

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

const belowGranted = (granted: string) =>
  `must be at least the ${new Decimal(granted).toFixed(2)} yuan already granted`;
const belowFirmGranted = (most: string) =>
  `must be at least ${new Decimal(most).toFixed(2)} yuan, the most already granted to one firm`;

async function mostGrantedToOneFirm(em: EntityManager, policyId: string): Promise<string> {
  const [{ most }] = await em.query(
    `SELECT coalesce(max(granted), 0)::text AS most FROM benefit_tenant_totals WHERE policy_id = $1`,
    [policyId],
  );
  return most;
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
    const rentRelief = checkRentRelief(input.kind, input.rentRelief);
    const rule = input.eligibility;
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Policy);
        const { identifiers } = await repo.insert({
          code: input.code,
          title: input.title.trim(),
          kind: input.kind,
          rentRelief,
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

  /**
   * Changes only the fields given; a rule given replaces the whole rule. The policy row is locked
   * as decideBenefit locks it, so a decision and a correction of one policy run one after the
   * other against exact totals; the CHECKs on the totals (policies.granted <= budget, each firm's
   * granted <= the cap copied into its row) are the database's last word behind that.
   */
  async update(actor: Actor, input: UpdatePolicyInput): Promise<Policy> {
    for (const field of ['title', 'basis'] as const) {
      if (input[field] != null && !input[field].trim()) {
        throw new BadInputError(field, 'must not be blank');
      }
    }
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Policy);
        const before = await repo.findOne({
          where: { id: input.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!before) throw new BadInputError('id', 'is not a known policy');
        const changes: Partial<Policy> = {};
        if (input.title != null) changes.title = input.title.trim();
        if (input.basis != null) changes.basis = input.basis.trim();
        if (input.budget != null) {
          if (new Decimal(input.budget).lt(before.granted)) {
            throw new BadInputError('budget', belowGranted(before.granted));
          }
          changes.budget = input.budget;
        }
        if (input.maxAmountPerTenant != null) {
          const most = await mostGrantedToOneFirm(em, before.id);
          if (new Decimal(input.maxAmountPerTenant).lt(most)) {
            throw new BadInputError('maxAmountPerTenant', belowFirmGranted(most));
          }
          changes.maxAmountPerTenant = input.maxAmountPerTenant;
        }
        const cap = changes.maxAmountPerTenant ?? before.maxAmountPerTenant;
        if (cap && new Decimal(cap).gt(changes.budget ?? before.budget)) {
          throw input.maxAmountPerTenant != null
            ? new BadInputError('maxAmountPerTenant', 'must not be more than budget')
            : new BadInputError('budget', `must not be less than maxAmountPerTenant ${cap}`);
        }
        if (input.validTo != null) {
          if (input.validTo < before.validFrom) {
            throw new BadInputError('validTo', `must be on or after validFrom ${before.validFrom}`);
          }
          changes.validTo = input.validTo;
        }
        if (input.eligibility) {
          const rule = input.eligibility;
          changes.zoneKinds = listOrNull(rule.zoneKinds);
          changes.requiredCertifications = listOrNull(rule.requiredCertifications);
          changes.industryChains = listOrNull(rule.industryChains);
          changes.minMonthsResident = rule.minMonthsResident ?? null;
        }
        if (!Object.keys(changes).length) return before;
        const policy = await this.audit.recordUpdate(em, Policy, before, changes, {
          actor,
          operation: 'updatePolicy',
          entity: 'Policy',
        });
        if (changes.maxAmountPerTenant) {
          // The per-firm rows carry their own copy of the cap for their CHECK.
          await em.query(`UPDATE benefit_tenant_totals SET cap = $2 WHERE policy_id = $1`, [
            before.id,
            changes.maxAmountPerTenant,
          ]);
        }
        return policy;
      });
    } catch (err) {
      // Reached only past the lock: say what is granted now.
      const constraint = pgError(err)?.constraint;
      if (constraint === 'policies_granted_within_budget') {
        const [{ granted }] = await this.dataSource.query(
          `SELECT granted::text AS granted FROM policies WHERE id = $1`,
          [input.id],
        );
        throw new BadInputError('budget', belowGranted(granted));
      }
      if (constraint === 'benefit_tenant_totals_within_cap') {
        const most = await mostGrantedToOneFirm(this.dataSource.manager, input.id);
        throw new BadInputError('maxAmountPerTenant', belowFirmGranted(most));
      }
      throw (await explainConstraint(err)) ?? err;
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
