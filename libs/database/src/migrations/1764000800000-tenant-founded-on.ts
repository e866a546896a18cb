import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 成立日期 of a tenant: unknown for the tenants registered before it was asked for, so nullable.
 * A firm cannot have been founded after it entered the park.
 */
export class TenantFoundedOn1764000800000 implements MigrationInterface {
  name = 'TenantFoundedOn1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenants ADD COLUMN founded_on date`);
    await q.query(`
      ALTER TABLE tenants ADD CONSTRAINT tenants_founded_on_check
        CHECK (founded_on IS NULL OR founded_on <= entered_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenants DROP CONSTRAINT tenants_founded_on_check`);
    await q.query(`ALTER TABLE tenants DROP COLUMN founded_on`);
  }
}
