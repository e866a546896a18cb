import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Annual reports: a firm's figures for a calendar year, as the Torch (火炬) statistics of
 * incubated firms ask for them. As with monthly reports, every submission is a row, a
 * resubmission of the same year is the next revision, and exactly one revision per (firm, year)
 * is `latest`, which lists and the statistics read.
 *
 * Every 其中 figure is at most its total (a CHECK each, named for the figure), counts and money
 * are not negative except the net profit, and the occupied area is copied in at submission from
 * the firm's leases on 31 December.
 */
export class AnnualReports1764001000000 implements MigrationInterface {
  name = 'AnnualReports1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE annual_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        revision integer NOT NULL CHECK (revision >= 1),
        latest boolean NOT NULL DEFAULT true,
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
        registered_capital numeric(16, 2) NOT NULL CHECK (registered_capital >= 0),
        employees integer NOT NULL CHECK (employees >= 0),
        employees_doctorate integer NOT NULL CHECK (employees_doctorate >= 0),
        employees_college integer NOT NULL CHECK (employees_college >= 0),
        employees_returnees integer NOT NULL CHECK (employees_returnees >= 0),
        employees_fresh_graduates integer NOT NULL CHECK (employees_fresh_graduates >= 0),
        total_revenue numeric(16, 2) NOT NULL CHECK (total_revenue >= 0),
        net_profit numeric(16, 2) NOT NULL,
        tax_paid numeric(16, 2) NOT NULL CHECK (tax_paid >= 0),
        rd_expense numeric(16, 2) NOT NULL CHECK (rd_expense >= 0),
        venture_funding numeric(16, 2) NOT NULL CHECK (venture_funding >= 0),
        ip_applied integer NOT NULL CHECK (ip_applied >= 0),
        ip_granted integer NOT NULL CHECK (ip_granted >= 0),
        ip_valid integer NOT NULL CHECK (ip_valid >= 0),
        invention_patents_valid integer NOT NULL CHECK (invention_patents_valid >= 0),
        software_copyrights integer NOT NULL CHECK (software_copyrights >= 0),
        tech_contracts integer NOT NULL CHECK (tech_contracts >= 0),
        tech_contract_value numeric(16, 2) NOT NULL CHECK (tech_contract_value >= 0),
        national_projects integer NOT NULL CHECK (national_projects >= 0),
        -- From the firm's leases on 31 December of the year, at submission; never entered.
        occupied_area numeric(12, 2) NOT NULL CHECK (occupied_area >= 0),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid REFERENCES users(id),
        review_note text,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users(id),
        CONSTRAINT annual_reports_tenant_year_revision_key UNIQUE (tenant_id, year, revision),
        CONSTRAINT annual_reports_employees_doctorate_le_total
          CHECK (employees_doctorate <= employees),
        CONSTRAINT annual_reports_employees_college_le_total CHECK (employees_college <= employees),
        CONSTRAINT annual_reports_employees_returnees_le_total
          CHECK (employees_returnees <= employees),
        CONSTRAINT annual_reports_employees_fresh_graduates_le_total
          CHECK (employees_fresh_graduates <= employees),
        CONSTRAINT annual_reports_invention_patents_le_valid
          CHECK (invention_patents_valid <= ip_valid)
      )`);
    // One latest revision per firm and year, whatever races.
    await q.query(`
      CREATE UNIQUE INDEX annual_reports_latest_key ON annual_reports (tenant_id, year) WHERE latest`);
    await q.query(`
      CREATE INDEX annual_reports_year_latest_idx ON annual_reports (year, tenant_id) WHERE latest`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE annual_reports`);
  }
}
