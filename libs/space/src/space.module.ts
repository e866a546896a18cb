import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@jcv/notifications';
import { ParkModule } from '@jcv/park';
import { TenantsModule } from '@jcv/tenants';
import { Building } from './buildings/building.entity.js';
import { Lease } from './leases/lease.entity.js';
import { SpaceApplication } from './applications/space-application.entity.js';
import { Unit } from './units/unit.entity.js';
import { BuildingsService } from './buildings/buildings.service.js';
import { LeasesService } from './leases/leases.service.js';
import { OccupancyService } from './occupancy/occupancy.service.js';
import { SpaceApplicationsService } from './applications/space-applications.service.js';
import { UnitsService } from './units/units.service.js';
import { BuildingsResolver } from './buildings/buildings.resolver.js';
import { LeasesResolver } from './leases/leases.resolver.js';
import { SpaceApplicationsResolver } from './applications/space-applications.resolver.js';
import { TenantLeasesResolver } from './leases/tenant-leases.resolver.js';
import { UnitsResolver } from './units/units.resolver.js';
import { ZoneSpaceResolver } from './occupancy/zone-space.resolver.js';
// Declares the space constraints to the error mapping.
import './space.constraints.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Building, Unit, Lease, SpaceApplication]),
    ParkModule,
    TenantsModule,
    OutboxModule,
  ],
  providers: [
    BuildingsService,
    UnitsService,
    LeasesService,
    SpaceApplicationsService,
    OccupancyService,
    BuildingsResolver,
    UnitsResolver,
    LeasesResolver,
    SpaceApplicationsResolver,
    TenantLeasesResolver,
    ZoneSpaceResolver,
  ],
  exports: [
    BuildingsService,
    UnitsService,
    LeasesService,
    SpaceApplicationsService,
    OccupancyService,
  ],
})
export class SpaceModule {}
