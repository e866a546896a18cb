import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Zone } from '@jcv/park';
import { DateScalar, Loaders, RequestLoaders, todayInShanghai } from '@jcv/shared';
import { Building } from '../buildings/building.entity.js';
import { Occupancy } from './occupancy.type.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { OccupancyService } from './occupancy.service.js';

/** The space fields of a zone. */
@Resolver(() => Zone)
export class ZoneSpaceResolver {
  constructor(
    private readonly buildingsService: BuildingsService,
    private readonly occupancyService: OccupancyService,
  ) {}

  @ResolveField(() => [Building], { description: 'By code.' })
  buildings(@Parent() zone: Zone, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get('buildingsByZoneId', () => this.buildingsService.buildingsByZoneLoader())
      .load(zone.id);
  }

  @ResolveField(() => Occupancy, {
    description: 'Units and area let on asOf (today in Asia/Shanghai when left out).',
  })
  occupancy(
    @Parent() zone: Zone,
    @Loaders() loaders: RequestLoaders,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string,
  ) {
    const day = asOf ?? todayInShanghai();
    return loaders
      .get(`occupancyByZoneId:${day}`, () => this.occupancyService.occupancyByZoneLoader(day))
      .load(zone.id);
  }
}
