// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './space.module.js';
export * from './buildings.service.js';
export * from './units.service.js';
export * from './leases.service.js';
export * from './space-applications.service.js';
export * from './occupancy.service.js';
export * from './entities/space-enums.js';
export * from './space-rules.js';
export { Building } from './entities/building.entity.js';
export { Unit } from './entities/unit.entity.js';
export { Lease } from './entities/lease.entity.js';
export { SpaceApplication } from './entities/space-application.entity.js';
export { Occupancy } from './entities/occupancy.type.js';
