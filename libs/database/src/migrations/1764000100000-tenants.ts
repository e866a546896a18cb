import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Resident firms and teams, their certifications and industrialisation projects. */
export class Tenants1764000100000 implements MigrationInterface {
  name = 'Tenants1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('FIRM', 'TEAM')),
        credit_code text CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUW-Y]{18}$'),
        zone_id uuid NOT NULL REFERENCES zones(id),
        industry_chain text NOT NULL CHECK (industry_chain IN
          ('AI_PLUS', 'HYDROGEN', 'CARBON_MATERIALS', 'SPECIAL_STEEL', 'SOLID_WASTE', 'OTHER')),
        is_tech_firm boolean NOT NULL,
        entered_on date NOT NULL,
        exited_on date,
        status text NOT NULL DEFAULT 'RESIDENT' CHECK (status IN ('RESIDENT', 'GRADUATED', 'EXITED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenants_credit_code_key UNIQUE (credit_code),
        CONSTRAINT tenants_kind_credit_code_check CHECK ((kind = 'FIRM') = (credit_code IS NOT NULL)),
        CONSTRAINT tenants_exit_check CHECK (exited_on IS NULL OR exited_on >= entered_on),
        CONSTRAINT tenants_status_exit_check CHECK ((status = 'RESIDENT') = (exited_on IS NULL))
      )`);
    await q.query(`CREATE INDEX tenants_zone_entered_idx ON tenants (zone_id, entered_on)`);
    await q.query(`CREATE INDEX tenants_name_idx ON tenants (name, id)`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_tenant_id_fkey
        FOREIGN KEY (tenant_id) REFERENCES tenants(id)`);
    await q.query(`CREATE INDEX users_tenant_idx ON users (tenant_id)`);

    await q.query(`
      CREATE TABLE certifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        kind text NOT NULL CHECK (kind IN ('HIGH_TECH', 'SRDI', 'TECH_SME')),
        certificate_no text NOT NULL CHECK (length(certificate_no) BETWEEN 1 AND 100),
        issued_on date NOT NULL,
        expires_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certifications_kind_no_key UNIQUE (kind, certificate_no),
        CONSTRAINT certifications_dates_check CHECK (expires_on IS NULL OR expires_on >= issued_on)
      )`);
    await q.query(
      `CREATE INDEX certifications_tenant_idx ON certifications (tenant_id, kind, issued_on)`,
    );

    await q.query(`
      CREATE TABLE industrialization_projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        zone_id uuid NOT NULL REFERENCES zones(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        stage text NOT NULL CHECK (stage IN ('INCUBATING', 'PILOT', 'INDUSTRIALIZED')),
        cultivated_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX industrialization_projects_zone_idx ON industrialization_projects (zone_id, cultivated_on)`,
    );
    await q.query(
      `CREATE INDEX industrialization_projects_tenant_idx ON industrialization_projects (tenant_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE industrialization_projects`);
    await q.query(`DROP TABLE certifications`);
    await q.query(`DROP INDEX users_tenant_idx`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_tenant_id_fkey`);
    await q.query(`DROP TABLE tenants`);
  }
}
