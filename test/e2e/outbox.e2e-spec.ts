// The outbox writes notifications and webhook events with the change's own transaction: a
// change that rolls back leaves nothing, a committed one always leaves them, and a matter is
// notified once however often it is written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationKind, OutboxService } from '@jcv/notifications';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('outbox', () => {
  let t: TestApp;
  let outbox: OutboxService;
  let firmA: string;
  let firmB: string;

  const firm = async (name: string) => {
    const [zone] = await t.dataSource.query(`SELECT id FROM zones ORDER BY code LIMIT 1`);
    const data = await t.ok<{ registerTenant: { id: string } }>(
      `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
      {
        input: {
          name,
          kind: 'TEAM',
          zoneId: zone.id,
          industryChain: 'AI_PLUS',
          isTechFirm: true,
          enteredOn: '2026-01-05',
        },
      },
      await t.adminToken(),
    );
    return data.registerTenant.id;
  };

  const draft = (tenantId: string, matter: string) => ({
    kind: NotificationKind.REPORT_DUE,
    matter,
    to: { tenantId, tenantRoles: [Role.TENANT_ADMIN, Role.TENANT_REPORTER] },
    params: { tenantName: 'A', period: '2026-10', dueOn: '2026-11-15' },
    link: '/reports/new?period=2026-10',
  });

  beforeAll(async () => {
    t = await startTestApp();
    outbox = t.app.get(OutboxService);
    firmA = await firm('甲团队');
    firmB = await firm('乙团队');
    await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firmA });
    await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firmA });
    await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firmB });
    await t.tokenFor(Role.ANALYST);
  });

  afterAll(() => t?.close());

  it('writes nothing when the change rolls back', async () => {
    await expect(
      t.dataSource.transaction(async (em) => {
        await outbox.notify(em, draft(firmA, 'rolled-back'));
        await outbox.emit(em, 'report.submitted', { reportId: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.count('notifications')).toBe(0);
    expect(await t.count('webhook_events')).toBe(0);
  });

  it("notifies the firm's chosen roles once per matter", async () => {
    const made = await t.dataSource.transaction((em) => outbox.notify(em, draft(firmA, 'm1')));
    expect(made).toBe(2);
    const again = await t.dataSource.transaction((em) =>
      outbox.notifyMany(em, [draft(firmA, 'm1'), draft(firmA, 'm1')]),
    );
    expect(again).toBe(0);
    const rows = await t.dataSource.query(
      `SELECT u.role, u.tenant_id FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.matter = 'm1' ORDER BY u.role`,
    );
    expect(rows).toEqual([
      { role: 'TENANT_ADMIN', tenant_id: firmA },
      { role: 'TENANT_REPORTER', tenant_id: firmA },
    ]);
  });

  it('reaches committee roles by role, and no inactive user', async () => {
    const made = await t.dataSource.transaction((em) =>
      outbox.notify(em, {
        kind: NotificationKind.MILESTONE_ALERT,
        matter: 'alert-1',
        to: { roles: [Role.ADMIN, Role.ANALYST] },
        params: { zone: 'STARTUP', metric: 'NEW_TECH_FIRMS', year: 2026, status: 'BEHIND' },
      }),
    );
    expect(made).toBe(2);
    await t.dataSource.query(`UPDATE users SET active = false WHERE role = 'ANALYST'`);
    const later = await t.dataSource.transaction((em) =>
      outbox.notify(em, {
        kind: NotificationKind.MILESTONE_ALERT,
        matter: 'alert-2',
        to: { roles: [Role.ANALYST] },
        params: { zone: 'STARTUP', metric: 'NEW_TECH_FIRMS', year: 2026, status: 'BEHIND' },
      }),
    );
    expect(later).toBe(0);
  });

  it('writes no e-mail rows without SMTP_URL', async () => {
    expect(await t.count('notification_emails')).toBe(0);
  });

  it('writes an event only for endpoints that want its type, with one delivery each', async () => {
    await t.dataSource.transaction((em) => outbox.emit(em, 'bill.issued', { billId: 'none' }));
    expect(await t.count('webhook_events')).toBe(0);
    const [all] = await t.dataSource.query(
      `INSERT INTO webhook_endpoints (url, events, secret) VALUES ('https://a.example/hook', '{}', 'whsec_dGVzdA==') RETURNING id`,
    );
    const [bills] = await t.dataSource.query(
      `INSERT INTO webhook_endpoints (url, events, secret) VALUES ('https://b.example/hook', '{bill.issued}', 'whsec_dGVzdA==') RETURNING id`,
    );
    await t.dataSource.query(
      `INSERT INTO webhook_endpoints (url, events, secret, active) VALUES ('https://c.example/hook', '{}', 'whsec_dGVzdA==', false)`,
    );
    await t.dataSource.transaction((em) =>
      outbox.emitMany(em, 'bill.issued', [{ billId: 'b1' }, { billId: 'b2' }]),
    );
    await t.dataSource.transaction((em) => outbox.emit(em, 'tenant.exited', { tenantId: firmB }));
    const deliveries = await t.dataSource.query(
      `SELECT e.type, d.endpoint_id, d.status, e.body FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id ORDER BY e.type, d.endpoint_id, e.body`,
    );
    const byEndpoint = (id: string) => deliveries.filter((d: any) => d.endpoint_id === id);
    expect(byEndpoint(all.id).map((d: any) => d.type)).toEqual([
      'bill.issued',
      'bill.issued',
      'tenant.exited',
    ]);
    expect(byEndpoint(bills.id).map((d: any) => d.type)).toEqual(['bill.issued', 'bill.issued']);
    expect(deliveries).toHaveLength(5);
    const body = JSON.parse(deliveries[0].body);
    expect(Object.keys(body)).toEqual(['type', 'timestamp', 'data']);
    expect(body.type).toBe('bill.issued');
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    const ids = await t.dataSource.query(`SELECT id FROM webhook_events`);
    for (const { id } of ids) expect(id).toMatch(/^msg_[0-9a-z]{26}$/);
  });
});

describe('a large batch of events', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t?.close());

  it('writes nothing for a type no endpoint wants, and every event once one does', async () => {
    const outbox = t.app.get(OutboxService);
    const batch = Array.from({ length: 200 }, (_, i) => ({ billId: `b${i}` }));
    await t.dataSource.query(
      `INSERT INTO webhook_endpoints (url, events, secret) VALUES ('https://a.example/hook', '{report.submitted}', 'whsec_dGVzdA==')`,
    );
    await t.dataSource.transaction((em) => outbox.emitMany(em, 'bill.issued', batch));
    expect(await t.count('webhook_events')).toBe(0);
    await t.dataSource.query(`UPDATE webhook_endpoints SET events = '{}'`);
    await t.dataSource.transaction((em) => outbox.emitMany(em, 'bill.issued', batch));
    const rows = await t.dataSource.query(`SELECT id, body FROM webhook_events`);
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r: { id: string }) => r.id)).size).toBe(200);
    expect(rows.map((r: { body: string }) => JSON.parse(r.body).data.billId).sort()).toEqual(
      batch.map((b) => b.billId).sort(),
    );
    expect(await t.count('webhook_deliveries')).toBe(200);
  });
});

describe('outbox with SMTP_URL set', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:2525' });
  });

  afterAll(() => t?.close());

  it('writes an e-mail row beside each new notification, and none for a repeat', async () => {
    const outbox = t.app.get(OutboxService);
    const notify = () =>
      t.dataSource.transaction((em) =>
        outbox.notify(em, {
          kind: NotificationKind.MILESTONE_ALERT,
          matter: 'alert-1',
          to: { roles: [Role.ADMIN] },
          params: { zone: 'PARK', metric: 'OUTPUT_VALUE', year: 2026, status: 'AT_RISK' },
        }),
      );
    expect(await notify()).toBe(1);
    expect(await notify()).toBe(0);
    const rows = await t.dataSource.query(
      `SELECT e.status, e.attempts FROM notification_emails e JOIN notifications n ON n.id = e.notification_id`,
    );
    expect(rows).toEqual([{ status: 'PENDING', attempts: 0 }]);
  });
});
