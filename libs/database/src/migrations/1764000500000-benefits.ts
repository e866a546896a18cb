import type { MigrationInterface, QueryRunner } from 'typeorm';

const ZONE_KINDS = `ARRAY['STARTUP', 'EXPANSION']`;
const CERTIFICATIONS = `ARRAY['HIGH_TECH', 'SRDI', 'TECH_SME']`;
const CHAINS = `ARRAY['AI_PLUS', 'HYDROGEN', 'CARBON_MATERIALS', 'SPECIAL_STEEL', 'SOLID_WASTE', 'OTHER']`;

/**
 * Policies, benefit applications and the running totals that keep grants within budgets.
 *
 * `policies.granted` and `benefit_tenant_totals.granted` are kept by a trigger on
 * benefit_applications, so every writer keeps them; their CHECKs refuse a grant past the budget
 * or past the per-firm cap whatever races. The cap is copied into the per-firm row (a CHECK
 * cannot read another table); a policy's cap and budget are not changed once set.
 */
export class Benefits1764000500000 implements MigrationInterface {
  name = 'Benefits1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN
          ('RENT_SUBSIDY', 'RD_SUBSIDY', 'SCENARIO_SUBSIDY', 'TALENT', 'FINANCING', 'OTHER')),
        basis text NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
        max_amount_per_tenant numeric(14, 2) CHECK (max_amount_per_tenant > 0),
        budget numeric(14, 2) NOT NULL CHECK (budget > 0),
        granted numeric(14, 2) NOT NULL DEFAULT 0,
        valid_from date NOT NULL,
        valid_to date,
        -- The eligibility rule; a null list sets no condition.
        zone_kinds text[] CHECK (zone_kinds <@ ${ZONE_KINDS}),
        required_certifications text[] CHECK (required_certifications <@ ${CERTIFICATIONS}),
        industry_chains text[] CHECK (industry_chains <@ ${CHAINS}),
        min_months_resident integer CHECK (min_months_resident BETWEEN 0 AND 1200),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policies_code_key UNIQUE (code),
        CONSTRAINT policies_granted_within_budget CHECK (granted >= 0 AND granted <= budget),
        CONSTRAINT policies_validity_check CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);

    await q.query(`
      CREATE TABLE benefit_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_id uuid NOT NULL REFERENCES policies(id),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        requested_amount numeric(14, 2) NOT NULL CHECK (requested_amount > 0),
        granted_amount numeric(14, 2) CHECK (granted_amount > 0),
        justification text NOT NULL CHECK (length(justification) BETWEEN 1 AND 5000),
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN
          ('SUBMITTED', 'APPROVED', 'REJECTED', 'DISBURSED', 'WITHDRAWN')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid REFERENCES users(id),
        decided_at timestamptz,
        -- The decision's calendar day in the park's time zone: what period figures count by.
        decided_on date GENERATED ALWAYS AS ((decided_at AT TIME ZONE 'Asia/Shanghai')::date) STORED,
        decided_by uuid REFERENCES users(id),
        note text CHECK (length(note) <= 2000),
        disbursed_at timestamptz,
        disbursed_by uuid REFERENCES users(id),
        withdrawn_at timestamptz,
        CONSTRAINT benefit_applications_granted_check
          CHECK ((status IN ('APPROVED', 'DISBURSED')) = (granted_amount IS NOT NULL)),
        CONSTRAINT benefit_applications_granted_le_requested
          CHECK (granted_amount <= requested_amount),
        CONSTRAINT benefit_applications_decided_check
          CHECK ((status IN ('APPROVED', 'REJECTED', 'DISBURSED')) = (decided_at IS NOT NULL)),
        CONSTRAINT benefit_applications_disbursed_check
          CHECK ((status = 'DISBURSED') = (disbursed_at IS NOT NULL)),
        CONSTRAINT benefit_applications_withdrawn_check
          CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX benefit_applications_tenant_idx ON benefit_applications (tenant_id, submitted_at)`,
    );
    await q.query(
      `CREATE INDEX benefit_applications_status_idx ON benefit_applications (status, submitted_at)`,
    );
    await q.query(
      `CREATE INDEX benefit_applications_policy_idx ON benefit_applications (policy_id, tenant_id)`,
    );
    await q.query(`
      CREATE INDEX benefit_applications_granted_idx ON benefit_applications (decided_on, tenant_id)
        INCLUDE (granted_amount) WHERE status IN ('APPROVED', 'DISBURSED')`);

    await q.query(`
      CREATE TABLE benefit_tenant_totals (
        policy_id uuid NOT NULL REFERENCES policies(id),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        granted numeric(14, 2) NOT NULL,
        cap numeric(14, 2),
        PRIMARY KEY (policy_id, tenant_id),
        CONSTRAINT benefit_tenant_totals_within_cap
          CHECK (granted >= 0 AND (cap IS NULL OR granted <= cap))
      )`);

    await q.query(`
      CREATE FUNCTION benefit_applications_count_grants() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was numeric := 0;
        now_granted numeric := 0;
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.status IN ('APPROVED', 'DISBURSED') THEN
          was := OLD.granted_amount;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status IN ('APPROVED', 'DISBURSED') THEN
          now_granted := NEW.granted_amount;
        END IF;
        IF was <> 0 THEN
          UPDATE policies SET granted = granted - was WHERE id = OLD.policy_id;
          UPDATE benefit_tenant_totals SET granted = granted - was
           WHERE policy_id = OLD.policy_id AND tenant_id = OLD.tenant_id;
        END IF;
        IF now_granted <> 0 THEN
          UPDATE policies SET granted = granted + now_granted WHERE id = NEW.policy_id;
          INSERT INTO benefit_tenant_totals (policy_id, tenant_id, granted, cap)
          SELECT NEW.policy_id, NEW.tenant_id, now_granted, p.max_amount_per_tenant
            FROM policies p WHERE p.id = NEW.policy_id
          ON CONFLICT (policy_id, tenant_id)
          DO UPDATE SET granted = benefit_tenant_totals.granted + EXCLUDED.granted;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER benefit_applications_count_grants
      AFTER INSERT OR UPDATE OF status, granted_amount, policy_id, tenant_id OR DELETE
      ON benefit_applications
      FOR EACH ROW EXECUTE FUNCTION benefit_applications_count_grants()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE benefit_tenant_totals`);
    await q.query(`DROP TABLE benefit_applications`);
    await q.query(`DROP FUNCTION benefit_applications_count_grants()`);
    await q.query(`DROP TABLE policies`);
  }
}
