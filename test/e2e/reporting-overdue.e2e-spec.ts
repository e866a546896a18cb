import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInShanghai } from '@jcv/shared';
import { overdueMonths, OverdueService, type ReportStatus } from '@jcv/reporting';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  REVIEW,
  SUBMIT,
  zones,
} from '../fixtures/reporting/fixtures.js';

const OVERDUE = `query($zoneId: ID!, $asOf: Date) { overdueReports(zoneId: $zoneId, asOf: $asOf) }`;

let t: TestApp;
let admin: string;
let zoneId: string;
let t1: FixtureTenant;

async function submit(tenant: FixtureTenant, period: string) {
  const d = await t.ok(SUBMIT, { input: figures(tenant.id, period) }, admin);
  return d.submitOutputReport.id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const [zone] = await t.dataSource.query(
    `INSERT INTO zones (park_id, code, name, kind)
     SELECT id, 'OVERDUE_TEST', '测试区', 'STARTUP' FROM parks LIMIT 1 RETURNING id`,
  );
  zoneId = zone.id;
  // T1: October accepted, November returned, December submitted, January missing, February
  // returned and resubmitted.
  t1 = await makeTenant(t, { zoneId, enteredOn: '2025-10-20' });
  await t.ok(REVIEW, { id: await submit(t1, '2025-10'), decision: 'ACCEPT' }, admin);
  await t.ok(REVIEW, { id: await submit(t1, '2025-11'), decision: 'RETURN', note: 'x' }, admin);
  await submit(t1, '2025-12');
  await t.ok(REVIEW, { id: await submit(t1, '2026-02'), decision: 'RETURN', note: 'y' }, admin);
  await submit(t1, '2026-02');
  // T2: resident in December and January only, reported nothing.
  await makeTenant(t, { zoneId, enteredOn: '2025-12-01', exitedOn: '2026-01-10' });
  // T3: resident since before reporting began; every month from February 2025 reported.
  const t3 = await makeTenant(t, { zoneId, enteredOn: '2024-06-01' });
  for (let m = 2; m <= 14; m++) {
    const y = m > 12 ? 2026 : 2025;
    await submit(t3, `${y}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`);
  }
  // T4 enters in March 2026: nothing due before mid-April.
  await makeTenant(t, { zoneId, enteredOn: '2026-03-20' });
  // A firm of another zone with nothing reported does not count here.
  await makeTenant(t, { zoneId: (await zones(t)).startup, enteredOn: '2025-01-01' });
});
afterAll(() => t?.close());

const overdue = async (asOf: string, token = admin) =>
  (await t.ok(OVERDUE, { zoneId, asOf }, token)).overdueReports as number;

describe('overdueReports', () => {
  it.each([
    ['2025-11-15', 1], // T3's January 2025 only: September is due on 15 October
    ['2026-01-15', 2], // + T1's returned November; December is due today, not yet late
    ['2026-01-16', 3], // December now due: T2 owes it, T1 sent it
    ['2026-02-15', 3], // on the due date January is still on time
    ['2026-02-16', 5], // January late for T1 and T2 (T2 left on the 10th, still owes it)
    ['2026-03-16', 5], // T1's February resubmission counts as received
  ])('on %s counts %i', async (asOf, expected) => {
    expect(await overdue(asOf)).toBe(expected);
  });

  it('drops a month once the firm resubmits what was returned', async () => {
    expect(await overdue('2026-03-16')).toBe(5);
    await submit(t1, '2025-11');
    expect(await overdue('2026-03-16')).toBe(4);
    expect(await overdue('2026-01-15')).toBe(1);
  });

  it('agrees with the pure rule on every day of a season', async () => {
    const service = t.app.get(OverdueService);
    const tenants: { id: string; enteredOn: string; exitedOn: string | null }[] =
      await t.dataSource.query(
        `SELECT id, entered_on::text AS "enteredOn", exited_on::text AS "exitedOn"
         FROM tenants WHERE zone_id = $1`,
        [zoneId],
      );
    const latest: { tenant_id: string; period: string; status: ReportStatus }[] =
      await t.dataSource.query(`SELECT tenant_id, period, status FROM output_reports WHERE latest`);
    const status = new Map(latest.map((r) => [`${r.tenant_id}|${r.period}`, r.status]));
    for (let d = Date.UTC(2025, 9, 1); d <= Date.UTC(2026, 4, 31); d += 86400000) {
      const asOf = new Date(d).toISOString().slice(0, 10);
      const expected = tenants.reduce(
        (n, tenant) =>
          n + overdueMonths(tenant, asOf, (p) => status.get(`${tenant.id}|${p}`)).length,
        0,
      );
      expect([asOf, await service.overdueCount(zoneId, asOf)]).toEqual([asOf, expected]);
    }
  });

  it('defaults asOf to today in Asia/Shanghai', async () => {
    const d = await t.ok(
      `query($zoneId: ID!) { overdueReports(zoneId: $zoneId) }`,
      { zoneId },
      admin,
    );
    expect(d.overdueReports).toBe(
      await t.app.get(OverdueService).overdueCount(zoneId, todayInShanghai()),
    );
  });

  it('is open to the committee, not to firms', async () => {
    expect(await overdue('2026-02-16', await t.tokenFor(Role.ANALYST))).toBe(4);
    const res = await t.gql(
      OVERDUE,
      { zoneId, asOf: '2026-02-16' },
      await t.tokenFor(Role.TENANT_ADMIN, { tenantId: t1.id }),
    );
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses an unknown zone and a date that is not one', async () => {
    const unknown = await t.gql(OVERDUE, { zoneId: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(unknown.errors?.[0].extensions.fields?.[0].field).toBe('zoneId');
    const bad = await t.gql(OVERDUE, { zoneId, asOf: '2026-02-30' }, admin);
    expect(bad.errors?.[0].extensions.fields?.[0].field).toBe('asOf');
  });
});
