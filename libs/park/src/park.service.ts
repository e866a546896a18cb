import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { BadInputError, type RequestLoaders } from '@jcv/shared';
import { Park } from './park.entity.js';
import { Zone } from './zone.entity.js';
import type { ZoneKind } from './zone-kind.enum.js';

export interface ParkSeed {
  code: string;
  name: string;
  zones: { code: string; name: string; kind: ZoneKind }[];
}

@Injectable()
export class ParkService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  parks(): Promise<Park[]> {
    return this.dataSource.getRepository(Park).find({ order: { code: 'ASC' } });
  }

  zones(): Promise<Zone[]> {
    return this.dataSource.getRepository(Zone).find({ order: { code: 'ASC', parkId: 'ASC' } });
  }

  zone(id: string): Promise<Zone | null> {
    return this.dataSource.getRepository(Zone).findOneBy({ id });
  }

  async requireZone(id: string, field = 'zoneId'): Promise<Zone> {
    const zone = await this.zone(id);
    if (!zone) throw new BadInputError(field, 'is not a known zone');
    return zone;
  }

  /** The request's zone loader, shared by every edge to a zone. */
  zoneById(loaders: RequestLoaders): DataLoader<string, Zone | null> {
    return loaders.get('zoneById', () => this.zoneLoader());
  }

  /** Batches zone look-ups of one request into one statement. */
  zoneLoader(): DataLoader<string, Zone | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(Zone).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((z) => [z.id, z]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  parkLoader(): DataLoader<string, Park | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(Park).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  zonesOfParkLoader(): DataLoader<string, Zone[]> {
    return new DataLoader(async (parkIds) => {
      const rows = await this.dataSource
        .getRepository(Zone)
        .find({ where: { parkId: In([...parkIds]) }, order: { code: 'ASC' } });
      return parkIds.map((id) => rows.filter((z) => z.parkId === id));
    });
  }

  /** Creates the park and its zones when missing; leaves existing rows as they are. */
  async ensure(seed: ParkSeed): Promise<Park> {
    return this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO parks (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`,
        [seed.code, seed.name],
      );
      const park = await em.getRepository(Park).findOneByOrFail({ code: seed.code });
      for (const z of seed.zones) {
        await em.query(
          `INSERT INTO zones (park_id, code, name, kind) VALUES ($1, $2, $3, $4)
           ON CONFLICT ON CONSTRAINT zones_park_code_key DO NOTHING`,
          [park.id, z.code, z.name, z.kind],
        );
      }
      return park;
    });
  }
}
