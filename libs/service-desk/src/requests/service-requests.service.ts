import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { type Actor, applyReach, assertInReach, BadInputError, ConflictError } from '@jcv/shared';
import { TenantStatus, TenantsService } from '@jcv/tenants';
import { openServiceRequestsCount } from '../open-service-requests.js';
import { ServiceRequest } from './service-request.entity.js';
import { ServiceRequestEvent, ServiceRequestEventKind } from './service-request-event.entity.js';
import { ServiceRequestStatus } from './service-request-status.enum.js';
import { recordHistory } from './history.js';
import type { ResponseHours } from './response-times.js';
import type { OpenServiceRequestInput } from './open-service-request.input.js';
import type { ServiceRequestsArgs } from './service-requests.args.js';

export const RESPONSE_HOURS = Symbol('RESPONSE_HOURS');

@Injectable()
export class ServiceRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RESPONSE_HOURS) private readonly hours: ResponseHours,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A firm opens a request for itself; the service desk or an ADMIN for any resident firm. It is
   * due the category's response time after it is opened.
   */
  async open(actor: Actor, input: OpenServiceRequestInput): Promise<ServiceRequest> {
    assertInReach(actor, 'Tenant', { id: input.tenantId });
    for (const field of ['title', 'description'] as const) {
      if (!input[field].trim()) throw new BadInputError(field, 'must not be blank');
    }
    const tenant = await this.tenants.requireTenant(input.tenantId);
    if (tenant.status !== TenantStatus.RESIDENT) {
      throw new ConflictError(`${tenant.name} left the park on ${tenant.exitedOn}`);
    }
    return this.dataSource.transaction(async (em) => {
      const [{ id }] = await em.query(
        `INSERT INTO service_requests (tenant_id, category, title, description, due_at, opened_by)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5), $6) RETURNING id`,
        [
          tenant.id,
          input.category,
          input.title.trim(),
          input.description.trim(),
          this.hours[input.category],
          actor.userId,
        ],
      );
      await recordHistory(em, {
        requestId: id,
        kind: ServiceRequestEventKind.OPENED,
        status: ServiceRequestStatus.OPEN,
        actor,
      });
      const request = await em.getRepository(ServiceRequest).findOneByOrFail({ id });
      await this.audit.record(em, {
        actor,
        operation: 'openServiceRequest',
        entity: 'ServiceRequest',
        entityId: id,
        after: request,
      });
      return request;
    });
  }

  /** Newest first: a firm's own, a provider's assigned ones, or for the committee all. */
  list(actor: Actor, args: ServiceRequestsArgs): Promise<ServiceRequest[]> {
    const qb = this.dataSource.getRepository(ServiceRequest).createQueryBuilder('r');
    applyReach(qb, actor, 'ServiceRequest', 'r');
    if (args.tenantId) qb.andWhere('r.tenant_id = :tenant', { tenant: args.tenantId });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').getMany();
  }

  /** Each request's history, oldest first, for a page of requests in one statement. */
  historyLoader(): DataLoader<string, ServiceRequestEvent[]> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(ServiceRequestEvent).find({
        where: { requestId: In([...ids]) },
        order: { at: 'ASC', id: 'ASC' },
      });
      const byRequest = new Map<string, ServiceRequestEvent[]>(ids.map((id) => [id, []]));
      for (const e of rows) byRequest.get(e.requestId)!.push(e);
      return ids.map((id) => byRequest.get(id)!);
    });
  }

  /** See openServiceRequestsCount(): the zone's requests still open at the end of asOf. */
  openInZone(zoneId: string, asOf: string): Promise<number> {
    return openServiceRequestsCount(this.dataSource.manager, zoneId, asOf);
  }
}
