import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { NotificationKind, OutboxService } from '@jcv/notifications';
import { ParkService } from '@jcv/park';
import {
  type Actor,
  applyReach,
  assertInReach,
  BadInputError,
  ConflictError,
  isUuid,
  NotFoundError,
  Role,
} from '@jcv/shared';
import { TenantStatus, TenantsService } from '@jcv/tenants';
import { SpaceApplication } from './space-application.entity.js';
import { SpaceApplicationStatus } from '../space.enum.js';
import type { ApplyForSpaceInput } from './apply-for-space.input.js';
import { LeasesService } from '../leases/leases.service.js';

const MAX_NOTE = 2000;

function checkNote(note: string | null | undefined, required: boolean): string | null {
  const trimmed = note?.trim() ?? '';
  if (!trimmed) {
    if (required) throw new BadInputError('note', 'must say why (1 to 2000 characters)');
    return null;
  }
  if (trimmed.length > MAX_NOTE) throw new BadInputError('note', 'must be 1 to 2000 characters');
  return trimmed;
}

@Injectable()
export class SpaceApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly park: ParkService,
    private readonly leases: LeasesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** A firm applies for itself (the token says which firm); ADMIN may apply for any. */
  async apply(actor: Actor, input: ApplyForSpaceInput): Promise<SpaceApplication> {
    assertInReach(actor, 'Tenant', { id: input.tenantId });
    if (input.toDate < input.fromDate) {
      throw new BadInputError('toDate', `must not be before fromDate (${input.fromDate})`);
    }
    const tenant = await this.tenants.requireTenant(input.tenantId);
    if (tenant.status !== TenantStatus.RESIDENT) {
      throw new ConflictError(`${tenant.name} left the park on ${tenant.exitedOn}`);
    }
    await this.park.requireZone(input.zoneId);
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(SpaceApplication);
      const application = await repo.save(
        repo.create({
          tenantId: tenant.id,
          zoneId: input.zoneId,
          unitKind: input.unitKind,
          area: input.area,
          fromDate: input.fromDate,
          toDate: input.toDate,
          purpose: input.purpose.trim(),
          status: SpaceApplicationStatus.SUBMITTED,
          leaseId: null,
          decisionNote: null,
          submittedBy: actor.userId,
        }),
      );
      await this.audit.record(em, {
        actor,
        operation: 'applyForSpace',
        entity: 'SpaceApplication',
        entityId: application.id,
        after: application,
      });
      return application;
    });
  }

  /**
   * Approves onto a unit of the zone applied for, letting it for the dates applied for in the
   * same transaction and through the same allocation as allocateUnit: an overlap is refused the
   * same way and leaves the application SUBMITTED.
   */
  async approve(
    actor: Actor,
    id: string,
    unitId: string,
    note?: string | null,
  ): Promise<SpaceApplication> {
    const decisionNote = checkNote(note, false);
    if (!isUuid(unitId)) throw new BadInputError('unitId', 'is not a known unit');
    const pending = await this.pending(id);
    return this.leases.explainingOverlap(
      { unitId, startDate: pending.fromDate, endDate: pending.toDate },
      () =>
        this.dataSource.transaction(async (em) => {
          const repo = em.getRepository(SpaceApplication);
          const before = await this.lockSubmitted(repo, id);
          const [unit] = await em.query(
            `SELECT b.zone_id AS "zoneId" FROM units u JOIN buildings b ON b.id = u.building_id
              WHERE u.id = $1`,
            [unitId],
          );
          if (!unit) throw new BadInputError('unitId', 'is not a known unit');
          if (unit.zoneId !== before.zoneId) {
            throw new BadInputError('unitId', 'is not in the zone applied for');
          }
          const lease = await this.leases.allocateIn(
            em,
            actor,
            {
              unitId,
              tenantId: before.tenantId,
              startDate: before.fromDate,
              endDate: before.toDate,
            },
            'approveSpaceApplication',
            { startDate: 'fromDate', endDate: 'toDate' },
          );
          await repo.update(
            { id },
            {
              status: SpaceApplicationStatus.APPROVED,
              leaseId: lease.id,
              decisionNote,
              decidedBy: actor.userId,
              decidedAt: new Date(),
            },
          );
          return this.decided(em.getRepository(SpaceApplication), actor, before, 'approve');
        }),
    );
  }

  async reject(actor: Actor, id: string, note: string): Promise<SpaceApplication> {
    const decisionNote = checkNote(note, true);
    await this.pending(id);
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(SpaceApplication);
      const before = await this.lockSubmitted(repo, id);
      await repo.update(
        { id },
        {
          status: SpaceApplicationStatus.REJECTED,
          decisionNote,
          decidedBy: actor.userId,
          decidedAt: new Date(),
        },
      );
      return this.decided(repo, actor, before, 'reject');
    });
  }

  /** Newest first; a firm's users get their own firm's. */
  list(actor: Actor, status?: SpaceApplicationStatus): Promise<SpaceApplication[]> {
    const qb = this.dataSource.getRepository(SpaceApplication).createQueryBuilder('a');
    applyReach(qb, actor, 'SpaceApplication', 'a');
    if (status) qb.andWhere('a.status = :status', { status });
    return qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').getMany();
  }

  /** The application before any transaction, for its dates (checked again under the lock). */
  private async pending(id: string): Promise<SpaceApplication> {
    const application = isUuid(id)
      ? await this.dataSource.getRepository(SpaceApplication).findOneBy({ id })
      : null;
    if (!application) throw new NotFoundError('SpaceApplication', id);
    return application;
  }

  private async lockSubmitted(
    repo: Repository<SpaceApplication>,
    id: string,
  ): Promise<SpaceApplication> {
    const application = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application) throw new NotFoundError('SpaceApplication', id);
    if (application.status !== SpaceApplicationStatus.SUBMITTED) {
      throw new ConflictError(`This application was already decided: ${application.status}`);
    }
    return application;
  }

  private async decided(
    repo: Repository<SpaceApplication>,
    actor: Actor,
    before: SpaceApplication,
    decision: 'approve' | 'reject',
  ): Promise<SpaceApplication> {
    const after = await repo.findOneByOrFail({ id: before.id });
    await this.audit.record(repo.manager, {
      actor,
      operation: decision === 'approve' ? 'approveSpaceApplication' : 'rejectSpaceApplication',
      entity: 'SpaceApplication',
      entityId: before.id,
      before,
      after,
    });
    const tenant = await this.tenants.requireTenant(after.tenantId, 'tenantId', repo.manager);
    await this.outbox.notify(repo.manager, {
      kind: NotificationKind.SPACE_APPLICATION_DECIDED,
      matter: after.id,
      to: { tenantId: after.tenantId, tenantRoles: [Role.TENANT_ADMIN] },
      params: {
        tenantName: tenant.name,
        approved: decision === 'approve',
        note: after.decisionNote,
      },
      link: '/space/applications',
    });
    return after;
  }
}
