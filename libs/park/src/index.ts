// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './park.module.js';
export * from './park.service.js';
export { Park } from './park.entity.js';
export { Zone } from './zone.entity.js';
export { ZoneKind } from './zone-kind.enum.js';
