import { INTERNAL, registerConstraints } from '@jcv/database';

const WORKER = { internal: "written by the worker's snapshot job from figures it computed" };

/**
 * The constraints of the targets, snapshots and alerts, and what a caller is told when a change
 * breaks one. Only targets take input; snapshots and alerts are the worker's.
 */
registerConstraints({
  milestone_targets_year_check: {
    code: 'BAD_USER_INPUT',
    field: 'year',
    message: 'must be from 2000 to 2100',
  },
  milestone_targets_target_check: {
    code: 'BAD_USER_INPUT',
    field: 'target',
    message: 'must not be negative',
  },
  milestone_targets_source_check: {
    code: 'BAD_USER_INPUT',
    field: 'source',
    message: 'must be 1 to 500 characters',
  },
  milestone_targets_zone_id_fkey: {
    code: 'BAD_USER_INPUT',
    field: 'zoneId',
    message: 'is not a known zone',
  },
  milestone_targets_year_metric_zone_key: {
    internal: 'setMilestoneTarget upserts ON CONFLICT of this constraint',
  },
  milestone_targets_metric_check: INTERNAL.enumColumn,

  milestone_snapshots_actual_check: WORKER,
  milestone_snapshots_forecast_check: WORKER,
  milestone_snapshots_target_value_check: WORKER,
  milestone_snapshots_status_check: WORKER,
  milestone_snapshots_target_id_fkey: WORKER,
  milestone_alerts_change_check: WORKER,
  milestone_alerts_from_status_check: WORKER,
  milestone_alerts_to_status_check: WORKER,
  milestone_alerts_target_day_key: WORKER,
  milestone_alerts_target_id_fkey: WORKER,
});
