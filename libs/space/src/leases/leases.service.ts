import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager, In, MoreThan, Not } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { translateConstraints } from '@jcv/database';
import { OutboxService } from '@jcv/notifications';
import {
  type Actor,
  BadInputError,
  ConflictError,
  isUuid,
  NotFoundError,
  todayInShanghai,
} from '@jcv/shared';
import { type Tenant, TenantStatus, TenantsService } from '@jcv/tenants';
import { Lease } from './lease.entity.js';
import { leaseJson, type ReadLease, readLeases } from './lease-rows.js';
import { UnitCondition } from '../space.enum.js';
import type { AllocateUnitInput } from './allocate-unit.input.js';
import { defaultMonthlyRent } from '../space-rules.js';
import type { OverlapInput } from '../space.constraints.js';
import { groupBy } from '../ids.js';

export interface Allocation {
  unitId: string;
  tenantId: string;
  startDate: string;
  endDate: string;
  monthlyRent?: string | null;
}

const CONDITION_WORDS: Record<UnitCondition, string> = {
  [UnitCondition.IN_SERVICE]: 'in service',
  [UnitCondition.MAINTENANCE]: 'under maintenance',
  [UnitCondition.RETIRED]: 'retired',
};

/**
 * lease.ended: the lease's last day, or `cancelled` when it was called off before it began (its
 * dates are then kept for the record and let nothing).
 */
function endedEvent(lease: Pick<Lease, 'id' | 'tenantId' | 'unitId' | 'endDate' | 'recordStatus'>) {
  return {
    leaseId: lease.id,
    tenantId: lease.tenantId,
    unitId: lease.unitId,
    endDate: lease.endDate,
    cancelled: lease.recordStatus === 'TERMINATED',
  };
}

@Injectable()
export class LeasesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.tenants.onExit((em, actor, tenant) => this.endLeasesOnExit(em, actor, tenant));
  }

  async allocate(actor: Actor, input: AllocateUnitInput): Promise<Lease> {
    return this.explainingOverlap(input, () =>
      this.dataSource.transaction((em) => this.allocateIn(em, actor, input, 'allocateUnit')),
    );
  }

  /**
   * Lets a unit within the caller's transaction; allocateUnit and approveSpaceApplication both
   * come here. The database has the last word on overlaps (leases_unit_period_excl), so two
   * racing requests cannot both win; run the transaction inside explainingOverlap() to answer
   * the loser with the period already let.
   */
  async allocateIn(
    em: EntityManager,
    actor: Actor,
    input: Allocation,
    operation: string,
    fields = { startDate: 'startDate', endDate: 'endDate' },
  ): Promise<Lease> {
    if (input.endDate < input.startDate) {
      throw new BadInputError(
        fields.endDate,
        `must not be before ${fields.startDate} (${input.startDate})`,
      );
    }
    // FOR SHARE: allocations of one unit proceed side by side (the constraint decides between
    // them), while a change of the unit's condition waits for them, and they for it.
    const [unit] = await em.query(
      `SELECT id, code, area::text AS area, monthly_rent_per_sqm::text AS rate, condition
         FROM units WHERE id = $1 FOR SHARE`,
      [input.unitId],
    );
    if (!unit) throw new BadInputError('unitId', 'is not a known unit');
    if (unit.condition !== UnitCondition.IN_SERVICE) {
      throw new ConflictError(
        `Unit ${unit.code} is ${CONDITION_WORDS[unit.condition as UnitCondition]} and cannot be let`,
      );
    }
    const tenant = await this.tenants.requireTenant(input.tenantId, 'tenantId', em);
    if (tenant.status !== TenantStatus.RESIDENT) {
      throw new ConflictError(`${tenant.name} left the park on ${tenant.exitedOn}`);
    }
    const repo = em.getRepository(Lease);
    const lease = await repo.save(
      repo.create({
        unitId: unit.id,
        tenantId: tenant.id,
        startDate: input.startDate,
        endDate: input.endDate,
        monthlyRent: input.monthlyRent ?? defaultMonthlyRent(unit.area, unit.rate),
        recordStatus: 'ACTIVE',
      }),
    );
    await this.audit.record(em, {
      actor,
      operation,
      entity: 'Lease',
      entityId: lease.id,
      after: lease,
    });
    await this.outbox.emit(em, 'lease.created', {
      leaseId: lease.id,
      tenantId: lease.tenantId,
      unitId: lease.unitId,
      startDate: lease.startDate,
      endDate: lease.endDate,
    });
    return lease;
  }

  /**
   * Runs `work` (a whole transaction, rolled back by then) and turns an overlap refused by the
   * database into CONFLICT naming the lease that holds the period.
   */
  explainingOverlap<T>(
    allocation: Pick<Allocation, 'unitId' | 'startDate' | 'endDate'>,
    work: () => Promise<T>,
  ): Promise<T> {
    const { unitId, startDate, endDate } = allocation;
    const input: OverlapInput = { db: this.dataSource, unitId, startDate, endDate };
    return translateConstraints(work, input);
  }

  /**
   * Shortens a lease to end on `endDate`; the rest of its period is free again. It never
   * lengthens one. A lease that has not begun yet (starts after today in Asia/Shanghai) and is
   * cut to end before its start is cancelled instead: TERMINATED, dates kept for the record. A
   * lease that has begun cannot end before its start. A caller that builds a park as of another
   * day (the demo park) passes that day as `today`.
   */
  async end(actor: Actor, id: string, endDate: string, today = todayInShanghai()): Promise<Lease> {
    if (!isUuid(id)) throw new NotFoundError('Lease', id);
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(Lease);
      const before = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('Lease', id);
      if (before.recordStatus === 'TERMINATED') {
        throw new ConflictError('This lease was cancelled (TERMINATED); there is nothing to end');
      }
      if (endDate > before.endDate) {
        throw new BadInputError(
          'endDate',
          `must not be after the lease's end date (${before.endDate}): endLease only shortens a lease`,
        );
      }
      if (endDate < before.startDate) {
        if (before.startDate <= today) {
          throw new BadInputError(
            'endDate',
            `must not be before the lease's start date (${before.startDate})`,
          );
        }
        await repo.update({ id }, { recordStatus: 'TERMINATED' });
      } else {
        await repo.update({ id }, { endDate });
      }
      const lease = await repo.findOneByOrFail({ id });
      await this.audit.record(em, {
        actor,
        operation: 'endLease',
        entity: 'Lease',
        entityId: id,
        before,
        after: lease,
      });
      await this.outbox.emit(em, 'lease.ended', endedEvent(lease));
      return lease;
    });
  }

  /**
   * When a firm leaves, its leases end with it: those running past the exit day end on it,
   * those not begun by then are cancelled. Earlier leases stay as its history.
   */
  private async endLeasesOnExit(em: EntityManager, actor: Actor, tenant: Tenant): Promise<void> {
    const exitedOn = tenant.exitedOn!;
    const repo = em.getRepository(Lease);
    const outlasting = await repo.find({
      where: { tenantId: tenant.id, recordStatus: Not('TERMINATED'), endDate: MoreThan(exitedOn) },
      lock: { mode: 'pessimistic_write' },
    });
    const ended: Parameters<typeof endedEvent>[0][] = [];
    for (const before of outlasting) {
      const change =
        before.startDate > exitedOn
          ? { recordStatus: 'TERMINATED' as const }
          : { endDate: exitedOn };
      await repo.update({ id: before.id }, change);
      await this.audit.record(em, {
        actor,
        operation: 'exitTenant',
        entity: 'Lease',
        entityId: before.id,
        before,
        after: { ...before, ...change },
      });
      ended.push({ ...before, ...change });
    }
    // The leases the exit ended or cancelled, as endLease would tell of each.
    await this.outbox.emitMany(em, 'lease.ended', ended.map(endedEvent));
  }

  leaseLoader(): DataLoader<string, Lease | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(Lease).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((l) => [l.id, l]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /**
   * Each tenant's leases by start date, in one statement per batch, as plain rows; `withUnits`
   * reads each lease's unit in the same statement (see unitReadWith), for a request that asks
   * for it. Each lease's status is worked out once, on the batch's day.
   */
  leasesByTenantLoader(withUnits = false): DataLoader<string, ReadLease[]> {
    return new DataLoader(async (tenantIds) => {
      // One row per tenant, its leases in order as one JSON array: parsed at once, not
      // column by column.
      const rows = await this.dataSource.query<{ tenantId: string; leases: ReadLease[] }[]>(
        `SELECT l.tenant_id AS "tenantId",
                json_agg(${leaseJson(withUnits)} ORDER BY l.start_date ASC, l.id ASC) AS leases
           FROM leases l ${withUnits ? 'JOIN units u ON u.id = l.unit_id' : ''}
          WHERE l.tenant_id = ANY($1::uuid[]) GROUP BY l.tenant_id`,
        [tenantIds],
      );
      const today = todayInShanghai();
      const byTenant = new Map(rows.map((r) => [r.tenantId, readLeases(r.leases, today)]));
      return tenantIds.map((id) => byTenant.get(id) ?? []);
    });
  }

  leasesByUnitLoader(): DataLoader<string, Lease[]> {
    return new DataLoader(async (unitIds) => {
      const rows = await this.dataSource.getRepository(Lease).find({
        where: { unitId: In([...unitIds]) },
        order: { startDate: 'ASC', id: 'ASC' },
      });
      const byUnit = groupBy(rows, (l) => l.unitId);
      return unitIds.map((id) => byUnit.get(id) ?? []);
    });
  }

  /** The lease (not TERMINATED) covering `day` of each unit; overlaps cannot exist, so one. */
  leaseOnDayByUnitLoader(day: string): DataLoader<string, Lease | null> {
    return new DataLoader(async (unitIds) => {
      const rows = await this.dataSource
        .getRepository(Lease)
        .createQueryBuilder('l')
        .where('l.unit_id IN (:...unitIds)', { unitIds: [...unitIds] })
        .andWhere(`l.status <> 'TERMINATED'`)
        .andWhere('l.period @> CAST(:day AS date)', { day })
        .getMany();
      const byUnit = new Map(rows.map((l) => [l.unitId, l]));
      return unitIds.map((id) => byUnit.get(id) ?? null);
    });
  }
}
