import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the milestone counts and zone dashboards need beyond the indexes their tables came with
 * (tenants by zone and entry date, certifications by tenant and kind, projects by zone and
 * date, latest reports by month): a zone's output reads its firms' latest revisions firm by
 * firm, and this index answers those reads alone, without visiting the table (checked with
 * EXPLAIN on 20 000 firms and five years of monthly reports: test/bench/milestones-dataset.ts).
 */
export class MilestoneCountingIndexes1764000400100 implements MigrationInterface {
  name = 'MilestoneCountingIndexes1764000400100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX output_reports_tenant_latest_idx ON output_reports (tenant_id, period)
        INCLUDE (status, output_value) WHERE latest`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX output_reports_tenant_latest_idx`);
  }
}
