import type { Unit } from './unit.entity.js';

/**
 * A unit as the GraphQL reads load it: every column a field or a resolver below it uses, money
 * and area as the decimal strings of `numeric`, without TypeORM's hydration. The row's
 * timestamps are left out: no field shows them.
 */
export type ReadUnit = Omit<Unit, 'createdAt' | 'updatedAt'>;

/** The columns of a ReadUnit, from `units` aliased `alias`, each named `${prefix}${property}`. */
export function unitColumns(alias: string, prefix = ''): string {
  return `${alias}.id AS "${prefix}id", ${alias}.building_id AS "${prefix}buildingId",
    ${alias}.code AS "${prefix}code", ${alias}.floor AS "${prefix}floor",
    ${alias}.kind AS "${prefix}kind", ${alias}.area::text AS "${prefix}area",
    ${alias}.monthly_rent_per_sqm::text AS "${prefix}monthlyRentPerSqm",
    ${alias}.condition AS "${prefix}condition"`;
}
