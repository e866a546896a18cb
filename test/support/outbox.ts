// What a change wrote to the outbox, read straight from its tables, for the tests of the
// changes that notify users and emit webhook events.
import { expect } from '@jest/globals';
import type { Role } from '@jcv/shared';
import type { TestApp } from './test-app.js';

export interface OutboxEvent {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
  deliveries: { endpointId: string; status: string }[];
}

export interface OutboxNotification {
  userId: string;
  kind: string;
  matter: string;
  params: Record<string, unknown>;
  link: string | null;
}

const idsOf = async (t: TestApp, table: string) =>
  new Set(
    ((await t.dataSource.query(`SELECT id FROM ${table}`)) as { id: string }[]).map((r) => r.id),
  );

/**
 * Runs `work` and returns the events (in the order they were written, each body checked to be
 * `{ type, timestamp, data }`) and the notifications it added.
 */
export async function outboxOf(
  t: TestApp,
  work: () => Promise<unknown>,
): Promise<{ events: OutboxEvent[]; notifications: OutboxNotification[] }> {
  const events = await idsOf(t, 'webhook_events');
  const notes = await idsOf(t, 'notifications');
  await work();
  const rows: { id: string; type: string; body: string; deliveries: OutboxEvent['deliveries'] }[] =
    await t.dataSource.query(
      `SELECT e.id, e.type, e.body,
         coalesce((SELECT json_agg(json_build_object('endpointId', d.endpoint_id, 'status', d.status))
                   FROM webhook_deliveries d WHERE d.event_id = e.id), '[]') AS deliveries
       FROM webhook_events e ORDER BY e.created_at, e.id`,
    );
  const made: (OutboxNotification & { id: string })[] = await t.dataSource.query(
    `SELECT id, user_id AS "userId", kind, matter, params, link FROM notifications ORDER BY user_id`,
  );
  return {
    events: rows
      .filter((r) => !events.has(r.id))
      .map((r): OutboxEvent => {
        const body = JSON.parse(r.body);
        expect(Object.keys(body).sort()).toEqual(['data', 'timestamp', 'type']);
        expect(body.type).toBe(r.type);
        expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
        return {
          id: r.id,
          type: r.type,
          timestamp: body.timestamp,
          data: body.data,
          deliveries: r.deliveries,
        };
      }),
    notifications: made.filter((n) => !notes.has(n.id)).map(({ id: _id, ...n }) => n),
  };
}

/** Makes every write to `table` fail while `work` runs, so the change's transaction rolls back. */
export async function refuseWritesTo<T>(
  t: TestApp,
  table: string,
  work: () => Promise<T>,
): Promise<T> {
  await t.dataSource.query(
    `CREATE OR REPLACE FUNCTION outbox_test_refuse() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
  );
  await t.dataSource.query(
    `CREATE TRIGGER outbox_test_refuse BEFORE INSERT ON ${table}
     FOR EACH ROW EXECUTE FUNCTION outbox_test_refuse()`,
  );
  try {
    return await work();
  } finally {
    await t.dataSource.query(`DROP TRIGGER outbox_test_refuse ON ${table}`);
  }
}

/** The id of the (first) user of a role, of a firm or of none. */
export async function userIdOf(t: TestApp, role: Role, tenantId: string | null): Promise<string> {
  const [u] = await t.dataSource.query(
    `SELECT id FROM users WHERE role = $1 AND tenant_id IS NOT DISTINCT FROM $2`,
    [role, tenantId],
  );
  return u.id;
}
