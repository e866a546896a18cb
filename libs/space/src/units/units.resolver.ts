import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  COMMITTEE_ROLES,
  ConnectionType,
  CurrentUser,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
  todayInShanghai,
} from '@jcv/shared';
import { Building } from '../buildings/building.entity.js';
import { Lease } from '../leases/lease.entity.js';
import { Unit } from './unit.entity.js';
import { UnitStatus } from '../space.enum.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { LeasesService } from '../leases/leases.service.js';
import { UnitsService } from './units.service.js';
import { CreateUnitInput } from './create-unit.input.js';
import { SetUnitConditionInput } from './set-unit-condition.input.js';
import { UpdateUnitInput } from './update-unit.input.js';
import { UnitsArgs } from './units.args.js';
import { unitStatus } from '../space-rules.js';

const UnitConnection = ConnectionType(Unit, 'Unit');

@Resolver(() => Unit)
export class UnitsResolver {
  constructor(
    private readonly unitsService: UnitsService,
    private readonly buildings: BuildingsService,
    private readonly leases: LeasesService,
  ) {}

  @Roles(...COMMITTEE_ROLES, Role.TENANT_ADMIN)
  @Query(() => UnitConnection, {
    description:
      'By building code, then unit code. A firm sees the units AVAILABLE today and its own.',
  })
  units(@CurrentUser() actor: Actor, @Args() args: UnitsArgs) {
    return this.unitsService.list(actor, args.filter ?? undefined, args.first, args.after);
  }

  @Roles(...COMMITTEE_ROLES, Role.TENANT_ADMIN)
  @Query(() => Unit, {
    nullable: true,
    description: "Null when unknown; a unit out of a firm's reach is FORBIDDEN to it.",
  })
  unit(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.unitsService.find(actor, id);
  }

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => Unit)
  createUnit(@CurrentUser() actor: Actor, @Args('input') input: CreateUnitInput) {
    return this.unitsService.create(actor, input);
  }

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => Unit, {
    description: 'Maintenance or retirement stops new leases; a let unit cannot be retired.',
  })
  setUnitCondition(@CurrentUser() actor: Actor, @Args('input') input: SetUnitConditionInput) {
    return this.unitsService.setCondition(actor, input);
  }

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Mutation(() => Unit)
  updateUnit(@CurrentUser() actor: Actor, @Args('input') input: UpdateUnitInput) {
    return this.unitsService.update(actor, input);
  }

  @ResolveField(() => Building)
  building(@Parent() unit: Unit, @Loaders() loaders: RequestLoaders) {
    return loaders.get('buildingById', () => this.buildings.buildingLoader()).load(unit.buildingId);
  }

  @ResolveField(() => UnitStatus, { description: 'Today, in Asia/Shanghai.' })
  async status(@Parent() unit: Unit, @Loaders() loaders: RequestLoaders) {
    return unitStatus(unit.condition, !!(await this.leaseToday(unit, loaders)));
  }

  @ResolveField(() => Lease, {
    nullable: true,
    description: "The lease covering today; a firm's users see only their own.",
  })
  currentLease(@Parent() unit: Unit, @Loaders() loaders: RequestLoaders) {
    return this.leaseToday(unit, loaders);
  }

  @ResolveField('leases', () => [Lease], {
    description: "By start date; a firm's users see only their own.",
  })
  leasesOf(@Parent() unit: Unit, @Loaders() loaders: RequestLoaders) {
    return loaders.get('leasesByUnitId', () => this.leases.leasesByUnitLoader()).load(unit.id);
  }

  private leaseToday(unit: Unit, loaders: RequestLoaders) {
    const today = todayInShanghai();
    return loaders
      .get(`leaseOnDayByUnitId:${today}`, () => this.leases.leaseOnDayByUnitLoader(today))
      .load(unit.id);
  }
}
