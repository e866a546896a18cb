import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphQLFormattedError } from 'graphql';
import { declaredConstraints } from '@jcv/database';
import { createFormatError } from '../../src/graphql/format-error.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { creditCode } from './milestones-fixtures.js';

/**
 * Every constraint the migrations create that a write can break is declared by its lib: with
 * the answer a caller gets, or as internal with the reason no caller reaches it. A new
 * constraint without a declaration fails here.
 */
describe('constraint registry', () => {
  let t: TestApp;
  const formatError = createFormatError(false);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The UNIQUE, EXCLUDE, CHECK and FOREIGN KEY constraints, and the unique indexes, by name. */
  async function constraintsOfTheSchema(): Promise<string[]> {
    const rows: { name: string }[] = await t.dataSource.query(
      `SELECT conname AS name FROM pg_constraint
        WHERE connamespace = current_schema()::regnamespace AND contype IN ('u', 'x', 'c', 'f')
       UNION ALL
       SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE i.relnamespace = current_schema()::regnamespace AND x.indisunique
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
       ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  }

  const rows = async (sql: string, params: unknown[] = []) =>
    ((await t.dataSource.query(sql, params)) as unknown[]).length;

  /** What a caller is told of an error thrown by a statement. */
  async function answerTo(sql: string, params: unknown[]): Promise<GraphQLFormattedError> {
    const err = await t.dataSource.query(sql, params).then(
      () => {
        throw new Error(`expected ${sql} to be refused`);
      },
      (e: unknown) => e,
    );
    return formatError({ message: 'refused' }, err);
  }

  it('declares every constraint the migrations create', async () => {
    const inSchema = await constraintsOfTheSchema();
    expect(inSchema.length).toBeGreaterThan(150);
    const undeclared = inSchema.filter((name) => !declaredConstraints().has(name));
    expect(undeclared).toEqual([]);
  });

  it('declares no constraint the migrations do not create', async () => {
    const inSchema = new Set(await constraintsOfTheSchema());
    const stale = [...declaredConstraints().keys()].filter((name) => !inSchema.has(name));
    expect(stale).toEqual([]);
  });

  it('gives every answer a message, every BAD_USER_INPUT a field, every internal one a reason', () => {
    const incomplete = [...declaredConstraints()]
      .filter(([, rule]) =>
        'internal' in rule
          ? !rule.internal.trim()
          : !rule.message.trim() || (rule.code === 'BAD_USER_INPUT' && !rule.field),
      )
      .map(([name]) => name);
    expect(incomplete).toEqual([]);
  });

  describe('a violation that reaches the error mapping untranslated', () => {
    let zoneId: string;
    let buildingId: string;

    beforeAll(async () => {
      [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones ORDER BY code LIMIT 1`);
      [{ id: buildingId }] = await t.dataSource.query(
        `INSERT INTO buildings (zone_id, code, name) VALUES ($1, 'REG-1', 'Registry') RETURNING id`,
        [zoneId],
      );
    });

    it('is answered as its lib declared it: CONFLICT with its message', async () => {
      const answer = await answerTo(
        `INSERT INTO buildings (zone_id, code, name) VALUES ($1, 'REG-1', 'Again')`,
        [zoneId],
      );
      expect(answer).toMatchObject({
        message: 'The zone already has a building with this code',
        extensions: { code: 'CONFLICT' },
      });
      expect(await rows(`SELECT 1 FROM buildings WHERE code = 'REG-1'`)).toBe(1);
    });

    it('is answered as its lib declared it: BAD_USER_INPUT naming the field', async () => {
      const answer = await answerTo(
        `INSERT INTO units (building_id, code, floor, kind, area, monthly_rent_per_sqm)
         VALUES ($1, 'U1', 1, 'OFFICE', 0, 10)`,
        [buildingId],
      );
      expect(answer).toMatchObject({
        message: 'area: must be more than 0',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'area', message: 'must be more than 0' }],
        },
      });
      expect(await rows(`SELECT 1 FROM units WHERE building_id = $1`, [buildingId])).toBe(0);
    });

    it('keeps the answer of its SQLSTATE when the constraint is internal', async () => {
      const answer = await answerTo(`UPDATE zones SET name = '' WHERE id = $1`, [zoneId]);
      expect(answer).toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input', message: 'is not valid' }],
        },
      });
    });
  });

  describe('a violation a service translates', () => {
    let admin: string;
    let zone: { id: string; code: string };

    /** Sends a mutation twice: the first must succeed, the second is the answer. */
    async function twice(mutation: string, input: Record<string, unknown>) {
      await t.ok(mutation, { input }, admin);
      const again = await t.gql(mutation, { input }, admin);
      expect(again.errors).toHaveLength(1);
      return { code: again.errors![0].extensions.code, message: again.errors![0].message };
    }

    beforeAll(async () => {
      admin = await t.adminToken();
      [zone] = await t.dataSource.query(`SELECT id, code FROM zones ORDER BY code LIMIT 1`);
    });

    it('names what the caller sent, as the service always has', async () => {
      const code = creditCode();
      const tenant = {
        name: 'Registry Firm',
        kind: 'FIRM',
        creditCode: code,
        zoneId: zone.id,
        industryChain: 'AI_PLUS',
        isTechFirm: true,
        enteredOn: '2025-03-01',
      };
      const REGISTER = `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`;
      expect(await twice(REGISTER, tenant)).toEqual({
        code: 'CONFLICT',
        message: `A tenant with creditCode ${code} is already registered`,
      });

      const [{ id: tenantId }] = await t.dataSource.query(
        `SELECT id FROM tenants WHERE credit_code = $1`,
        [code],
      );
      const CERTIFY = `mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`;
      expect(
        await twice(CERTIFY, {
          tenantId,
          kind: 'HIGH_TECH',
          certificateNo: 'GR-REGISTRY-1',
          issuedOn: '2025-01-01',
        }),
      ).toEqual({
        code: 'CONFLICT',
        message: 'HIGH_TECH certificate GR-REGISTRY-1 is already recorded',
      });

      const BUILDING = `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`;
      expect(await twice(BUILDING, { zoneId: zone.id, code: 'REG-2', name: 'Registry' })).toEqual({
        code: 'CONFLICT',
        message: `Zone ${zone.code} already has a building REG-2`,
      });

      const [{ id: buildingId }] = await t.dataSource.query(
        `SELECT id FROM buildings WHERE code = 'REG-2'`,
      );
      const UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`;
      const unit = {
        buildingId,
        code: 'U-1',
        floor: 1,
        kind: 'OFFICE',
        area: '50',
        monthlyRentPerSqm: '30',
      };
      expect(await twice(UNIT, unit)).toEqual({
        code: 'CONFLICT',
        message: 'Building REG-2 already has a unit U-1',
      });

      const PROVIDER = `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`;
      expect(await twice(PROVIDER, { name: 'Registry Law', categories: ['LEGAL'] })).toEqual({
        code: 'CONFLICT',
        message: 'A service provider named Registry Law already exists',
      });

      const USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
      const user = {
        email: 'registry@test.example',
        displayName: 'Registry',
        password: 'registry-password',
        role: 'ANALYST',
      };
      expect(await twice(USER, user)).toEqual({
        code: 'CONFLICT',
        message: 'A user with email registry@test.example already exists',
      });
    });
  });
});
