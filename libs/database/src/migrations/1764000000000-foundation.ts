import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Park, zones, identity, audit trail and the plan's targets. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // In public, so that per-schema test databases and a dropped schema never take it along.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public`);

    await q.query(`
      CREATE TABLE parks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE zones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        park_id uuid NOT NULL REFERENCES parks(id),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('STARTUP', 'EXPANSION')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT zones_park_code_key UNIQUE (park_id, code)
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('ADMIN', 'SPACE_MANAGER', 'POLICY_OFFICER', 'SERVICE_DESK',
          'ANALYST', 'TENANT_ADMIN', 'TENANT_REPORTER', 'SERVICE_PROVIDER')),
        password_hash text NOT NULL,
        -- The firm of a tenant user and the provider of a provider user; their foreign keys come
        -- with the tables they point to.
        tenant_id uuid,
        service_provider_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_tenant_role_check CHECK (
          (role IN ('TENANT_ADMIN', 'TENANT_REPORTER')) = (tenant_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    await q.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email_key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_email_at_idx ON login_failures (email_key, at)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_role text,
        operation text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id)`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`
      CREATE TABLE milestone_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        metric text NOT NULL CHECK (metric IN ('NEW_TECH_FIRMS', 'NEW_HIGH_TECH_FIRMS',
          'NEW_SRDI_FIRMS', 'INDUSTRIALIZATION_PROJECTS', 'ANNUAL_OUTPUT_VALUE')),
        zone_id uuid REFERENCES zones(id),
        target numeric(18, 2) NOT NULL CHECK (target >= 0),
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT milestone_targets_year_metric_zone_key UNIQUE NULLS NOT DISTINCT (year, metric, zone_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE milestone_targets`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP TABLE login_failures`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE zones`);
    await q.query(`DROP TABLE parks`);
  }
}
