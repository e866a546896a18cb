import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  freshDatabase,
  startTestApp,
  TEST_PASSWORD,
  type TestDatabase,
} from '../support/test-app.js';

describe('restarting on the same database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ onDisk: true });
  });
  afterAll(() => db.drop());

  it('keeps what was written and seeds nothing twice', async () => {
    const first = await startTestApp({}, { db });
    const counts = async (a: typeof first) => ({
      parks: await a.count('parks'),
      zones: await a.count('zones'),
      targets: await a.count('milestone_targets'),
      users: await a.count('users'),
    });
    await first.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: {
          email: 'kept@test.example',
          displayName: 'Kept',
          password: TEST_PASSWORD,
          role: 'ANALYST',
        },
      },
      await first.adminToken(),
    );
    const before = await counts(first);
    expect(before).toEqual({ parks: 1, zones: 2, targets: 14, users: 2 });
    await first.close({ keepDatabase: true });

    const second = await startTestApp({}, { db });
    try {
      expect(await counts(second)).toEqual(before);
      expect(await second.login('kept@test.example', TEST_PASSWORD)).toMatch(/^ey/);
      expect((await request(second.http).get('/health')).status).toBe(200);
    } finally {
      await second.close({ keepDatabase: true });
    }
  });
});

describe('the seeded park', () => {
  it('holds 晋创谷·吕梁, its two zones and the 14 targets of the plan, each with its source', async () => {
    const t = await startTestApp();
    try {
      const data = await t.ok(
        `{ parks { name zones { code name kind } } milestoneTargets { year metric target source zone { code } } }`,
        {},
        await t.adminToken(),
      );
      expect(data.parks).toEqual([
        {
          name: '晋创谷·吕梁',
          zones: [
            { code: 'EXPANSION', name: '拓展区', kind: 'EXPANSION' },
            { code: 'STARTUP', name: '起步区', kind: 'STARTUP' },
          ],
        },
      ]);
      const rows = data.milestoneTargets.map(
        (m: any) => `${m.year} ${m.zone?.code ?? 'park'} ${m.metric} ${m.target}`,
      );
      expect(rows.sort()).toEqual(
        [
          '2025 STARTUP NEW_TECH_FIRMS 30.00',
          '2025 STARTUP NEW_HIGH_TECH_FIRMS 5.00',
          '2025 EXPANSION INDUSTRIALIZATION_PROJECTS 6.00',
          '2025 park ANNUAL_OUTPUT_VALUE 140000000.00',
          '2026 STARTUP NEW_TECH_FIRMS 40.00',
          '2026 STARTUP NEW_HIGH_TECH_FIRMS 4.00',
          '2026 STARTUP NEW_SRDI_FIRMS 1.00',
          '2026 EXPANSION INDUSTRIALIZATION_PROJECTS 6.00',
          '2026 park ANNUAL_OUTPUT_VALUE 210000000.00',
          '2027 STARTUP NEW_TECH_FIRMS 50.00',
          '2027 STARTUP NEW_HIGH_TECH_FIRMS 7.00',
          '2027 STARTUP NEW_SRDI_FIRMS 2.00',
          '2027 EXPANSION INDUSTRIALIZATION_PROJECTS 6.00',
          '2027 park ANNUAL_OUTPUT_VALUE 300000000.00',
        ].sort(),
      );
      for (const m of data.milestoneTargets) expect(m.source).toContain('吕政办发〔2025〕10号');
    } finally {
      await t.close();
    }
  });

  it('lets ADMIN change a target, validated, and keeps the change over a re-seed', async () => {
    const t = await startTestApp();
    try {
      const token = await t.adminToken();
      const SET = `mutation($i: MilestoneTargetInput!) { setMilestoneTarget(input: $i) { year metric target zone { code } } }`;
      const zones = (await t.ok(`{ zones { id code } }`, {}, token)).zones;
      const startup = zones.find((z: any) => z.code === 'STARTUP').id;
      const res = await t.ok(
        SET,
        {
          i: {
            year: 2026,
            metric: 'NEW_TECH_FIRMS',
            zoneId: startup,
            target: '45',
            source: 'committee decision',
          },
        },
        token,
      );
      expect(res.setMilestoneTarget).toEqual({
        year: 2026,
        metric: 'NEW_TECH_FIRMS',
        target: '45.00',
        zone: { code: 'STARTUP' },
      });
      expect(await t.count('milestone_targets')).toBe(14);
      const bad = await t.gql(
        SET,
        { i: { year: 2026, metric: 'NO_SUCH_METRIC', target: '1', source: 'x' } },
        token,
      );
      expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const analyst = await t.gql(
        SET,
        { i: { year: 2026, metric: 'NEW_TECH_FIRMS', target: '1', source: 'x' } },
        await t.tokenFor('ANALYST' as never),
      );
      expect(analyst.errors![0].extensions.code).toBe('FORBIDDEN');
    } finally {
      await t.close();
    }
  });
});
