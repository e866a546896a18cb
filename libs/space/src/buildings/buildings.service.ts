import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { explainConstraint } from '@jcv/database';
import { ParkService } from '@jcv/park';
import { type Actor, BadInputError } from '@jcv/shared';
import { Building } from './building.entity.js';
import type { CreateBuildingInput } from './create-building.input.js';
import type { UpdateBuildingInput } from './update-building.input.js';
import { groupBy } from '../ids.js';

@Injectable()
export class BuildingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly park: ParkService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateBuildingInput): Promise<Building> {
    const zone = await this.park.requireZone(input.zoneId);
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Building);
        const building = await repo.save(
          repo.create({
            zoneId: zone.id,
            code: input.code,
            name: input.name.trim(),
            propertyFeePerSqm: input.propertyFeePerSqm ?? '0',
          }),
        );
        await this.audit.record(em, {
          actor,
          operation: 'createBuilding',
          entity: 'Building',
          entityId: building.id,
          after: building,
        });
        return building;
      });
    } catch (err) {
      throw (await explainConstraint(err, { zoneCode: zone.code, code: input.code })) ?? err;
    }
  }

  /** Changes only the fields given; the row lock orders concurrent corrections of one building. */
  async update(actor: Actor, input: UpdateBuildingInput): Promise<Building> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(Building);
      const before = await repo.findOne({
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new BadInputError('id', 'is not a known building');
      const changes: Partial<Building> = {};
      if (input.name != null) changes.name = input.name.trim();
      if (input.propertyFeePerSqm != null) changes.propertyFeePerSqm = input.propertyFeePerSqm;
      if (!Object.keys(changes).length) return before;
      return this.audit.recordUpdate(em, Building, before, changes, {
        actor,
        operation: 'updateBuilding',
        entity: 'Building',
      });
    });
  }

  buildingLoader(): DataLoader<string, Building | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(Building).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((b) => [b.id, b]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  buildingsByZoneLoader(): DataLoader<string, Building[]> {
    return new DataLoader(async (zoneIds) => {
      const rows = await this.dataSource.getRepository(Building).find({
        where: { zoneId: In([...zoneIds]) },
        order: { code: 'ASC', id: 'ASC' },
      });
      const byZone = groupBy(rows, (b) => b.zoneId);
      return zoneIds.map((id) => byZone.get(id) ?? []);
    });
  }
}
