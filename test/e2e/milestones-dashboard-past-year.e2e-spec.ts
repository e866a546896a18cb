import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { MilestoneFixtures, type Zones } from './milestones-fixtures.js';

// domain.md, "A zone's dashboard for year Y on D": the point-in-time figures are taken on E,
// the earlier of D and 31 December Y. The facts below differ between the end of 2025 (E) and
// 15 June 2026 (D) in every such figure, so a figure taken on the wrong day shows. The suite
// counts every tenant of the startup zone, so it has a database of its own.

const DASHBOARD = `
  query($zoneId: ID!, $year: Int!, $asOf: Date) {
    zoneDashboard(zoneId: $zoneId, year: $year, asOf: $asOf) {
      year asOf residentTenants newTenants
      occupancy { unitsTotal unitsLeased totalArea leasedArea rate }
      outputValueYtd
      outputByMonth { period value }
      milestones { target { id metric } asOf actual forecast status contributors { id } }
      overdueReports openServiceRequests benefitsGranted
    }
  }`;

const ELSEWHERE = `
  query($zoneId: ID!, $year: Int!, $asOf: Date) {
    milestoneProgress(year: $year, zoneId: $zoneId, asOf: $asOf) {
      target { id metric } asOf actual forecast status contributors { id }
    }
    zone(id: $zoneId) { occupancy(asOf: $asOf) { unitsTotal unitsLeased totalArea leasedArea rate } }
    overdueReports(zoneId: $zoneId, asOf: $asOf)
  }`;

const D = '2026-06-15';
const E = '2025-12-31';

let t: TestApp;
let f: MilestoneFixtures;
let zones: Zones;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  f = new MilestoneFixtures(t);
  zones = await f.zones();
  admin = await t.adminToken();
  const z = zones.startup;

  const a = await f.firm(z, '2025-03-01', { name: 'A resident since March 2025' });
  await f.firm(z, '2025-05-01', { name: 'B left in February 2026', exitedOn: '2026-02-01' });
  const c = await f.firm(z, '2026-02-10', { name: 'C entered in 2026' });
  const c2 = await f.firm(z, '2026-03-01', { name: 'C2 entered in 2026' });
  await f.firm(z, '2025-02-01', { name: 'D left in October 2025', exitedOn: '2025-10-01' });

  // Let at the end of 2025: 100 m²; let on D: 50 + 30 m².
  await f.lease(await f.unit(z, '100.00'), a, '2025-06-01', '2025-12-31');
  await f.lease(await f.unit(z, '50.00'), c, '2026-03-01', '2026-12-31');
  await f.lease(await f.unit(z, '30.00'), c2, '2026-04-01', '2026-12-31');

  await f.report(a, '2025-03', '1000.00');
  await f.report(a, '2025-04', '2000.50');
  await f.report(a, '2026-01', '7.00');

  // Open at the end of 2025 and cancelled in 2026; two opened in 2026 and still open on D.
  await f.cancelRequest(await f.openRequest(a, '2025-11-10'), '2026-02-01');
  await f.openRequest(c, '2026-04-01');
  await f.openRequest(c2, '2026-04-02');

  await f.grant(a, '1200.00', '2025-09-01');
  await f.grant(c, '800.00', '2026-05-01');
});
afterAll(() => t?.close());

const dashboard = async (year: number, asOf: string) =>
  (await t.ok<{ zoneDashboard: any }>(DASHBOARD, { zoneId: zones.startup, year, asOf }, admin))
    .zoneDashboard;
const elsewhere = async (year: number, asOf: string) =>
  t.ok<{ milestoneProgress: any[]; zone: { occupancy: unknown }; overdueReports: number }>(
    ELSEWHERE,
    { zoneId: zones.startup, year, asOf },
    admin,
  );
const withoutMilestones = ({ milestones: _, ...rest }: any) => rest;

describe('zoneDashboard of a past year', () => {
  it('shows 2025 as it ended when asked in 2026, with asOf 31 December 2025', async () => {
    const d = await dashboard(2025, D);
    expect(withoutMilestones(d)).toEqual({
      year: 2025,
      asOf: E,
      // A and B (who left in 2026); not C and C2, who came in 2026, nor D, gone in October.
      residentTenants: 2,
      // A, B and D entered in 2025.
      newTenants: 3,
      occupancy: {
        unitsTotal: 3,
        unitsLeased: 1,
        totalArea: '180.00',
        leasedArea: '100.00',
        rate: expect.closeTo(100 / 180, 10),
      },
      outputValueYtd: '3000.50',
      outputByMonth: Array.from({ length: 12 }, (_, i) => ({
        period: `2025-${String(i + 1).padStart(2, '0')}`,
        value: i === 2 ? '1000.00' : i === 3 ? '2000.50' : '0.00',
      })),
      // Due before 31 December 2025 (up to November): A 9 months less 2 reported, B 7, D 9.
      overdueReports: 23,
      openServiceRequests: 1,
      benefitsGranted: '1200.00',
    });
    const then = await elsewhere(2025, E);
    expect(d.occupancy).toEqual(then.zone.occupancy);
    expect(d.overdueReports).toBe(then.overdueReports);
  });

  it('gives its milestones as milestoneProgress does on D: an unmet target of a past year is MISSED', async () => {
    const d = await dashboard(2025, D);
    expect(d.milestones).toEqual((await elsewhere(2025, D)).milestoneProgress);
    const newTech = d.milestones.find((m: any) => m.target.metric === 'NEW_TECH_FIRMS');
    expect(newTech).toMatchObject({ asOf: D, actual: '3.00', status: 'MISSED' });
  });

  it('is the same whichever later day it is asked on, and the same as on its last day', async () => {
    const inJune = withoutMilestones(await dashboard(2025, D));
    expect(withoutMilestones(await dashboard(2025, '2031-01-01'))).toEqual(inJune);
    expect(withoutMilestones(await dashboard(2025, '2026-01-01'))).toEqual(inJune);
    expect(withoutMilestones(await dashboard(2025, E))).toEqual(inJune);
  });

  it('takes a year under way on D itself', async () => {
    const d = await dashboard(2026, D);
    expect(withoutMilestones(d)).toMatchObject({
      year: 2026,
      asOf: D,
      // A, C and C2; B left on 1 February.
      residentTenants: 3,
      newTenants: 2,
      occupancy: { unitsTotal: 3, unitsLeased: 2, leasedArea: '80.00' },
      outputValueYtd: '7.00',
      openServiceRequests: 2,
      benefitsGranted: '800.00',
    });
    const now = await elsewhere(2026, D);
    expect(d.overdueReports).toBe(now.overdueReports);
    expect(d.overdueReports).toBeGreaterThan(23);
    expect(d.milestones).toEqual(now.milestoneProgress);
  });

  it('takes a year that has not begun on D itself, with nothing counted in it yet', async () => {
    const d = await dashboard(2027, D);
    expect(withoutMilestones(d)).toMatchObject({
      year: 2027,
      asOf: D,
      residentTenants: 3,
      newTenants: 0,
      occupancy: { unitsLeased: 2, leasedArea: '80.00' },
      outputValueYtd: '0.00',
      outputByMonth: [],
      openServiceRequests: 2,
      benefitsGranted: '0.00',
    });
    expect(d.overdueReports).toBe((await elsewhere(2026, D)).overdueReports);
  });
});
