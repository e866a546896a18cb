import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, Loaders, RequestLoaders, Roles } from '@jcv/shared';
import { Park } from './park.entity.js';
import { Zone } from './zone.entity.js';
import { ParkService } from './park.service.js';

@Resolver(() => Park)
export class ParkResolver {
  constructor(private readonly park: ParkService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Park])
  parks() {
    return this.park.parks();
  }

  @ResolveField(() => [Zone])
  zones(@Parent() park: Park, @Loaders() loaders: RequestLoaders) {
    return loaders.get('zonesByParkId', () => this.park.zonesOfParkLoader()).load(park.id);
  }
}

@Resolver(() => Zone)
export class ZoneResolver {
  constructor(private readonly parks: ParkService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Zone])
  zones() {
    return this.parks.zones();
  }

  @Roles(...ALL_ROLES)
  @Query(() => Zone, { nullable: true })
  zone(@Args('id', { type: () => ID }) id: string) {
    return this.parks.zone(id);
  }

  @ResolveField('park', () => Park)
  parkOf(@Parent() zone: Zone, @Loaders() loaders: RequestLoaders) {
    return loaders.get('parkById', () => this.parks.parkLoader()).load(zone.parkId);
  }
}
