import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ParkService, Zone } from '@jcv/park';
import {
  type Actor,
  CurrentUser,
  Loaders,
  reachKey,
  RequestLoaders,
  Role,
  Roles,
} from '@jcv/shared';
import { Building } from './building.entity.js';
import { Unit } from '../units/unit.entity.js';
import { BuildingsService } from './buildings.service.js';
import { UnitsService } from '../units/units.service.js';
import { CreateBuildingInput } from './create-building.input.js';
import { UpdateBuildingInput } from './update-building.input.js';

@Resolver(() => Building)
export class BuildingsResolver {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly unitsService: UnitsService,
    private readonly park: ParkService,
  ) {}

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => Building)
  createBuilding(@CurrentUser() actor: Actor, @Args('input') input: CreateBuildingInput) {
    return this.buildings.create(actor, input);
  }

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => Building)
  updateBuilding(@CurrentUser() actor: Actor, @Args('input') input: UpdateBuildingInput) {
    return this.buildings.update(actor, input);
  }

  @ResolveField(() => Zone)
  zone(@Parent() building: Building, @Loaders() loaders: RequestLoaders) {
    return this.park.zoneById(loaders).load(building.zoneId);
  }

  @ResolveField(() => [Unit], { description: 'By floor, then code.' })
  units(
    @CurrentUser() actor: Actor,
    @Parent() building: Building,
    @Loaders() loaders: RequestLoaders,
  ) {
    // Scoped in SQL: a firm's list holds the units it could apply for, and its own.
    return loaders
      .get(`unitsByBuildingId:${reachKey(actor, 'Unit')}`, () =>
        this.unitsService.unitsByBuildingLoader(actor),
      )
      .load(building.id);
  }
}
