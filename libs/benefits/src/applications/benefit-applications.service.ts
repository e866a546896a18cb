import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { explainConstraint } from '@jcv/database';
import { NotificationKind, OutboxService } from '@jcv/notifications';
import {
  type Actor,
  applyReach,
  assertInReach,
  BadInputError,
  ConflictError,
  isUuid,
  requireRecord,
  Role,
  todayInShanghai,
} from '@jcv/shared';
import { Tenant } from '@jcv/tenants';
import { isEligible, isPolicyValidOn } from '../eligibility/eligibility.js';
import { loadEligibilityFacts } from '../eligibility/eligibility-facts.js';
import { Policy } from '../policies/policy.entity.js';
import { eligibilityOf } from '../policies/policies.service.js';
import type { GrantInput } from '../benefits.constraints.js';
import { BenefitApplication } from './benefit-application.entity.js';
import { BenefitStatus } from './benefit-status.enum.js';
import { grantRefusal, grantRoom } from './grant-room.js';
import type { ApplyForBenefitInput } from './apply-for-benefit.input.js';
import type { DecideBenefitInput } from './decide-benefit.input.js';

const money = (v: string) => new Decimal(v).toFixed(2);

@Injectable()
export class BenefitApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Newest first, of the caller's reach: a firm's users see only their own firm's. */
  list(actor: Actor, status?: BenefitStatus | null, tenantId?: string | null) {
    const qb = this.dataSource.getRepository(BenefitApplication).createQueryBuilder('a');
    applyReach(qb, actor, 'BenefitApplication', 'a');
    if (tenantId) qb.andWhere('a.tenant_id = :tenant', { tenant: tenantId });
    if (status) qb.andWhere('a.status = :status', { status });
    return qb.orderBy('a.submitted_at', 'DESC').addOrderBy('a.id', 'DESC').getMany();
  }

  /**
   * A firm applies on its own behalf (an ADMIN for any firm). It must be eligible today, under
   * the same rule eligiblePolicies lists by, and ask for no more than its cap leaves.
   */
  async apply(actor: Actor, input: ApplyForBenefitInput): Promise<BenefitApplication> {
    assertInReach(actor, 'Tenant', { id: input.tenantId });
    const justification = input.justification.trim();
    if (!justification) throw new BadInputError('justification', 'must not be blank');
    const today = todayInShanghai();
    return this.dataSource.transaction(async (em) => {
      const policy = await em.getRepository(Policy).findOneBy({ id: input.policyId });
      if (!policy) throw new BadInputError('policyId', 'is not a known policy');
      const facts = await loadEligibilityFacts(em, input.tenantId);
      if (!facts) throw new BadInputError('tenantId', 'is not a registered tenant');
      if (!isPolicyValidOn(policy, today)) {
        throw new ConflictError(
          `Policy ${policy.code} is open from ${policy.validFrom}${policy.validTo ? ` to ${policy.validTo}` : ''}, not on ${today}`,
        );
      }
      const eligibility = isEligible(eligibilityOf(policy), facts, today);
      if (!eligibility.eligible) {
        throw new ConflictError(
          `The firm is not eligible for policy ${policy.code} on ${today}: ${eligibility.reasons.join('; ')}`,
        );
      }
      const room = grantRoom({
        ...policy,
        cap: policy.maxAmountPerTenant,
        ...(await this.tenantGranted(em, policy.id, input.tenantId)),
      });
      if (room.tenantLeft !== null && new Decimal(input.requestedAmount).gt(room.tenantLeft)) {
        throw new BadInputError(
          'requestedAmount',
          `must be at most ${room.tenantLeft}, what the per-firm cap of ${money(policy.maxAmountPerTenant!)} leaves`,
        );
      }
      if (new Decimal(room.left).isZero()) {
        throw new ConflictError(`Policy ${policy.code} has no budget left`);
      }
      const repo = em.getRepository(BenefitApplication);
      const { identifiers } = await repo.insert({
        policyId: policy.id,
        tenantId: input.tenantId,
        requestedAmount: input.requestedAmount,
        justification,
        status: BenefitStatus.SUBMITTED,
        submittedBy: actor.userId,
      });
      const application = await repo.findOneByOrFail({ id: identifiers[0].id });
      await this.audit.record(em, {
        actor,
        operation: 'applyForBenefit',
        entity: 'BenefitApplication',
        entityId: application.id,
        after: application,
      });
      return application;
    });
  }

  /**
   * Approves with a granted amount or rejects with a note. The policy row is locked for the
   * decision, so concurrent approvals of one policy are decided one after the other against
   * exact totals; the CHECKs on the totals are the database's own guarantee behind that.
   */
  async decide(actor: Actor, input: DecideBenefitInput): Promise<BenefitApplication> {
    if (!input.approve && input.grantedAmount) {
      throw new BadInputError('grantedAmount', 'is only for an approval');
    }
    if (!input.approve && !input.note?.trim()) {
      throw new BadInputError('note', 'is required to reject an application');
    }
    try {
      return await this.dataSource.transaction(async (em) => {
        const before = await this.lockSubmitted(
          em,
          actor,
          input.id,
          input.approve ? 'approve' : 'reject',
        );
        const repo = em.getRepository(BenefitApplication);
        if (input.approve) {
          const amount = input.grantedAmount ?? before.requestedAmount;
          if (new Decimal(amount).gt(before.requestedAmount)) {
            throw new BadInputError(
              'grantedAmount',
              `must be at most the requested ${money(before.requestedAmount)}`,
            );
          }
          const policy = await em.getRepository(Policy).findOneOrFail({
            where: { id: before.policyId },
            lock: { mode: 'pessimistic_write' },
          });
          const state = {
            ...policy,
            cap: policy.maxAmountPerTenant,
            ...(await this.tenantGranted(em, policy.id, before.tenantId)),
          };
          const refusal = grantRefusal(state, amount, policy.code);
          if (refusal) throw new ConflictError(refusal);
          await repo.update(before.id, {
            status: BenefitStatus.APPROVED,
            grantedAmount: amount,
            note: input.note?.trim() || null,
            decidedAt: () => 'now()',
            decidedBy: actor.userId,
          });
        } else {
          await repo.update(before.id, {
            status: BenefitStatus.REJECTED,
            note: input.note!.trim(),
            decidedAt: () => 'now()',
            decidedBy: actor.userId,
          });
        }
        const after = await this.finish(em, actor, 'decideBenefit', before);
        await this.announceDecision(em, after);
        return after;
      });
    } catch (err) {
      const grant: GrantInput = { db: this.dataSource, applicationId: input.id };
      throw (await explainConstraint(err, grant)) ?? err;
    }
  }

  async markDisbursed(actor: Actor, id: string): Promise<BenefitApplication> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lock(em, actor, id);
      if (before.status !== BenefitStatus.APPROVED) {
        throw new ConflictError(
          `Only an APPROVED application can be marked disbursed; this one is ${before.status}`,
        );
      }
      await em.getRepository(BenefitApplication).update(id, {
        status: BenefitStatus.DISBURSED,
        disbursedAt: () => 'now()',
        disbursedBy: actor.userId,
      });
      return this.finish(em, actor, 'markBenefitDisbursed', before);
    });
  }

  /** A firm takes back an application that has not been decided. */
  async withdraw(actor: Actor, id: string): Promise<BenefitApplication> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lock(em, actor, id);
      if (before.status !== BenefitStatus.SUBMITTED) {
        throw new ConflictError(
          `Only a SUBMITTED application can be withdrawn; this one is ${before.status}`,
        );
      }
      await em.getRepository(BenefitApplication).update(id, {
        status: BenefitStatus.WITHDRAWN,
        withdrawnAt: () => 'now()',
      });
      return this.finish(em, actor, 'withdrawBenefitApplication', before);
    });
  }

  /**
   * Locks the application if it is in the caller's reach: for a firm's user, another firm's and
   * one that does not exist are one FORBIDDEN, so that ids cannot be probed; the committee is
   * told NOT_FOUND.
   */
  private async lock(em: EntityManager, actor: Actor, id: string): Promise<BenefitApplication> {
    const qb = em
      .getRepository(BenefitApplication)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write');
    const row = isUuid(id) ? await applyReach(qb, actor, 'BenefitApplication', 'a').getOne() : null;
    return requireRecord(actor, 'BenefitApplication', row, id);
  }

  private async lockSubmitted(em: EntityManager, actor: Actor, id: string, verb: string) {
    const row = await this.lock(em, actor, id);
    if (row.status !== BenefitStatus.SUBMITTED) {
      throw new ConflictError(
        `Only a SUBMITTED application can be decided; cannot ${verb} one that is ${row.status}`,
      );
    }
    return row;
  }

  /**
   * Tells the firm's administrators of the decision, and the endpoints that follow benefits, in
   * the decision's own transaction: a decision rolled back tells no one.
   */
  private async announceDecision(em: EntityManager, a: BenefitApplication): Promise<void> {
    const tenant = await em.getRepository(Tenant).findOneByOrFail({ id: a.tenantId });
    const policy = await em.getRepository(Policy).findOneByOrFail({ id: a.policyId });
    const approved = a.status === BenefitStatus.APPROVED;
    const amount = approved ? a.grantedAmount : null;
    await this.outbox.notify(em, {
      kind: NotificationKind.BENEFIT_DECIDED,
      matter: a.id,
      to: { tenantId: a.tenantId, tenantRoles: [Role.TENANT_ADMIN] },
      params: { tenantName: tenant.name, policyName: policy.title, approved, amount, note: a.note },
      link: '/benefits',
    });
    await this.outbox.emit(em, 'benefit.decided', {
      applicationId: a.id,
      tenantId: a.tenantId,
      policyId: a.policyId,
      status: a.status,
      amount,
    });
  }

  private async tenantGranted(em: EntityManager, policyId: string, tenantId: string) {
    const [row] = await em.query(
      `SELECT granted FROM benefit_tenant_totals WHERE policy_id = $1 AND tenant_id = $2`,
      [policyId, tenantId],
    );
    return { tenantGranted: (row?.granted as string | undefined) ?? '0' };
  }

  private async finish(
    em: EntityManager,
    actor: Actor,
    operation: string,
    before: BenefitApplication,
  ): Promise<BenefitApplication> {
    const after = await em.getRepository(BenefitApplication).findOneByOrFail({ id: before.id });
    await this.audit.record(em, {
      actor,
      operation,
      entity: 'BenefitApplication',
      entityId: after.id,
      before,
      after,
    });
    return after;
  }
}
