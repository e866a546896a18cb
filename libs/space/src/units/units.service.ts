import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Decimal } from 'decimal.js';
import { AuditService } from '@jcv/audit';
import { explainConstraint } from '@jcv/database';
import {
  type Actor,
  applyReach,
  BadInputError,
  ConflictError,
  type Connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  findInReach,
  toConnection,
  todayInShanghai,
} from '@jcv/shared';
import { Building } from '../buildings/building.entity.js';
import { Unit } from './unit.entity.js';
import { type ReadUnit, unitColumns } from './unit-rows.js';
import { UnitCondition, UnitStatus } from '../space.enum.js';
import type { CreateUnitInput } from './create-unit.input.js';
import type { SetUnitConditionInput } from './set-unit-condition.input.js';
import type { UpdateUnitInput } from './update-unit.input.js';
import type { UnitFilter } from './units.args.js';
import { groupBy } from '../ids.js';

/** A unit's status on :day, in SQL, the same rule as unitStatus(). */
const STATUS_SQL = `CASE
  WHEN u.condition = 'RETIRED' THEN 'RETIRED'
  WHEN u.condition = 'MAINTENANCE' THEN 'MAINTENANCE'
  WHEN EXISTS (SELECT 1 FROM leases l WHERE l.unit_id = u.id AND l.status <> 'TERMINATED'
               AND l.period @> CAST(:day AS date)) THEN 'LEASED'
  ELSE 'AVAILABLE' END`;

type ListedUnit = Unit & { buildingCode: string };

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateUnitInput): Promise<Unit> {
    const building = await this.dataSource
      .getRepository(Building)
      .findOneBy({ id: input.buildingId });
    if (!building) throw new BadInputError('buildingId', 'is not a known building');
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Unit);
        const unit = await repo.save(
          repo.create({
            buildingId: building.id,
            code: input.code,
            floor: input.floor,
            kind: input.kind,
            area: input.area,
            monthlyRentPerSqm: input.monthlyRentPerSqm,
            condition: UnitCondition.IN_SERVICE,
          }),
        );
        await this.audit.record(em, {
          actor,
          operation: 'createUnit',
          entity: 'Unit',
          entityId: unit.id,
          after: unit,
        });
        return unit;
      });
    } catch (err) {
      throw (
        (await explainConstraint(err, { buildingCode: building.code, code: input.code })) ?? err
      );
    }
  }

  /**
   * Puts a unit under maintenance, back in service, or retires it. A unit still let today or
   * later cannot be retired: its leases must be ended first, so that no lease points at a unit
   * that has left the stock. The row lock waits for allocations of the unit in flight.
   */
  async setCondition(actor: Actor, input: SetUnitConditionInput): Promise<Unit> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(Unit);
      const before = await repo.findOne({
        where: { id: input.unitId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new BadInputError('unitId', 'is not a known unit');
      if (input.condition === UnitCondition.RETIRED) {
        const [lease] = await em.query(
          `SELECT end_date::text AS "endDate" FROM leases
            WHERE unit_id = $1 AND status <> 'TERMINATED' AND end_date >= $2::date
            ORDER BY end_date DESC LIMIT 1`,
          [before.id, todayInShanghai()],
        );
        if (lease) {
          throw new ConflictError(
            `Unit ${before.code} is let until ${lease.endDate}; end its leases before retiring it`,
          );
        }
      }
      await repo.update({ id: before.id }, { condition: input.condition });
      const unit = await repo.findOneByOrFail({ id: before.id });
      await this.audit.record(em, {
        actor,
        operation: 'setUnitCondition',
        entity: 'Unit',
        entityId: unit.id,
        before,
        after: unit,
      });
      return unit;
    });
  }

  /**
   * Changes only the fields given. Leases keep the monthlyRent they were made with, so a new rent
   * rate applies to leases made afterwards. The area cannot change while the unit is let today or
   * later: it is what the lease's rent and property fee were worked out on. The row lock waits
   * for allocations of the unit in flight (they hold it FOR SHARE).
   */
  async update(actor: Actor, input: UpdateUnitInput): Promise<Unit> {
    let buildingCode = '';
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Unit);
        const before = await repo.findOne({
          where: { id: input.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!before) throw new BadInputError('id', 'is not a known unit');
        const changes: Partial<Unit> = {};
        if (input.code != null && input.code !== before.code) changes.code = input.code;
        if (input.floor != null) changes.floor = input.floor;
        if (input.kind != null) changes.kind = input.kind;
        if (input.monthlyRentPerSqm != null) changes.monthlyRentPerSqm = input.monthlyRentPerSqm;
        if (input.area != null && !new Decimal(input.area).eq(before.area)) {
          const [lease] = await em.query(
            `SELECT end_date::text AS "endDate" FROM leases
              WHERE unit_id = $1 AND status <> 'TERMINATED' AND end_date >= $2::date
              ORDER BY end_date DESC LIMIT 1`,
            [before.id, todayInShanghai()],
          );
          if (lease) {
            throw new BadInputError(
              'area',
              `cannot change while the unit is let (until ${lease.endDate})`,
            );
          }
          changes.area = input.area;
        }
        if (!Object.keys(changes).length) return before;
        if (changes.code) {
          const building = await em.getRepository(Building).findOneByOrFail({
            id: before.buildingId,
          });
          buildingCode = building.code;
        }
        return this.audit.recordUpdate(em, Unit, before, changes, {
          actor,
          operation: 'updateUnit',
          entity: 'Unit',
        });
      });
    } catch (err) {
      throw (await explainConstraint(err, { buildingCode, code: input.code })) ?? err;
    }
  }

  /** `unit(id)`: out of the caller's reach or missing, FORBIDDEN; missing is null for the committee. */
  async find(actor: Actor, id: string): Promise<Unit | null> {
    const qb = this.dataSource.getRepository(Unit).createQueryBuilder('u');
    return findInReach(qb, actor, 'Unit', 'u', id);
  }

  /** By building code, then unit code; `status` is the status today. */
  async list(
    actor: Actor,
    filter: UnitFilter = {},
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<Connection<Unit>> {
    const qb = this.dataSource
      .getRepository(Unit)
      .createQueryBuilder('u')
      .innerJoin(Building, 'b', 'b.id = u.building_id')
      .addSelect('b.code', 'building_code');
    applyReach(qb, actor, 'Unit', 'u');
    if (filter.zoneId) qb.andWhere('b.zone_id = :zoneId', { zoneId: filter.zoneId });
    if (filter.buildingId)
      qb.andWhere('u.building_id = :buildingId', { buildingId: filter.buildingId });
    if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter.status) {
      qb.andWhere(`(${STATUS_SQL}) = :status`, {
        day: todayInShanghai(),
        status: filter.status satisfies UnitStatus,
      });
    }
    const totalCount = await qb.getCount();
    if (after) {
      const [buildingCode, code, id] = decodeCursor(after, ['string', 'string', 'uuid']);
      qb.andWhere('(b.code, u.code, u.id) > (:afterBuilding, :afterCode, :afterId)', {
        afterBuilding: String(buildingCode),
        afterCode: String(code),
        afterId: String(id),
      });
    }
    const { entities, raw } = await qb
      .orderBy('b.code', 'ASC')
      .addOrderBy('u.code', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(first + 1)
      .getRawAndEntities();
    const rows: ListedUnit[] = entities.map((u, i) =>
      Object.assign(u, { buildingCode: raw[i].building_code as string }),
    );
    return toConnection(rows, first, totalCount, (u) => [u.buildingCode, u.code, u.id]);
  }

  /** Units by id, in one statement per batch, as plain rows (see ReadUnit). */
  unitLoader(): DataLoader<string, ReadUnit | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.query<ReadUnit[]>(
        `SELECT ${unitColumns('u')} FROM units u WHERE u.id = ANY($1::uuid[])`,
        [ids],
      );
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** Each building's units in the caller's reach (a firm: those it could apply for, and its own). */
  unitsByBuildingLoader(actor: Actor): DataLoader<string, Unit[]> {
    return new DataLoader(async (buildingIds) => {
      const qb = this.dataSource
        .getRepository(Unit)
        .createQueryBuilder('u')
        .where('u.building_id IN (:...buildingIds)', { buildingIds: [...buildingIds] });
      const rows = await applyReach(qb, actor, 'Unit', 'u')
        .orderBy('u.floor', 'ASC')
        .addOrderBy('u.code', 'ASC')
        .addOrderBy('u.id', 'ASC')
        .getMany();
      const byBuilding = groupBy(rows, (u) => u.buildingId);
      return buildingIds.map((id) => byBuilding.get(id) ?? []);
    });
  }
}
