import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly output reports. Every submission is a row; a resubmission of the same month is the
 * next revision, and exactly one revision per (tenant, month) is marked `latest`, which is
 * what lists and totals read.
 */
export class OutputReports1764000300000 implements MigrationInterface {
  name = 'OutputReports1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE output_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        period char(7) NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        revision integer NOT NULL CHECK (revision >= 1),
        latest boolean NOT NULL DEFAULT true,
        output_value numeric(16, 2) NOT NULL CHECK (output_value >= 0),
        revenue numeric(16, 2) NOT NULL CHECK (revenue >= 0),
        rd_expense numeric(16, 2) NOT NULL CHECK (rd_expense >= 0),
        employees integer NOT NULL CHECK (employees >= 0),
        patents_filed integer NOT NULL CHECK (patents_filed >= 0),
        patents_granted integer NOT NULL CHECK (patents_granted >= 0),
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid REFERENCES users(id),
        review_note text,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users(id),
        CONSTRAINT output_reports_tenant_period_revision_key UNIQUE (tenant_id, period, revision)
      )`);
    // One latest revision per firm and month, whatever races.
    await q.query(`
      CREATE UNIQUE INDEX output_reports_latest_key ON output_reports (tenant_id, period) WHERE latest`);
    await q.query(`
      CREATE INDEX output_reports_period_latest_idx ON output_reports (period, tenant_id)
        INCLUDE (status, output_value) WHERE latest`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE output_reports`);
  }
}
