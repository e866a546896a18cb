import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SnapshotJobService } from '@jcv/milestones';
import { todayInShanghai } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The demo park's milestones, as a newcomer's `npm start` shows them.

let t: TestApp;
let admin: string;
const today = todayInShanghai();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
  admin = await t.adminToken();
}, 180_000);
afterAll(() => t?.close());

const statuses = async (y: number) =>
  (
    await t.ok<{ milestoneProgress: { status: string }[] }>(
      `query($y: Int!) { milestoneProgress(year: $y) { status } }`,
      { y },
      admin,
    )
  ).milestoneProgress.map((p) => p.status);

it('closes 2025 with targets achieved and targets missed, and shows 2026 under way', async () => {
  if (today > '2025-12-31') {
    const y2025 = await statuses(2025);
    expect(y2025).toContain('ACHIEVED');
    expect(y2025).toContain('MISSED');
  }
  if (year === 2026) {
    const y2026 = await statuses(2026);
    expect(y2026).not.toContain('NOT_STARTED');
    expect(y2026).not.toContain('MISSED');
    expect(new Set(y2026).size).toBeGreaterThanOrEqual(3);
  }
});

it("holds this year's snapshots week by week up to today, and no second one for today", async () => {
  const days: { day: string }[] = await t.dataSource.query(
    `SELECT DISTINCT day::text AS day FROM milestone_snapshots ORDER BY 1`,
  );
  expect(days[0].day).toBe(`${year}-01-01`);
  expect(days[days.length - 1].day).toBe(today);
  for (const { day } of days.slice(0, -1)) {
    const n = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
    expect(n % 7).toBe(0);
  }
  expect(await t.app.get(SnapshotJobService).run(today)).toMatchObject({ snapshots: 0, alerts: 0 });
});

it('raises alerts that match the trend they come from', async () => {
  const { milestoneAlerts } = await t.ok<{ milestoneAlerts: any }>(
    `{ milestoneAlerts(first: 100) { totalCount edges { node { day fromStatus toStatus target { id } } } } }`,
    {},
    admin,
  );
  if (today >= `${year}-04-01`) expect(milestoneAlerts.totalCount).toBeGreaterThan(0);
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
