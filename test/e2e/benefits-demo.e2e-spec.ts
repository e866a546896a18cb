import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actorOf, User } from '@jcv/identity';
import { Role, todayInShanghai } from '@jcv/shared';
import {
  BenefitsDemo,
  DEMO_FIRM_ACCOUNTS,
  DEMO_PASSWORD,
  DemoModule,
  ServiceDeskDemo,
} from '../../seeds/demo/index.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';

// The benefits and service-desk demo loaders, run on a few firms of this suite's own (the tenants
// demo makes the real ones): every status appears, and the figures add up.

let t: TestApp;
const today = todayInShanghai();
const monthsAgo = (n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  // The demo's loaders without the demo: SEED_DEMO stays off, so nothing loads at start.
  t = await startTestApp({}, { extraModules: [DemoModule] });
  const zones: { id: string; kind: string; park_id: string }[] = await t.dataSource.query(
    `SELECT id, kind, park_id FROM zones`,
  );
  const zone = (kind: string) => zones.find((z) => z.kind === kind)!.id;
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
       VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, $3, 'RESIDENT') RETURNING id`,
      [
        `Demo team ${i} ${randomBytes(3).toString('hex')}`,
        zone(i < 9 ? 'STARTUP' : 'EXPANSION'),
        monthsAgo(4 + i),
      ],
    );
    ids.push(id);
  }
  for (const [i, id] of ids.slice(2, 6).entries()) {
    await t.dataSource.query(
      `INSERT INTO certifications (tenant_id, kind, certificate_no, issued_on, expires_on)
       VALUES ($1, 'HIGH_TECH', $2, $3, NULL)`,
      [id, `GR-DEMO-${i}-${randomBytes(3).toString('hex')}`, monthsAgo(1)],
    );
  }
  // A firm with its own administrator, as the tenants demo makes one.
  await t.tokenFor(Role.TENANT_ADMIN, { tenantId: ids[8] });
  const admin = await t.dataSource.getRepository(User).findOneByOrFail({ email: TEST_ADMIN.email });
  const ctx = { parkId: zones[0].park_id, admin: actorOf(admin), today };
  await t.app.get(BenefitsDemo).load(ctx);
  await t.app.get(ServiceDeskDemo).load(ctx);
});
afterAll(() => t?.close());

describe('the benefits demo', () => {
  it("holds the plan's scenario subsidy, a rent and an R&D subsidy", async () => {
    const data = await t.ok(
      `{ policies { code kind basis budget maxAmountPerTenant granted remaining eligibility { zoneKinds requiredCertifications minMonthsResident } } }`,
      {},
      await t.adminToken(),
    );
    const byCode = Object.fromEntries(data.policies.map((p: { code: string }) => [p.code, p]));
    expect(byCode.SCENARIO_SUBSIDY).toMatchObject({
      kind: 'SCENARIO_SUBSIDY',
      basis: expect.stringContaining('《吕梁市支持科技创新若干措施》'),
      budget: '15000000.00',
      maxAmountPerTenant: '3000000.00',
    });
    expect(byCode.STARTUP_RENT.eligibility).toEqual({
      zoneKinds: ['STARTUP'],
      requiredCertifications: null,
      minMonthsResident: 3,
    });
    expect(byCode.HIGH_TECH_RD.eligibility.requiredCertifications).toEqual(['HIGH_TECH']);
    for (const p of data.policies) {
      const [{ sum }] = await t.dataSource.query(
        `SELECT coalesce(sum(a.granted_amount), 0)::numeric(14, 2)::text AS sum
           FROM benefit_applications a JOIN policies p ON p.id = a.policy_id
          WHERE p.code = $1 AND a.status IN ('APPROVED', 'DISBURSED')`,
        [p.code],
      );
      expect(p.granted).toBe(sum);
      expect(Number(p.granted) + Number(p.remaining)).toBe(Number(p.budget));
    }
  });

  it('has applications in every status', async () => {
    const rows: { status: string }[] = await t.dataSource.query(
      `SELECT DISTINCT status FROM benefit_applications ORDER BY status`,
    );
    expect(rows.map((r) => r.status)).toEqual([
      'APPROVED',
      'DISBURSED',
      'REJECTED',
      'SUBMITTED',
      'WITHDRAWN',
    ]);
    // The R&D subsidy went only to high-tech firms.
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM benefit_applications a JOIN policies p ON p.id = a.policy_id
        WHERE p.code = 'HIGH_TECH_RD'
          AND NOT EXISTS (SELECT 1 FROM certifications c WHERE c.tenant_id = a.tenant_id AND c.kind = 'HIGH_TECH')`,
    );
    expect(n).toBe(0);
  });
});

describe('the service desk demo', () => {
  it('has providers and requests in every status, with history and ratings', async () => {
    expect(await t.count('service_providers')).toBeGreaterThanOrEqual(5);
    const statuses: { status: string }[] = await t.dataSource.query(
      `SELECT DISTINCT status FROM service_requests ORDER BY status`,
    );
    expect(statuses.map((r) => r.status)).toEqual([
      'ASSIGNED',
      'CANCELLED',
      'CLOSED',
      'IN_PROGRESS',
      'OPEN',
      'RESOLVED',
    ]);
    expect(await t.count('service_requests WHERE rating IS NOT NULL')).toBeGreaterThanOrEqual(3);
    const data = await t.ok(
      `{ serviceRequests { status createdAt dueAt resolvedAt rating history { at kind status } } }`,
      {},
      await t.adminToken(),
    );
    for (const r of data.serviceRequests) {
      const times = r.history.map((e: { at: string }) => Date.parse(e.at));
      expect(r.history[0]).toMatchObject({ kind: 'OPENED', at: r.createdAt });
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.at(-1)).toBeLessThan(Date.now());
      expect(r.history.at(-1).status).toBe(r.status);
      expect(Date.parse(r.dueAt)).toBeGreaterThan(Date.parse(r.createdAt));
      expect(r.resolvedAt !== null).toBe(['RESOLVED', 'CLOSED'].includes(r.status));
    }
  });

  it('signs the provider account in, and shows it only its own requests', async () => {
    const account = DEMO_FIRM_ACCOUNTS.find((a) => a.role === Role.SERVICE_PROVIDER);
    expect(account?.email).toBe('provider@jcv.example');
    const token = await t.login(account!.email, DEMO_PASSWORD);
    const data = await t.ok(`{ me { role } serviceRequests { assignee { name } } }`, {}, token);
    expect(data.me.role).toBe('SERVICE_PROVIDER');
    expect(data.serviceRequests.length).toBeGreaterThan(0);
    for (const r of data.serviceRequests) expect(r.assignee.name).toMatch(/IP Agency/);
  });
});
