import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `('NOT_STARTED', 'ACHIEVED', 'ON_TRACK', 'AT_RISK', 'BEHIND', 'MISSED')`;

/**
 * The worker's daily record of each target's progress (the trend), and the alerts raised when a
 * status worsens. One row per target and day in each, so running the job again for a day
 * changes nothing.
 */
export class MilestoneSnapshots1764000400000 implements MigrationInterface {
  name = 'MilestoneSnapshots1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE milestone_snapshots (
        target_id uuid NOT NULL REFERENCES milestone_targets(id) ON DELETE CASCADE,
        day date NOT NULL,
        -- The target as it stood that day: the committee may change it later.
        target_value numeric NOT NULL CHECK (target_value >= 0),
        actual numeric NOT NULL CHECK (actual >= 0),
        forecast numeric NOT NULL CHECK (forecast >= 0),
        ratio double precision NOT NULL,
        status text NOT NULL CHECK (status IN ${STATUSES}),
        taken_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT milestone_snapshots_pkey PRIMARY KEY (target_id, day)
      )`);
    await q.query(`
      CREATE TABLE milestone_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_id uuid NOT NULL REFERENCES milestone_targets(id) ON DELETE CASCADE,
        day date NOT NULL,
        from_status text NOT NULL CHECK (from_status IN ${STATUSES}),
        to_status text NOT NULL CHECK (to_status IN ${STATUSES}),
        target_value numeric NOT NULL,
        actual numeric NOT NULL,
        forecast numeric NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT milestone_alerts_target_day_key UNIQUE (target_id, day),
        CONSTRAINT milestone_alerts_change_check CHECK (from_status <> to_status)
      )`);
    // The committee's list: newest first.
    await q.query(`CREATE INDEX milestone_alerts_day_idx ON milestone_alerts (day DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE milestone_alerts`);
    await q.query(`DROP TABLE milestone_snapshots`);
  }
}
