import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 物业费: each building's monthly property fee per m², billed beside the rent of its units.
 * Buildings that exist already start at 0, which bills no fee line.
 */
export class PropertyFee1764000800100 implements MigrationInterface {
  name = 'PropertyFee1764000800100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE buildings
        ADD COLUMN property_fee_per_sqm numeric(12, 2) NOT NULL DEFAULT 0,
        ADD CONSTRAINT buildings_property_fee_per_sqm_check CHECK (property_fee_per_sqm >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE buildings DROP COLUMN property_fee_per_sqm`);
  }
}
