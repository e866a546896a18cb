import { INTERNAL, registerConstraints } from '@jcv/database';
import type { Queryable } from '@jcv/shared';

/**
 * The constraints of the space tables, and what a caller is told when a change breaks one.
 * The services check most of them first and say more; these answer a race past the checks.
 */
registerConstraints<{ zoneCode?: string; buildingCode?: string; code?: string }>({
  buildings_zone_code_key: {
    code: 'CONFLICT',
    message: 'The zone already has a building with this code',
    explain: ({ zoneCode, code }) => `Zone ${zoneCode} already has a building ${code}`,
  },
  buildings_code_check: {
    code: 'BAD_USER_INPUT',
    field: 'code',
    message: 'must be 1 to 40 letters, digits, - or _',
  },
  buildings_name_check: {
    code: 'BAD_USER_INPUT',
    field: 'name',
    message: 'must be 1 to 200 characters',
  },
  buildings_property_fee_per_sqm_check: {
    code: 'BAD_USER_INPUT',
    field: 'propertyFeePerSqm',
    message: 'must not be negative',
  },
  buildings_zone_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'zoneId',
    message: 'is not a known zone',
  },

  units_building_code_key: {
    code: 'CONFLICT',
    message: 'The building already has a unit with this code',
    explain: ({ buildingCode, code }) => `Building ${buildingCode} already has a unit ${code}`,
  },
  units_code_check: {
    code: 'BAD_USER_INPUT',
    field: 'code',
    message: 'must be 1 to 40 letters, digits, - or _',
  },
  units_area_check: { code: 'BAD_USER_INPUT', field: 'area', message: 'must be more than 0' },
  units_floor_check: { code: 'BAD_USER_INPUT', field: 'floor', message: 'must be -10 to 300' },
  units_monthly_rent_per_sqm_check: {
    code: 'BAD_USER_INPUT',
    field: 'monthlyRentPerSqm',
    message: 'must not be negative',
  },
  units_building_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'buildingId',
    message: 'is not a known building',
  },
  units_kind_check: INTERNAL.enumColumn,
  units_condition_check: INTERNAL.enumColumn,
});

/** A unit and the period asked for, and where to read who holds it. */
export interface OverlapInput {
  db: Queryable;
  unitId: string;
  startDate: string;
  endDate: string;
}

registerConstraints<OverlapInput>({
  leases_unit_period_excl: {
    code: 'CONFLICT',
    message: 'The unit is already let for part of this period',
    // Read after the refused transaction rolled back: the lease that holds the period now.
    explain: async ({ db, unitId, startDate, endDate }) => {
      const [held] = await db.query(
        `SELECT u.code, l.start_date::text AS "startDate", l.end_date::text AS "endDate"
           FROM leases l JOIN units u ON u.id = l.unit_id
          WHERE l.unit_id = $1 AND l.status <> 'TERMINATED'
            AND l.period && daterange($2::date, $3::date, '[]')
          ORDER BY l.start_date LIMIT 1`,
        [unitId, startDate, endDate],
      );
      return held
        ? `Unit ${held.code} is already let from ${held.startDate} to ${held.endDate}`
        : `The unit is already let for part of ${startDate} to ${endDate}`;
    },
  },
  leases_dates_check: {
    code: 'BAD_USER_INPUT',
    field: 'endDate',
    message: 'must not be before startDate',
  },
  leases_monthly_rent_check: {
    code: 'BAD_USER_INPUT',
    field: 'monthlyRent',
    message: 'must not be negative',
  },
  leases_unit_id_fkey: { code: 'BAD_USER_INPUT', field: 'unitId', message: 'is not a known unit' },
  leases_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  leases_status_check: INTERNAL.state,

  space_applications_area_check: {
    code: 'BAD_USER_INPUT',
    field: 'area',
    message: 'must be more than 0',
  },
  space_applications_dates_check: {
    code: 'BAD_USER_INPUT',
    field: 'toDate',
    message: 'must not be before fromDate',
  },
  space_applications_purpose_check: {
    code: 'BAD_USER_INPUT',
    field: 'purpose',
    message: 'must be 1 to 2000 characters',
  },
  space_applications_decision_note_check: {
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: 'must be 1 to 2000 characters',
  },
  space_applications_reject_note_check: {
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: 'must say why (1 to 2000 characters)',
  },
  space_applications_tenant_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'tenantId',
    message: 'is not a registered tenant',
  },
  space_applications_zone_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'zoneId',
    message: 'is not a known zone',
  },
  space_applications_unit_kind_check: INTERNAL.enumColumn,
  space_applications_status_check: INTERNAL.enumColumn,
  space_applications_lease_check: INTERNAL.state,
  space_applications_lease_key: {
    internal: 'each approval makes a new lease in its own transaction, linked once',
  },
  space_applications_lease_id_fkey: { internal: 'the lease made by the same approval' },
  space_applications_submitted_by_fkey: INTERNAL.actor,
  space_applications_decided_by_fkey: INTERNAL.actor,
});
