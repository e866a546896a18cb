import type { MigrationInterface, QueryRunner } from 'typeorm';

const MONTH = `'^[0-9]{4}-(0[1-9]|1[0-2])$'`;

/**
 * Rent bills (房租账单): one bill per firm and month with its lines (rent, property fee, rent
 * relief), the payments received on it, one row per month billed, and the relief ledger that
 * keeps each grant's relief within its granted amount. RENT_SUBSIDY policies may say how they
 * relieve rent (`policies.rent_relief`).
 *
 * A bill's state is held by CHECKs: PAID exactly when paid in full and not void, VOID exactly
 * with a reason and never with payments. One bill per firm and month is the partial unique
 * index: a VOID bill leaves room for its replacement. A grant's relief never exceeds what was
 * granted: the ledger's CHECK refuses it whatever races.
 */
export class Billing1764000900000 implements MigrationInterface {
  name = 'Billing1764000900000';

  async up(q: QueryRunner): Promise<void> {
    // {"steps":[{"fromMonth":1,"toMonth":12,"share":"1"}],"maxRatePerSqm":"80.00","maxArea":null}
    await q.query(`
      ALTER TABLE policies
        ADD COLUMN rent_relief jsonb,
        ADD CONSTRAINT policies_rent_relief_kind_check
          CHECK (rent_relief IS NULL OR kind = 'RENT_SUBSIDY')`);

    await q.query(`
      CREATE TABLE bill_runs (
        period text PRIMARY KEY CONSTRAINT bill_runs_period_check CHECK (period ~ ${MONTH}),
        ran_at timestamptz NOT NULL DEFAULT now(),
        -- Null: the worker or the command line.
        run_by uuid REFERENCES users(id),
        issued integer NOT NULL,
        existing integer NOT NULL,
        total numeric(16, 2) NOT NULL,
        CONSTRAINT bill_runs_counts_check CHECK (issued >= 0 AND existing >= 0 AND total >= 0)
      )`);

    await q.query(`
      CREATE TABLE bills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        period text NOT NULL CONSTRAINT bills_period_check CHECK (period ~ ${MONTH}),
        issued_on date NOT NULL,
        due_on date NOT NULL,
        total numeric(16, 2) NOT NULL CONSTRAINT bills_total_check CHECK (total >= 0),
        paid numeric(16, 2) NOT NULL DEFAULT 0,
        -- OVERDUE is not stored: it is an ISSUED bill read after its due date.
        status text NOT NULL DEFAULT 'ISSUED'
          CONSTRAINT bills_status_check CHECK (status IN ('ISSUED', 'PAID', 'VOID')),
        void_reason text CONSTRAINT bills_void_reason_check
          CHECK (length(void_reason) BETWEEN 1 AND 500),
        voided_at timestamptz,
        voided_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bills_number_key UNIQUE (number),
        CONSTRAINT bills_number_check
          CHECK (number ~ '^JCV-[0-9]{4}-[0-9]{2}-[0-9]{6,}$' AND substr(number, 5, 7) = period),
        CONSTRAINT bills_paid_within_total CHECK (paid >= 0 AND paid <= total),
        CONSTRAINT bills_paid_status_check
          CHECK ((status = 'PAID') = (status <> 'VOID' AND paid = total)),
        CONSTRAINT bills_void_check
          CHECK ((status = 'VOID') = (void_reason IS NOT NULL)
             AND (status = 'VOID') = (voided_at IS NOT NULL)
             AND (status <> 'VOID' OR paid = 0))
      )`);
    // One bill per firm and month; a VOID bill leaves room for its replacement.
    await q.query(
      `CREATE UNIQUE INDEX bills_tenant_period_key ON bills (tenant_id, period) WHERE status <> 'VOID'`,
    );
    await q.query(`CREATE INDEX bills_period_idx ON bills (period, tenant_id)`);
    await q.query(`CREATE INDEX bills_tenant_idx ON bills (tenant_id, period)`);

    await q.query(`
      CREATE TABLE bill_lines (
        bill_id uuid NOT NULL REFERENCES bills(id),
        position smallint NOT NULL CONSTRAINT bill_lines_position_check CHECK (position >= 1),
        kind text NOT NULL
          CONSTRAINT bill_lines_kind_check CHECK (kind IN ('RENT', 'PROPERTY_FEE', 'RENT_RELIEF')),
        lease_id uuid NOT NULL REFERENCES leases(id),
        benefit_application_id uuid REFERENCES benefit_applications(id),
        days smallint NOT NULL,
        month_days smallint NOT NULL,
        description text NOT NULL
          CONSTRAINT bill_lines_description_check CHECK (length(description) BETWEEN 1 AND 1000),
        amount numeric(16, 2) NOT NULL,
        PRIMARY KEY (bill_id, position),
        CONSTRAINT bill_lines_days_check
          CHECK (month_days BETWEEN 28 AND 31 AND days BETWEEN 1 AND month_days),
        -- Relief is negative; rent and property fees are not.
        CONSTRAINT bill_lines_sign_check
          CHECK (CASE WHEN kind = 'RENT_RELIEF' THEN amount < 0 ELSE amount >= 0 END),
        -- Relief, and only relief, draws on a grant.
        CONSTRAINT bill_lines_grant_check
          CHECK ((kind = 'RENT_RELIEF') = (benefit_application_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX bill_lines_grant_idx ON bill_lines (benefit_application_id)
         WHERE benefit_application_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bill_id uuid NOT NULL REFERENCES bills(id),
        amount numeric(16, 2) NOT NULL CONSTRAINT payments_amount_check CHECK (amount > 0),
        paid_on date NOT NULL,
        reference text NOT NULL
          CONSTRAINT payments_reference_check CHECK (length(reference) BETWEEN 1 AND 200),
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payments_bill_idx ON payments (bill_id, paid_on)`);

    // The relief ledger: one row per grant relief was drawn from, with the granted amount copied
    // in (a CHECK cannot read another table; a decided grant does not change).
    await q.query(`
      CREATE TABLE rent_relief_totals (
        benefit_application_id uuid PRIMARY KEY REFERENCES benefit_applications(id),
        granted_amount numeric(16, 2) NOT NULL,
        relieved numeric(16, 2) NOT NULL DEFAULT 0,
        CONSTRAINT rent_relief_totals_within_grant
          CHECK (relieved >= 0 AND relieved <= granted_amount)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rent_relief_totals`);
    await q.query(`DROP TABLE payments`);
    await q.query(`DROP TABLE bill_lines`);
    await q.query(`DROP TABLE bills`);
    await q.query(`DROP TABLE bill_runs`);
    await q.query(`ALTER TABLE policies DROP COLUMN rent_relief`);
  }
}
