import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { NotificationKind, OutboxService } from '@jcv/notifications';
import {
  type Actor,
  applyReach,
  BadInputError,
  ConflictError,
  isUuid,
  requireRecord,
  Role,
} from '@jcv/shared';
import { Tenant } from '@jcv/tenants';
import { ServiceProvidersService } from '../providers/service-providers.service.js';
import { ServiceRequest } from './service-request.entity.js';
import { ServiceRequestEventKind } from './service-request-event.entity.js';
import { RATEABLE_STATUSES, ServiceRequestStatus as S } from './service-request-status.enum.js';
import { moveRefusal } from './status-machine.js';
import { recordHistory } from './history.js';

/**
 * The changes a request goes through after it is opened. Each locks the request row, so two
 * changes to one request are made one after the other, each checked against the other's result.
 */
@Injectable()
export class ServiceRequestWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: ServiceProvidersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Gives an OPEN request to a provider, or an ASSIGNED one to another provider. The provider
   * must serve the request's category.
   */
  async assign(actor: Actor, id: string, providerId: string): Promise<ServiceRequest> {
    const provider = await this.providers.require(providerId);
    return this.dataSource.transaction(async (em) => {
      const before = await this.lock(em, id, actor);
      if (before.status !== S.OPEN && before.status !== S.ASSIGNED) {
        throw new ConflictError(
          `Only an OPEN or ASSIGNED request can be assigned; this one is ${before.status}`,
        );
      }
      if (before.assigneeId === provider.id) {
        throw new ConflictError(`The request is already assigned to ${provider.name}`);
      }
      if (!provider.categories.includes(before.category)) {
        throw new BadInputError(
          'providerId',
          `${provider.name} does not serve ${before.category} requests`,
        );
      }
      await em.getRepository(ServiceRequest).update(id, {
        status: S.ASSIGNED,
        assigneeId: provider.id,
      });
      await recordHistory(em, {
        requestId: id,
        kind: ServiceRequestEventKind.ASSIGNED,
        status: S.ASSIGNED,
        assigneeId: provider.id,
        note: `${before.assigneeId ? 'Reassigned' : 'Assigned'} to ${provider.name}`,
        actor,
      });
      const after = await this.finish(em, actor, 'assignServiceRequest', before);
      // A reassignment keeps the status: the firm has nothing new to hear.
      if (before.status !== after.status) await this.announce(em, after);
      return after;
    });
  }

  /** Moves a request along the state machine; a provider only the requests assigned to it. */
  async updateStatus(
    actor: Actor,
    id: string,
    status: S,
    note?: string | null,
  ): Promise<ServiceRequest> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lock(em, id, actor);
      if (before.status === S.OPEN && status === S.ASSIGNED) {
        throw new ConflictError(
          'A request becomes ASSIGNED when it is given to a provider: use assignServiceRequest',
        );
      }
      const refusal = moveRefusal(before.status, status);
      if (refusal) throw new ConflictError(refusal);
      const reopened = before.status === S.RESOLVED && status === S.IN_PROGRESS;
      await em.getRepository(ServiceRequest).update(id, {
        status,
        ...(status === S.RESOLVED ? { resolvedAt: () => 'now()' } : {}),
        // A reopened request is no longer resolved, and its next resolution is rated afresh.
        ...(reopened ? { resolvedAt: null, rating: null, ratingComment: null, ratedAt: null } : {}),
      });
      await recordHistory(em, {
        requestId: id,
        kind: ServiceRequestEventKind.STATUS_CHANGED,
        status,
        note: note?.trim() || null,
        actor,
      });
      const after = await this.finish(em, actor, 'updateServiceRequestStatus', before);
      await this.announce(em, after);
      return after;
    });
  }

  /** The firm rates a resolution once, 1 to 5. */
  async rate(
    actor: Actor,
    id: string,
    rating: number,
    comment?: string | null,
  ): Promise<ServiceRequest> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lock(em, id, actor);
      if (!RATEABLE_STATUSES.includes(before.status)) {
        throw new ConflictError(
          `A request can be rated once it is RESOLVED or CLOSED; this one is ${before.status}`,
        );
      }
      if (before.rating !== null) {
        throw new ConflictError(
          `This resolution was already rated ${before.rating}; a rating cannot be changed`,
        );
      }
      await em.getRepository(ServiceRequest).update(id, {
        rating,
        ratingComment: comment?.trim() || null,
        ratedAt: () => 'now()',
      });
      await recordHistory(em, {
        requestId: id,
        kind: ServiceRequestEventKind.RATED,
        status: before.status,
        rating,
        note: comment?.trim() || null,
        actor,
      });
      return this.finish(em, actor, 'rateServiceRequest', before);
    });
  }

  /**
   * Locks the request if it is within the caller's reach. Outside it, missing or not, is one
   * FORBIDDEN; only the committee, which may see every request, learns that one does not exist.
   */
  private async lock(em: EntityManager, id: string, actor: Actor): Promise<ServiceRequest> {
    const qb = em
      .getRepository(ServiceRequest)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write');
    const row = isUuid(id) ? await applyReach(qb, actor, 'ServiceRequest', 'r').getOne() : null;
    return requireRecord(actor, 'ServiceRequest', row, id);
  }

  /**
   * Tells the firm's administrators, and the endpoints that follow requests, of the request's
   * new status in the transaction that sets it. Each status is told once per request: a reopened
   * request notifies no one again of IN_PROGRESS, though its event is sent.
   */
  private async announce(em: EntityManager, r: ServiceRequest): Promise<void> {
    const tenant = await em.getRepository(Tenant).findOneByOrFail({ id: r.tenantId });
    await this.outbox.notify(em, {
      kind: NotificationKind.SERVICE_REQUEST_UPDATED,
      matter: `${r.id}:${r.status}`,
      to: { tenantId: r.tenantId, tenantRoles: [Role.TENANT_ADMIN] },
      params: { tenantName: tenant.name, title: r.title, status: r.status },
      link: '/service-desk',
    });
    await this.outbox.emit(em, 'service_request.updated', {
      requestId: r.id,
      tenantId: r.tenantId,
      status: r.status,
    });
  }

  private async finish(
    em: EntityManager,
    actor: Actor,
    operation: string,
    before: ServiceRequest,
  ): Promise<ServiceRequest> {
    const after = await em.getRepository(ServiceRequest).findOneByOrFail({ id: before.id });
    await this.audit.record(em, {
      actor,
      operation,
      entity: 'ServiceRequest',
      entityId: after.id,
      before,
      after,
    });
    return after;
  }
}
