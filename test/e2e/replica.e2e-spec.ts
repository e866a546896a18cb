import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ALL_ROLES, Role, Roles } from '@jcv/shared';
import { freshDatabase, startTestApp, testConfig, type TestApp } from '../support/test-app.js';

/**
 * Reads that scale out. With TEST_REPLICA_URL (a streaming replica of the server at
 * TEST_DATABASE_URL, as .ci/run makes one on port 5433) the suite shows where statements go;
 * without it, that an API with no replicas reads everything on the primary and that replicas
 * are refused beside the embedded database.
 */

/** Asks the server that answers each way the product reads whether it is a standby. */
@Resolver()
class RecoveryProbe {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Raw SQL through the data source, as the dashboards, statistics and exports read. */
  @Roles(...ALL_ROLES)
  @Query(() => Boolean)
  async rawReadInRecovery(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT pg_is_in_recovery() AS r`);
    return row.r;
  }

  /** A query builder outside a transaction, as entity reads of lists go. */
  @Roles(...ALL_ROLES)
  @Query(() => Boolean)
  async entityReadInRecovery(): Promise<boolean> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select('pg_is_in_recovery()', 'r')
      .from('migrations', 'm')
      .limit(1)
      .getRawOne<{ r: boolean }>();
    return row!.r;
  }

  @Roles(...ALL_ROLES)
  @Query(() => Boolean)
  transactionReadInRecovery(): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [row] = await em.query(`SELECT pg_is_in_recovery() AS r`);
      return row.r;
    });
  }

  /** A read inside a mutation, outside a transaction. */
  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean)
  async mutationReadInRecovery(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT pg_is_in_recovery() AS r`);
    return row.r;
  }
}

@Module({ providers: [RecoveryProbe] })
class RecoveryProbeModule {}

const PROBES = `{ rawReadInRecovery entityReadInRecovery transactionReadInRecovery }`;

const SET_TARGET = `mutation($i: MilestoneTargetInput!) {
  setMilestoneTarget(input: $i) { target } }`;
const TARGETS = `{ milestoneTargets(year: 2026) { metric target zone { code } } }`;

/**
 * Waits until the replica has replayed the suite's schema and the rows written at start-up
 * (its migrations and the bootstrap admin), polling with a bounded wait.
 */
async function replicaCaughtUp(replicaUrl: string, primaryUrl: string, schema: string) {
  const sql = `SELECT (SELECT count(*) FROM "${schema}".migrations)::int AS migrations,
                      (SELECT count(*) FROM "${schema}".users)::int AS users`;
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  const want = (await primary.query(sql)).rows[0];
  await primary.end();
  const replica = new pg.Client({ connectionString: replicaUrl });
  await replica.connect();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const visible = await replica.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [
        `"${schema}".users`,
      ]);
      if (visible.rows[0].ok) {
        const got = (await replica.query(sql)).rows[0];
        if (got.migrations === want.migrations && got.users >= want.users) return;
      }
      if (Date.now() > deadline) throw new Error(`the replica has not replayed ${schema} in 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await replica.end();
  }
}

const replicaUrl = process.env.TEST_REPLICA_URL;

if (replicaUrl) {
  describe('reads with a streaming replica (TEST_REPLICA_URL)', () => {
    let t: TestApp;
    let admin: string;
    let analyst: string;

    beforeAll(async () => {
      const primaryUrl = process.env.TEST_DATABASE_URL;
      if (!primaryUrl) throw new Error('TEST_REPLICA_URL is a replica of TEST_DATABASE_URL');
      const db = await freshDatabase();
      // A window far longer than the suite: who wrote stays on the primary throughout, so no
      // assertion depends on how fast the steps run.
      t = await startTestApp(
        { DATABASE_REPLICA_URLS: replicaUrl, REPLICA_STICKY_SECONDS: '3600' },
        { db, extraModules: [RecoveryProbeModule] },
      );
      await replicaCaughtUp(replicaUrl, primaryUrl, db.env.DATABASE_SCHEMA);
      admin = await t.adminToken();
      // Made by the admin (a mutation): from here on the admin is a recent writer.
      analyst = await t.tokenFor(Role.ANALYST);
    });
    afterAll(() => t?.close());

    it('serves the reads of a query from the replica, raw SQL and entity reads alike', async () => {
      expect(await t.ok(PROBES, {}, analyst)).toEqual({
        rawReadInRecovery: true,
        entityReadInRecovery: true,
        // A transaction reads on the primary, in a query too.
        transactionReadInRecovery: false,
      });
    });

    it('answers a dashboard from the replica', async () => {
      const { zones } = await t.ok<{ zones: { id: string }[] }>(`{ zones { id } }`, {}, analyst);
      const res = await t.ok(
        `query($z: ID!) { zoneDashboard(zoneId: $z, year: 2026, asOf: "2026-06-30") {
           year residentTenants } }`,
        { z: zones[0].id },
        analyst,
      );
      expect(res.zoneDashboard).toEqual({ year: 2026, residentTenants: 0 });
    });

    it('reads on the primary inside a mutation', async () => {
      // Another user: a mutation makes its caller a recent writer, and the analyst is kept as
      // one who wrote nothing.
      const other = await t.tokenFor(Role.ANALYST, { key: 'mutation-caller' });
      expect(await t.ok(`mutation { mutationReadInRecovery }`, {}, other)).toEqual({
        mutationReadInRecovery: false,
      });
    });

    it("answers a writer's reads after its own write from the primary", async () => {
      const { zones } = await t.ok<{ zones: { id: string; code: string }[] }>(
        `{ zones { id code } }`,
        {},
        admin,
      );
      const zone = zones.find((z) => z.code === 'STARTUP')!;
      for (const target of ['41.00', '42.00', '43.00']) {
        await t.ok(
          SET_TARGET,
          {
            i: { year: 2026, metric: 'NEW_TECH_FIRMS', zoneId: zone.id, target, source: 'test' },
          },
          admin,
        );
        const { milestoneTargets } = await t.ok<{
          milestoneTargets: { metric: string; target: string; zone: { code: string } | null }[];
        }>(TARGETS, {}, admin);
        expect(
          milestoneTargets.find((m) => m.metric === 'NEW_TECH_FIRMS' && m.zone?.code === 'STARTUP')
            ?.target,
        ).toBe(target);
      }
      // The writer's reads went to the primary; the analyst, who wrote nothing, stays on the
      // replica.
      expect(await t.ok(PROBES, {}, admin)).toMatchObject({
        rawReadInRecovery: false,
        entityReadInRecovery: false,
      });
      expect(await t.ok(PROBES, {}, analyst)).toMatchObject({
        rawReadInRecovery: true,
        entityReadInRecovery: true,
      });
    });
  });
} else {
  describe('reads without replicas (no TEST_REPLICA_URL)', () => {
    let t: TestApp;
    let analyst: string;

    beforeAll(async () => {
      t = await startTestApp({}, { extraModules: [RecoveryProbeModule] });
      analyst = await t.tokenFor(Role.ANALYST);
    });
    afterAll(() => t?.close());

    it('reads everything on the primary', async () => {
      expect(t.config.databaseReplicaUrls).toEqual([]);
      expect(await t.ok(PROBES, {}, analyst)).toEqual({
        rawReadInRecovery: false,
        entityReadInRecovery: false,
        transactionReadInRecovery: false,
      });
      expect(await t.ok(`mutation { mutationReadInRecovery }`, {}, analyst)).toEqual({
        mutationReadInRecovery: false,
      });
    });

    it('refuses replicas beside the embedded database', () => {
      expect(() =>
        testConfig({
          DATA_DIR: 'memory://',
          DATABASE_REPLICA_URLS: 'postgres://postgres@127.0.0.1:5433/test',
        }),
      ).toThrow('DATABASE_REPLICA_URLS needs DATABASE_URL');
    });
  });
}
