import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { actorOf, User } from '@jcv/identity';
import { addMonths, OverdueService, periodsBetween } from '@jcv/reporting';
import { todayInShanghai } from '@jcv/shared';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';
import { ReportingDemo } from '../../seeds/demo/index.js';

let t: TestApp;
const today = todayInShanghai();
const lastMonth = addMonths(today.slice(0, 7), -1);

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
}, 180000);
afterAll(() => t?.close());

const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
/** The park's counted output (latest revisions SUBMITTED or ACCEPTED) of the months given. */
async function counted(from: string, to: string): Promise<Decimal> {
  const [{ s }] = await q(
    `SELECT coalesce(sum(output_value), 0)::text AS s FROM output_reports
     WHERE latest AND status IN ('SUBMITTED', 'ACCEPTED') AND period BETWEEN $1 AND $2`,
    [from, to],
  );
  return new Decimal(s);
}

describe('the demo output reports', () => {
  it('cover each tenant from its entry month to last month, some recent months missing', async () => {
    const tenants: { id: string; entered: string; exited: string | null }[] = await q(
      `SELECT id, to_char(entered_on, 'YYYY-MM') AS entered, to_char(exited_on, 'YYYY-MM') AS exited
       FROM tenants WHERE entered_on <= $1`,
      [`${lastMonth}-28`],
    );
    expect(tenants.length).toBeGreaterThan(20);
    let behind = 0;
    for (const tenant of tenants) {
      const rows: { period: string }[] = await q(
        `SELECT period FROM output_reports WHERE tenant_id = $1 AND latest ORDER BY period`,
        [tenant.id],
      );
      const end = tenant.exited && tenant.exited < lastMonth ? tenant.exited : lastMonth;
      const periods = rows.map((r) => r.period);
      const missing = periodsBetween(tenant.entered, end).length - periods.length;
      expect(periods).toEqual(periodsBetween(tenant.entered, addMonths(end, -missing)));
      expect(missing).toBeLessThanOrEqual(tenant.exited ? 0 : 2);
      if (missing > 0) behind++;
    }
    expect(behind).toBeGreaterThan(0);
  });

  it('have returned months, resubmissions (revision 2) and overdue months', async () => {
    const [stats] = await q(
      `SELECT count(*) FILTER (WHERE latest AND status = 'RETURNED')::int AS "returnedLatest",
              count(*) FILTER (WHERE NOT latest AND status = 'RETURNED')::int AS "resubmitted",
              count(*) FILTER (WHERE revision = 2)::int AS "revision2",
              count(*) FILTER (WHERE latest AND status = 'ACCEPTED')::int AS "accepted"
       FROM output_reports`,
    );
    for (const n of Object.values(stats)) expect(n).toBeGreaterThan(0);
    const [startup] = await q(`SELECT id FROM zones WHERE code = 'STARTUP'`);
    expect(await t.app.get(OverdueService).overdueCount(startup.id, today)).toBeGreaterThan(0);
  });

  it('put 2025 near but under the 140 000 000 yuan target, and 2026 on its way to 210 000 000', async () => {
    const y2025 = await counted('2025-01', '2025-12');
    expect(y2025.lt(140_000_000)).toBe(true);
    expect(y2025.gt(130_000_000)).toBe(true);
    const through = lastMonth < '2026-12' ? lastMonth : '2026-12';
    const months = periodsBetween('2026-01', through).length;
    const pace = (await counted('2026-01', through)).div(months).times(12);
    expect(pace.gte(210_000_000)).toBe(true);
    expect(pace.lt(230_000_000)).toBe(true);
  });

  it('are the same on every load', async () => {
    const digest = () =>
      q(
        `SELECT md5(string_agg(concat_ws(' ', r.tenant_id, r.period, r.revision, r.latest,
                   r.status, r.output_value, r.revenue, r.rd_expense, r.employees,
                   r.patents_filed, r.patents_granted, r.submitted_at, r.review_note),
                   ',' ORDER BY r.tenant_id, r.period, r.revision)) AS d
         FROM output_reports r`,
      );
    const before = await digest();
    await q(`DELETE FROM output_reports`);
    const admin = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: TEST_ADMIN.email });
    const [park] = await q(`SELECT id FROM parks LIMIT 1`);
    await t.app.get(ReportingDemo).load({ parkId: park.id, admin: actorOf(admin), today });
    expect(await digest()).toEqual(before);
  });
});
