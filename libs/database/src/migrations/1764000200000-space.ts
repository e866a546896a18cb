import type { MigrationInterface, QueryRunner } from 'typeorm';

const UNIT_KINDS = `'OFFICE', 'LAB', 'WORKSHOP', 'WORKSTATION', 'PILOT_LINE', 'WAREHOUSE'`;

/** Buildings, units, leases and space applications. */
export class Space1764000200000 implements MigrationInterface {
  name = 'Space1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE buildings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone_id uuid NOT NULL REFERENCES zones(id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT buildings_zone_code_key UNIQUE (zone_id, code)
      )`);

    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        building_id uuid NOT NULL REFERENCES buildings(id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
        floor integer NOT NULL CHECK (floor BETWEEN -10 AND 300),
        kind text NOT NULL CHECK (kind IN (${UNIT_KINDS})),
        area numeric(12, 2) NOT NULL CHECK (area > 0),
        monthly_rent_per_sqm numeric(14, 2) NOT NULL CHECK (monthly_rent_per_sqm >= 0),
        condition text NOT NULL DEFAULT 'IN_SERVICE'
          CHECK (condition IN ('IN_SERVICE', 'MAINTENANCE', 'RETIRED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_building_code_key UNIQUE (building_id, code)
      )`);

    // status keeps only whether a lease was cancelled (TERMINATED); ACTIVE or ENDED follows from
    // the dates when it is read. period is both days inclusive, as the contract says.
    await q.query(`
      CREATE TABLE leases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        start_date date NOT NULL,
        end_date date NOT NULL,
        period daterange GENERATED ALWAYS AS (daterange(start_date, end_date, '[]')) STORED,
        monthly_rent numeric(14, 2) NOT NULL CHECK (monthly_rent >= 0),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'TERMINATED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT leases_dates_check CHECK (end_date >= start_date),
        CONSTRAINT leases_unit_period_excl EXCLUDE USING gist (unit_id WITH =, period WITH &&)
          WHERE (status <> 'TERMINATED')
      )`);
    await q.query(`CREATE INDEX leases_tenant_idx ON leases (tenant_id, start_date)`);

    await q.query(`
      CREATE TABLE space_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        zone_id uuid NOT NULL REFERENCES zones(id),
        unit_kind text NOT NULL CHECK (unit_kind IN (${UNIT_KINDS})),
        area numeric(12, 2) NOT NULL CHECK (area > 0),
        from_date date NOT NULL,
        to_date date NOT NULL,
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
        status text NOT NULL DEFAULT 'SUBMITTED'
          CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
        lease_id uuid REFERENCES leases(id),
        decision_note text CHECK (length(decision_note) BETWEEN 1 AND 2000),
        submitted_by uuid REFERENCES users(id),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT space_applications_dates_check CHECK (to_date >= from_date),
        CONSTRAINT space_applications_lease_check CHECK ((status = 'APPROVED') = (lease_id IS NOT NULL)),
        CONSTRAINT space_applications_reject_note_check
          CHECK (status <> 'REJECTED' OR decision_note IS NOT NULL),
        CONSTRAINT space_applications_lease_key UNIQUE (lease_id)
      )`);
    await q.query(
      `CREATE INDEX space_applications_tenant_idx ON space_applications (tenant_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX space_applications_status_idx ON space_applications (status, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE space_applications`);
    await q.query(`DROP TABLE leases`);
    await q.query(`DROP TABLE units`);
    await q.query(`DROP TABLE buildings`);
  }
}
