import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParkModule } from '@jcv/park';
import { TenantsModule } from '@jcv/tenants';
import { Building } from './entities/building.entity.js';
import { Lease } from './entities/lease.entity.js';
import { SpaceApplication } from './entities/space-application.entity.js';
import { Unit } from './entities/unit.entity.js';
import { BuildingsService } from './buildings.service.js';
import { LeasesService } from './leases.service.js';
import { OccupancyService } from './occupancy.service.js';
import { SpaceApplicationsService } from './space-applications.service.js';
import { UnitsService } from './units.service.js';
import { BuildingsResolver } from './buildings.resolver.js';
import { LeasesResolver } from './leases.resolver.js';
import { SpaceApplicationsResolver } from './space-applications.resolver.js';
import { TenantLeasesResolver } from './tenant-leases.resolver.js';
import { UnitsResolver } from './units.resolver.js';
import { ZoneSpaceResolver } from './zone-space.resolver.js';
// Declares the space constraints to the error mapping.
import './space.constraints.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Building, Unit, Lease, SpaceApplication]),
    ParkModule,
    TenantsModule,
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
