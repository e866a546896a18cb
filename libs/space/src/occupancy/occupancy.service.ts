import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Occupancy } from './occupancy.type.js';
import { occupancyRate } from '../space-rules.js';

/**
 * Occupancy of zones on a day: units and area under a lease, not TERMINATED, whose period covers
 * the day. RETIRED units are out of the stock: they count in neither the total nor the let part
 * (a unit can only be retired once no lease runs to today or later, so this changes no figure
 * from today on). Units under maintenance stay in the stock.
 */
@Injectable()
export class OccupancyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async occupancy(zoneId: string, asOf: string): Promise<Occupancy> {
    return (await this.occupancies([zoneId], asOf))[0];
  }

  /** One statement per day, however many zones. */
  occupancyByZoneLoader(asOf: string): DataLoader<string, Occupancy> {
    return new DataLoader((zoneIds) => this.occupancies([...zoneIds], asOf));
  }

  private async occupancies(zoneIds: string[], asOf: string): Promise<Occupancy[]> {
    // One lease at most covers a unit on a day (the exclusion constraint), so the join does not
    // multiply units.
    const rows: {
      zone_id: string;
      units_total: number;
      units_leased: number;
      total_area: string;
      leased_area: string;
    }[] = await this.dataSource.query(
      `SELECT b.zone_id,
              count(u.id)::int AS units_total,
              count(l.id)::int AS units_leased,
              coalesce(sum(u.area), 0)::text AS total_area,
              coalesce(sum(u.area) FILTER (WHERE l.id IS NOT NULL), 0)::text AS leased_area
         FROM buildings b
         JOIN units u ON u.building_id = b.id AND u.condition <> 'RETIRED'
         LEFT JOIN leases l ON l.unit_id = u.id AND l.status <> 'TERMINATED'
                           AND l.period @> $2::date
        WHERE b.zone_id = ANY($1::uuid[])
        GROUP BY b.zone_id`,
      [zoneIds, asOf],
    );
    const byZone = new Map(rows.map((r) => [r.zone_id, r]));
    return zoneIds.map((id) => {
      const r = byZone.get(id);
      const totalArea = r?.total_area ?? '0';
      const leasedArea = r?.leased_area ?? '0';
      return {
        unitsTotal: r?.units_total ?? 0,
        unitsLeased: r?.units_leased ?? 0,
        totalArea,
        leasedArea,
        rate: occupancyRate(leasedArea, totalArea),
      };
    });
  }
}
