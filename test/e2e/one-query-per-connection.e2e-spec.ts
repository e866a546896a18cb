import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { InProcessJobs } from '@jcv/jobs';
import { Role } from '@jcv/shared';
import { createWorker, runWorker } from '../../apps/worker/src/worker.js';
import { freshDatabase, startTestApp, testConfig, type TestDatabase } from '../support/test-app.js';

// node-postgres deprecates sending a connection a statement while it runs another ("Calling
// client.query() when the client is already executing a query", an error from pg 9): statements
// inside a transaction share its one connection and must run one after another. This suite
// watches every connection through start-up with the demo park, the jobs run in the API, a
// dashboard, and a run of the worker.

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as Query;
const inFlight = new WeakMap<pg.Client, number>();
const overlapping: string[] = [];

beforeAll(() => {
  (pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args) {
    const busy = inFlight.get(this) ?? 0;
    if (busy > 0) {
      const q = args[0] as string | { text?: string };
      overlapping.push((typeof q === 'string' ? q : String(q?.text)).slice(0, 120));
    }
    inFlight.set(this, busy + 1);
    const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    const result = original.apply(this, args);
    if (result instanceof Promise) result.then(done, done);
    else done();
    return result;
  };
});

afterAll(() => {
  (pg.Client.prototype as unknown as { query: Query }).query = original;
});

describe('one statement at a time on a connection', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ onDisk: true });
  });
  afterAll(() => db.drop());

  it('holds through start-up with the demo park, the scheduled jobs, a dashboard and the worker', async () => {
    const api = await startTestApp({ SEED_DEMO: 'true', WORKER_IN_PROCESS: 'true' }, { db });
    try {
      await api.app.get(InProcessJobs).idle();
      // The demo recorded its trend with the snapshot job, in transactions.
      expect(await api.count('milestone_snapshots')).toBeGreaterThan(0);
      const analyst = await api.tokenFor(Role.ANALYST);
      const { zones } = await api.ok<{ zones: { id: string }[] }>(`{ zones { id } }`, {}, analyst);
      const dashboards = await Promise.all(
        zones.map((z) =>
          api.ok(
            `query($z: ID!) { zoneDashboard(zoneId: $z, year: 2026, asOf: "2026-06-30") {
               residentTenants milestones { actual status } } }`,
            { z: z.id },
            analyst,
          ),
        ),
      );
      expect(dashboards).toHaveLength(2);
    } finally {
      await api.close({ keepDatabase: true });
    }

    // The embedded database takes one process at a time: the worker opens it after the API.
    const worker = await createWorker(testConfig(db.env));
    try {
      await runWorker(worker, { once: true, date: '2026-06-30' });
    } finally {
      await worker.close();
    }
    expect(overlapping).toEqual([]);
  });
});
