// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './space.module.js';
export * from './buildings/buildings.service.js';
export * from './units/units.service.js';
export * from './leases/leases.service.js';
export * from './applications/space-applications.service.js';
export * from './occupancy/occupancy.service.js';
export * from './space.enum.js';
export * from './space-rules.js';
export { Building } from './buildings/building.entity.js';
export { Unit } from './units/unit.entity.js';
export { Lease } from './leases/lease.entity.js';
export { SpaceApplication } from './applications/space-application.entity.js';
export { Occupancy } from './occupancy/occupancy.type.js';
