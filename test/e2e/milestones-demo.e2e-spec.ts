import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SnapshotJobService } from '@jcv/milestones';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The demo park's milestones, as a newcomer's `npm start` shows them, on fixed days of the
// year (DEMO_TODAY makes the demo up to that day): the same answers whatever the real date.

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** 2025's targets, closed: the same on every day of 2026. */
const CLOSED_2025 = {
  'NEW_TECH_FIRMS STARTUP': 'MISSED',
  'NEW_HIGH_TECH_FIRMS STARTUP': 'ACHIEVED',
  'INDUSTRIALIZATION_PROJECTS EXPANSION': 'MISSED',
  'ANNUAL_OUTPUT_VALUE park': 'MISSED',
};

describe.each([
  {
    today: '2026-02-15',
    statuses2026: {
      'NEW_TECH_FIRMS STARTUP': 'ON_TRACK',
      'NEW_HIGH_TECH_FIRMS STARTUP': 'BEHIND',
      'NEW_SRDI_FIRMS STARTUP': 'BEHIND',
      'INDUSTRIALIZATION_PROJECTS EXPANSION': 'ON_TRACK',
      'ANNUAL_OUTPUT_VALUE park': 'ON_TRACK',
    },
    alerts: 0,
  },
  {
    today: '2026-09-15',
    statuses2026: {
      'NEW_TECH_FIRMS STARTUP': 'AT_RISK',
      'NEW_HIGH_TECH_FIRMS STARTUP': 'BEHIND',
      'NEW_SRDI_FIRMS STARTUP': 'ACHIEVED',
      'INDUSTRIALIZATION_PROJECTS EXPANSION': 'AT_RISK',
      'ANNUAL_OUTPUT_VALUE park': 'ON_TRACK',
    },
    alerts: 8,
  },
])('the demo park made up to $today', ({ today, statuses2026, alerts }) => {
  const year = Number(today.slice(0, 4));
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'true', DEMO_TODAY: today });
    admin = await t.adminToken();
  }, 180_000);
  afterAll(() => t?.close());

  /** Each target's status on the demo's today, by metric and zone. */
  const statuses = async (y: number) => {
    const { milestoneProgress } = await t.ok<{
      milestoneProgress: {
        target: { metric: string; zone: { code: string } | null };
        status: string;
      }[];
    }>(
      `query($y: Int!, $asOf: Date) {
         milestoneProgress(year: $y, asOf: $asOf) { target { metric zone { code } } status }
       }`,
      { y, asOf: today },
      admin,
    );
    return Object.fromEntries(
      milestoneProgress.map((p) => [
        `${p.target.metric} ${p.target.zone?.code ?? 'park'}`,
        p.status,
      ]),
    );
  };

  it('closes 2025 with targets achieved and targets missed, and shows 2026 under way', async () => {
    expect(await statuses(2025)).toEqual(CLOSED_2025);
    expect(await statuses(2026)).toEqual(statuses2026);
  });

  it("holds this year's snapshots week by week up to today, and no second one for today", async () => {
    const days: { day: string }[] = await t.dataSource.query(
      `SELECT DISTINCT day::text AS day FROM milestone_snapshots ORDER BY 1`,
    );
    const weekly: string[] = [];
    for (let d = `${year}-01-01`; d < today; d = addDays(d, 7)) weekly.push(d);
    expect(days.map((d) => d.day)).toEqual([...weekly, today]);
    expect(await t.app.get(SnapshotJobService).run(today)).toMatchObject({
      snapshots: 0,
      alerts: 0,
    });
  });

  it('raises alerts that match the trend they come from', async () => {
    const { milestoneAlerts } = await t.ok<{ milestoneAlerts: any }>(
      `{ milestoneAlerts(first: 100) { totalCount edges { node { day fromStatus toStatus target { id } } } } }`,
      {},
      admin,
    );
    expect(milestoneAlerts.totalCount).toBe(alerts);
    expect(milestoneAlerts.edges).toHaveLength(alerts);
    for (const { node } of milestoneAlerts.edges) {
      const { milestoneHistory } = await t.ok<{
        milestoneHistory: { day: string; status: string }[];
      }>(
        `query($id: ID!) { milestoneHistory(targetId: $id) { day status } }`,
        { id: node.target.id },
        admin,
      );
      const at = milestoneHistory.findIndex((s) => s.day === node.day);
      expect(at).toBeGreaterThan(0);
      expect(milestoneHistory[at].status).toBe(node.toStatus);
      expect(milestoneHistory[at - 1].status).toBe(node.fromStatus);
    }
  });
});
