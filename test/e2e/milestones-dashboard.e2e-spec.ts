import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { MilestoneFixtures, type Zones } from './milestones-fixtures.js';

// A zone dashboard counts every tenant of its zone, so this suite has a database of its own.

const DASHBOARD = `
  query($zoneId: ID!, $year: Int!, $asOf: Date) {
    zoneDashboard(zoneId: $zoneId, year: $year, asOf: $asOf) {
      zone { code }
      year asOf residentTenants newTenants
      occupancy { unitsTotal unitsLeased totalArea leasedArea rate }
      outputValueYtd
      outputByMonth { period value }
      milestones {
        target { id metric zone { code } }
        asOf actual ratio forecast status
        contributors { id name }
      }
      overdueReports openServiceRequests benefitsGranted
    }
  }`;

const PROGRESS = `
  query($year: Int!, $zoneId: ID, $asOf: Date) {
    milestoneProgress(year: $year, zoneId: $zoneId, asOf: $asOf) {
      target { id metric zone { code } }
      asOf actual ratio forecast status
      contributors { id name }
    }
  }`;

let t: TestApp;
let f: MilestoneFixtures;
let zones: Zones;
let admin: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  f = new MilestoneFixtures(t);
  zones = await f.zones();
  admin = await t.adminToken();

  ids.t1 = await f.firm(zones.startup, '2025-05-01', { name: 'T1 resident since 2025' });
  ids.t2 = await f.firm(zones.startup, '2026-01-10', { name: 'T2 new, high-tech' });
  await f.certify(ids.t2, 'HIGH_TECH', '2026-02-01', '2029-01-31');
  ids.t3 = await f.firm(zones.startup, '2026-02-15', {
    name: 'T3 new, not technology',
    tech: false,
  });
  ids.t4 = await f.firm(zones.startup, '2025-03-01', {
    name: 'T4 left before asOf',
    exitedOn: '2026-03-01',
  });
  ids.t5 = await f.firm(zones.startup, '2026-04-01', { name: 'T5 enters after asOf' });
  ids.t6 = await f.firm(zones.startup, '2026-03-20', { name: 'T6 enters on asOf' });
  ids.e1 = await f.firm(zones.expansion, '2025-01-01', { name: 'E1 other zone' });

  await f.report(ids.t1, '2026-01', '1000.10');
  await f.report(ids.t1, '2026-02', '2000.20');
  await f.report(ids.t2, '2026-02', '300.03');
  await f.report(ids.t1, '2026-03', '50.00');
  await f.review(await f.report(ids.t2, '2026-01', '777.77'), 'RETURN');
  await f.report(ids.e1, '2026-01', '99999.00');
});
afterAll(() => t?.close());

const dashboard = async (zoneId: string, year: number, asOf?: string, token?: string) =>
  (await t.ok<{ zoneDashboard: any }>(DASHBOARD, { zoneId, year, asOf }, token ?? admin))
    .zoneDashboard;

describe('zoneDashboard', () => {
  it('counts the zone’s tenants, output and milestones as domain.md defines them', async () => {
    const d = await dashboard(zones.startup, 2026, '2026-03-20');
    expect(d).toMatchObject({ zone: { code: 'STARTUP' }, year: 2026, asOf: '2026-03-20' });
    // T1, T2, T3 and T6; T4 left on 1 March and T5 is not there yet.
    expect(d.residentTenants).toBe(4);
    // T2, T3 (not technology, still new) and T6.
    expect(d.newTenants).toBe(3);
    expect(d.outputByMonth).toEqual([
      { period: '2026-01', value: '1000.10' },
      { period: '2026-02', value: '2300.23' },
      { period: '2026-03', value: '50.00' },
    ]);
    expect(d.outputValueYtd).toBe('3350.33');
    expect(d.milestones.map((m: any) => [m.target.metric, m.actual])).toEqual([
      ['NEW_TECH_FIRMS', '2.00'],
      ['NEW_HIGH_TECH_FIRMS', '1.00'],
      ['NEW_SRDI_FIRMS', '0.00'],
    ]);
    expect(d.milestones[0].contributors.map((c: any) => c.name)).toEqual([
      'T2 new, high-tech',
      'T6 enters on asOf',
    ]);
    expect(d.openServiceRequests).toBe(0);
    expect(d.benefitsGranted).toBe('0.00');
  });

  it('agrees with milestoneProgress, zone occupancy and the overdue count', async () => {
    for (const zoneId of [zones.startup, zones.expansion]) {
      for (const asOf of ['2026-01-01', '2026-03-20', '2026-06-30']) {
        const d = await dashboard(zoneId, 2026, asOf);
        const { milestoneProgress } = await t.ok<{ milestoneProgress: unknown[] }>(
          PROGRESS,
          { year: 2026, zoneId, asOf },
          admin,
        );
        expect(d.milestones).toEqual(milestoneProgress);
        const other = await t.ok<{ zone: { occupancy: unknown }; overdueReports: number }>(
          `query($zoneId: ID!, $asOf: Date) {
             zone(id: $zoneId) { occupancy(asOf: $asOf) { unitsTotal unitsLeased totalArea leasedArea rate } }
             overdueReports(zoneId: $zoneId, asOf: $asOf)
           }`,
          { zoneId, asOf },
          admin,
        );
        expect(d.occupancy).toEqual(other.zone.occupancy);
        expect(d.overdueReports).toBe(other.overdueReports);
      }
    }
    const expansion = await dashboard(zones.expansion, 2026, '2026-03-20');
    expect(expansion.milestones.map((m: any) => m.target.metric)).toEqual([
      'INDUSTRIALIZATION_PROJECTS',
    ]);
    expect(expansion.outputValueYtd).toBe('99999.00');
  });

  it('shows the lease, the benefits granted, the open requests and the overdue months', async () => {
    const leased = await f.unit(zones.startup, '120.50');
    await f.unit(zones.startup, '120.50');
    await f.lease(leased, ids.t1, '2026-01-01', '2026-12-31');
    await f.grant(ids.t1, '12000.01', '2026-05-10');
    await f.openRequest(ids.t1, '2026-05-12');
    await f.cancelRequest(await f.openRequest(ids.t1, '2026-05-12'), '2026-05-13');

    const june = await dashboard(zones.startup, 2026, '2026-06-30');
    expect(june.benefitsGranted).toBe('12000.01');
    expect(june.openServiceRequests).toBe(1);
    expect(june.occupancy).toMatchObject({ unitsTotal: 2, unitsLeased: 1, totalArea: '241.00' });
    // Decided and opened in May: as of March nothing was granted nor open.
    const march = await dashboard(zones.startup, 2026, '2026-03-20');
    expect(march).toMatchObject({ benefitsGranted: '0.00', openServiceRequests: 0 });
    // T1 reported January to March 2026 only: its other months since May 2025 are overdue.
    expect(june.overdueReports).toBeGreaterThan(0);
  });

  it('shows an empty year before it begins', async () => {
    const d = await dashboard(zones.startup, 2027, '2026-03-20');
    expect(d).toMatchObject({
      newTenants: 0,
      outputValueYtd: '0.00',
      outputByMonth: [],
      benefitsGranted: '0.00',
      residentTenants: 4,
    });
    expect(d.milestones.map((m: any) => m.status)).toEqual([
      'NOT_STARTED',
      'NOT_STARTED',
      'NOT_STARTED',
    ]);
  });

  it('lists every month of a past year, with 0 where nothing counts', async () => {
    const d = await dashboard(zones.startup, 2026, '2027-02-01');
    expect(d.outputByMonth).toHaveLength(12);
    expect(d.outputByMonth[3]).toEqual({ period: '2026-04', value: '0.00' });
    expect(d.outputValueYtd).toBe('3350.33');
  });

  it('costs the same number of statements however many firms the zone has', async () => {
    // 2025 in the expansion zone: no other test counts it.
    const vars = { zoneId: zones.expansion, year: 2025, asOf: '2025-12-31' };
    const addFirm = async () => {
      const firm = await f.firm(zones.expansion, '2025-02-01');
      await f.project(firm, '2025-05-01');
      await f.report(firm, '2025-02', '10.00');
    };
    await addFirm();
    const before = await t.statements(DASHBOARD, vars, admin);
    for (let i = 0; i < 4; i++) await addFirm();
    const d = await dashboard(zones.expansion, 2025, '2025-12-31');
    expect(d.milestones[0].contributors).toHaveLength(5);
    const after = await t.statements(DASHBOARD, vars, admin);
    expect(after).toBe(before);
    expect(after).toBeLessThanOrEqual(14);
  });

  it('is the committee’s, and NOT_FOUND for an unknown zone', async () => {
    const analyst = await dashboard(
      zones.startup,
      2026,
      '2026-03-20',
      await t.tokenFor(Role.ANALYST),
    );
    expect(analyst.residentTenants).toBe(4);
    const firm = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: ids.t1 });
    const refused = await t.gql(DASHBOARD, { zoneId: zones.startup, year: 2026 }, firm);
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await t.gql(
      DASHBOARD,
      { zoneId: '00000000-0000-4000-8000-000000000000', year: 2026 },
      admin,
    );
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
