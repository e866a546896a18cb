import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxService, type WebhookEventType } from '@jcv/notifications';
import { ALL_ROLES, Role } from '@jcv/shared';
import { type GqlResult, startTestApp, type TestApp } from '../support/test-app.js';

// The committee's webhook endpoints through the API: registered with a secret shown once,
// refused for a URL the platform must not call, turned off and on, and the deliveries the
// outbox makes for them listed, filtered, paged and sent again.

/** WEBHOOK_ALLOW_INSECURE=true, as in development: http:// on loopback is accepted. */
let t: TestApp;
/** The default: https only, public addresses only. */
let strict: TestApp;

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret endpoint { id url events active consecutiveFailures createdAt } } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) {
  setWebhookEndpointActive(id: $id, active: $active) { id active consecutiveFailures } }`;
const DELIVERIES = `query($endpointId: ID, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id eventId eventType status attempts lastResponseStatus nextAttemptAt createdAt
      endpoint { id url } } } } }`;
const REDELIVER = `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) {
  id eventId eventType status attempts nextAttemptAt endpoint { id } } }`;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  endpoint: { id: string; url: string };
}

const errorOf = (res: GqlResult) => ({
  code: res.errors?.[0]?.extensions.code,
  fields: res.errors?.[0]?.extensions.fields?.map((f) => f.field).sort(),
  message: res.errors?.[0]?.message,
});

const LOOPBACK = 'http://127.0.0.1:48123/hooks/jcv';
/** A public address written as such: no name to resolve. */
const PUBLIC = 'https://93.184.216.34/hooks/jcv';

async function create(app: TestApp, url: string, events: string[] = []) {
  const { createWebhookEndpoint } = await app.ok(
    CREATE,
    { input: { url, events } },
    await app.adminToken(),
  );
  return createWebhookEndpoint as {
    secret: string;
    endpoint: { id: string; url: string; events: string[]; active: boolean };
  };
}

/** An event as a lib emits it, in a transaction of its own. */
async function emit(type: WebhookEventType, ...datas: object[]) {
  const outbox = t.app.get(OutboxService);
  await t.dataSource.transaction((em) => outbox.emitMany(em, type, datas));
}

async function deliveries(variables: Record<string, unknown>) {
  const { webhookDeliveries } = await t.ok(DELIVERIES, variables, await t.adminToken());
  return webhookDeliveries as {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Delivery }[];
  };
}

/** What a refused call could have written. */
async function written(app: TestApp) {
  return {
    endpoints: await app.count('webhook_endpoints'),
    audit: await app.count('audit_events'),
  };
}

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_INSECURE: 'true' });
  strict = await startTestApp();
});
afterAll(async () => {
  await t?.close();
  await strict?.close();
});

describe('createWebhookEndpoint', () => {
  it('shows the secret once, stores it, and no query reads it again', async () => {
    const admin = await t.adminToken();
    const created = await create(t, LOOPBACK, [
      'report.submitted',
      'bill.paid',
      'report.submitted',
    ]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64')).toHaveLength(24);
    expect(created.endpoint).toMatchObject({
      url: LOOPBACK,
      events: ['report.submitted', 'bill.paid'],
      active: true,
      consecutiveFailures: 0,
    });
    const [row] = await t.dataSource.query(
      `SELECT secret, created_by, events FROM webhook_endpoints WHERE id = $1`,
      [created.endpoint.id],
    );
    expect(row.secret).toBe(created.secret);
    expect(row.events).toEqual(['report.submitted', 'bill.paid']);
    const [{ id: adminId }] = await t.dataSource.query(`SELECT id FROM users WHERE role = 'ADMIN'`);
    expect(row.created_by).toBe(adminId);
    expect((await create(t, LOOPBACK)).secret).not.toBe(created.secret);

    // No type of the schema but the creation's answer has a secret.
    const { __schema } = await t.ok(`{ __schema { types { name fields { name } } } }`, {}, admin);
    const secretFields = (__schema.types as { name: string; fields: { name: string }[] | null }[])
      .flatMap((type) => (type.fields ?? []).map((f) => `${type.name}.${f.name}`))
      .filter((f) => /secret/i.test(f));
    expect(secretFields).toEqual(['CreatedWebhookEndpoint.secret']);
    const asked = await t.gql(`{ webhookEndpoints { id secret } }`, {}, admin);
    expect(asked.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Nor does it show in what is read afterwards: the list, the deliveries, the audit trail.
    await emit('bill.paid', { billId: randomUUID() });
    const answers = JSON.stringify([
      await t.ok(`{ webhookEndpoints { id url events active createdAt } }`, {}, admin),
      await t.ok(DELIVERIES, { endpointId: created.endpoint.id }, admin),
      await t.ok(
        `{ auditEvents(entity: "WebhookEndpoint") { edges { node { operation entityId after } } } }`,
        {},
        admin,
      ),
    ]);
    expect(answers).toContain(created.endpoint.id);
    expect(answers).toContain('createWebhookEndpoint');
    expect(answers).not.toContain(created.secret.slice('whsec_'.length));
  });

  it('lists the endpoints newest first', async () => {
    const older = await create(t, `${LOOPBACK}/older`);
    const newer = await create(t, `${LOOPBACK}/newer`, ['tenant.exited']);
    const { webhookEndpoints } = await t.ok(
      `{ webhookEndpoints { id url events } }`,
      {},
      await t.adminToken(),
    );
    const ids = webhookEndpoints.map((e: { id: string }) => e.id);
    expect(ids.indexOf(newer.endpoint.id)).toBeLessThan(ids.indexOf(older.endpoint.id));
    expect(webhookEndpoints).toContainEqual({
      id: newer.endpoint.id,
      url: `${LOOPBACK}/newer`,
      events: ['tenant.exited'],
    });
    expect(webhookEndpoints).toHaveLength(await t.count('webhook_endpoints'));
  });

  it.each([
    ['http:// on a public host', 'http://93.184.216.34/hooks', /https/],
    ['http:// on a public name', 'http://stats.example.cn/hooks', /https/],
    ['a private address', 'https://10.0.0.1/hooks', /10\.0\.0\.1.*not a public address/],
    ['the metadata address', 'https://169.254.169.254/latest/meta-data', /not a public address/],
    ['IPv6 loopback over https', 'https://[::1]/hooks', /not a public address/],
    ['a mapped private address', 'https://[::ffff:192.168.1.20]/hooks', /not a public address/],
    ['another scheme', 'ftp://93.184.216.34/hooks', /https/],
    ['credentials', 'https://user:pass@93.184.216.34/hooks', /user name or password/],
    ['no URL at all', 'hooks.example.cn/jcv', /valid URL/],
    ['loopback without WEBHOOK_ALLOW_INSECURE', LOOPBACK, /https/],
    ['a URL too long', `https://93.184.216.34/${'a'.repeat(2000)}`, /2000 characters/],
  ])('refuses %s naming url, writing nothing', async (_, url, reason) => {
    const admin = await strict.adminToken();
    const before = await written(strict);
    const res = await strict.gql(CREATE, { input: { url, events: [] } }, admin);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['url'] });
    expect(res.errors![0].extensions.fields![0].message).toMatch(reason);
    expect(await written(strict)).toEqual(before);
  });

  it('accepts https:// to a public address, and http:// to loopback only when allowed', async () => {
    expect((await create(strict, PUBLIC)).endpoint.url).toBe(PUBLIC);
    expect((await create(t, LOOPBACK)).endpoint.url).toBe(LOOPBACK);
    expect((await create(t, 'http://localhost:48123/jcv')).endpoint.url).toBe(
      'http://localhost:48123/jcv',
    );
    // Loopback is the only exception WEBHOOK_ALLOW_INSECURE makes.
    for (const url of ['http://93.184.216.34/hooks', 'https://192.168.0.10/hooks']) {
      const res = await t.gql(CREATE, { input: { url, events: [] } }, await t.adminToken());
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['url'] });
    }
  });

  it('refuses an unknown event type naming events, writing nothing', async () => {
    const admin = await t.adminToken();
    const before = await written(t);
    const res = await t.gql(
      CREATE,
      { input: { url: LOOPBACK, events: ['report.submitted', 'report.deleted'] } },
      admin,
    );
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['events'] });
    expect(res.errors![0].message).toContain('"report.deleted" is not an event type');
    // Both problems at once are both named.
    const both = await t.gql(
      CREATE,
      { input: { url: 'https://10.1.2.3/', events: ['REPORT_SUBMITTED'] } },
      admin,
    );
    expect(errorOf(both)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['events', 'url'] });
    expect(await written(t)).toEqual(before);
  });
});

describe('who may manage webhooks', () => {
  it('is ADMIN alone: every other role is FORBIDDEN, writing nothing', async () => {
    const admin = await t.adminToken();
    const [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones LIMIT 1`);
    const [{ id: tenantId }] = await t.dataSource.query(
      `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
       VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2025-01-10', 'RESIDENT') RETURNING id`,
      [`Team ${randomBytes(4).toString('hex')}`, zoneId],
    );
    const { createServiceProvider } = await t.ok(
      `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
      { input: { name: `Provider ${randomBytes(4).toString('hex')}`, categories: ['LEGAL'] } },
      admin,
    );
    const { endpoint } = await create(t, LOOPBACK);
    await emit('tenant.exited', { tenantId });
    const [{ id: deliveryId }] = await t.dataSource.query(
      `SELECT id FROM webhook_deliveries WHERE endpoint_id = $1`,
      [endpoint.id],
    );
    await t.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL WHERE id = $1`,
      [deliveryId],
    );
    const operations: [string, Record<string, unknown>][] = [
      [`{ webhookEndpoints { id } }`, {}],
      [`{ webhookDeliveries { totalCount } }`, {}],
      [CREATE, { input: { url: LOOPBACK, events: [] } }],
      [SET_ACTIVE, { id: endpoint.id, active: false }],
      [REDELIVER, { id: deliveryId }],
    ];
    const tokens: [Role, string][] = [];
    for (const role of ALL_ROLES.filter((r) => r !== Role.ADMIN)) {
      const token = await t.tokenFor(role, {
        tenantId: role.startsWith('TENANT_') ? tenantId : undefined,
        serviceProviderId: role === Role.SERVICE_PROVIDER ? createServiceProvider.id : undefined,
      });
      tokens.push([role, token]);
    }
    expect(tokens).toHaveLength(ALL_ROLES.length - 1);
    const before = await written(t);
    for (const [role, token] of tokens) {
      for (const [query, variables] of operations) {
        const res = await t.gql(query, variables, token);
        expect({ role, query, code: errorOf(res).code }).toEqual({
          role,
          query,
          code: 'FORBIDDEN',
        });
      }
    }
    for (const [query, variables] of operations) {
      expect(errorOf(await t.gql(query, variables)).code).toBe('UNAUTHENTICATED');
    }
    expect(await written(t)).toEqual(before);
    const [delivery] = await t.dataSource.query(
      `SELECT status FROM webhook_deliveries WHERE id = $1`,
      [deliveryId],
    );
    expect(delivery.status).toBe('FAILED');
    const [row] = await t.dataSource.query(`SELECT active FROM webhook_endpoints WHERE id = $1`, [
      endpoint.id,
    ]);
    expect(row.active).toBe(true);
  });
});

describe('setWebhookEndpointActive', () => {
  it('turns an endpoint off, and on again with its failures forgotten', async () => {
    const admin = await t.adminToken();
    const { endpoint } = await create(t, LOOPBACK);
    const off = await t.ok(SET_ACTIVE, { id: endpoint.id, active: false }, admin);
    expect(off.setWebhookEndpointActive).toEqual({
      id: endpoint.id,
      active: false,
      consecutiveFailures: 0,
    });
    // As the dispatcher leaves an endpoint it deactivated.
    await t.dataSource.query(
      `UPDATE webhook_endpoints SET consecutive_failures = 20,
         deactivated_reason = '20 failed attempts in a row' WHERE id = $1`,
      [endpoint.id],
    );
    const on = await t.ok(SET_ACTIVE, { id: endpoint.id, active: true }, admin);
    expect(on.setWebhookEndpointActive).toEqual({
      id: endpoint.id,
      active: true,
      consecutiveFailures: 0,
    });
    const [row] = await t.dataSource.query(
      `SELECT active, consecutive_failures, deactivated_reason FROM webhook_endpoints WHERE id = $1`,
      [endpoint.id],
    );
    expect(row).toEqual({ active: true, consecutive_failures: 0, deactivated_reason: null });
    const audit = await t.dataSource.query(
      `SELECT before, after FROM audit_events
       WHERE operation = 'setWebhookEndpointActive' AND entity_id = $1 ORDER BY id`,
      [endpoint.id],
    );
    expect(audit.map((a: { after: { active: boolean } }) => a.after.active)).toEqual([false, true]);
    expect(audit[1].before).toMatchObject({ active: false, consecutiveFailures: 20 });
    // Asking for what it is already changes nothing and records nothing.
    await t.ok(SET_ACTIVE, { id: endpoint.id, active: true }, admin);
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [
        endpoint.id,
      ]),
    ).toEqual([{ n: 3 }]);
  });

  it('is NOT_FOUND for an endpoint that does not exist', async () => {
    for (const id of [randomUUID(), 'not-an-id']) {
      const res = await t.gql(SET_ACTIVE, { id, active: false }, await t.adminToken());
      expect(errorOf(res)).toMatchObject({
        code: 'NOT_FOUND',
        message: `WebhookEndpoint ${id} was not found`,
      });
    }
  });
});

describe('webhookDeliveries', () => {
  it('holds a delivery per event for each active endpoint that wants its type', async () => {
    const every = await create(t, LOOPBACK);
    const reports = await create(t, LOOPBACK, ['report.submitted']);
    const off = await create(t, LOOPBACK);
    await t.ok(SET_ACTIVE, { id: off.endpoint.id, active: false }, await t.adminToken());

    const reportId = randomUUID();
    await emit('report.submitted', { reportId, period: '2026-03', status: 'SUBMITTED' });
    await emit('bill.paid', { billId: randomUUID() });

    const toEvery = await deliveries({ endpointId: every.endpoint.id });
    expect(toEvery.totalCount).toBe(2);
    // Newest first; each names its event and its endpoint.
    expect(toEvery.edges.map((e) => e.node.eventType)).toEqual(['bill.paid', 'report.submitted']);
    expect(toEvery.edges[1].node).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      lastResponseStatus: null,
      endpoint: { id: every.endpoint.id, url: LOOPBACK },
    });
    expect(toEvery.edges[1].node.nextAttemptAt).not.toBeNull();
    // The event the reports endpoint got is the same one: the same webhook-id, the same body.
    const toReports = await deliveries({ endpointId: reports.endpoint.id });
    expect(toReports.edges.map((e) => e.node.eventType)).toEqual(['report.submitted']);
    const eventId = toReports.edges[0].node.eventId;
    expect(eventId).toMatch(/^msg_[0-9a-z]{26}$/);
    expect(toEvery.edges[1].node.eventId).toBe(eventId);
    const [event] = await t.dataSource.query(
      `SELECT type, body FROM webhook_events WHERE id = $1`,
      [eventId],
    );
    expect(JSON.parse(event.body)).toMatchObject({
      type: 'report.submitted',
      data: { reportId, period: '2026-03', status: 'SUBMITTED' },
    });
    // An inactive endpoint gets nothing.
    expect((await deliveries({ endpointId: off.endpoint.id })).totalCount).toBe(0);

    // Unfiltered, the list holds every delivery.
    const all = await deliveries({ first: 100 });
    expect(all.totalCount).toBe(await t.count('webhook_deliveries'));
    expect(all.edges.map((e) => e.node.id)).toEqual(
      expect.arrayContaining([...toEvery.edges, ...toReports.edges].map((e) => e.node.id)),
    );
  });

  it('makes no event at all when no active endpoint wants the type', async () => {
    const [turnedOff] = await t.dataSource.query(
      `UPDATE webhook_endpoints SET active = false
       WHERE active AND (events @> ARRAY['lease.ended'] OR cardinality(events) = 0) RETURNING id`,
    );
    try {
      const events = await t.count('webhook_events');
      const made = await t.count('webhook_deliveries');
      await emit('lease.ended', { leaseId: randomUUID() });
      expect(await t.count('webhook_events')).toBe(events);
      expect(await t.count('webhook_deliveries')).toBe(made);
    } finally {
      await t.dataSource.query(`UPDATE webhook_endpoints SET active = true WHERE id = ANY ($1)`, [
        turnedOff.map((e: { id: string }) => e.id),
      ]);
    }
  });

  it('pages newest first, also through deliveries made at the same instant', async () => {
    const { endpoint } = await create(t, LOOPBACK, ['lease.created']);
    await emit('lease.created', { leaseId: 'first' });
    // Five events in one statement: their deliveries share one creation time.
    await emit('lease.created', ...[1, 2, 3, 4, 5].map((n) => ({ leaseId: `batch-${n}` })));
    await emit('lease.created', { leaseId: 'last' });
    const whole = await deliveries({ endpointId: endpoint.id, first: 100 });
    expect(whole.totalCount).toBe(7);
    const bodies = await t.dataSource.query(
      `SELECT e.body FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
       WHERE d.endpoint_id = $1 ORDER BY d.created_at DESC, d.id DESC`,
      [endpoint.id],
    );
    const leaseIds = bodies.map((b: { body: string }) => JSON.parse(b.body).data.leaseId);
    expect(leaseIds[0]).toBe('last');
    expect(leaseIds[6]).toBe('first');

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await deliveries({ endpointId: endpoint.id, first: 2, after });
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(4);
    expect(seen).toEqual(whole.edges.map((e) => e.node.id));
  });

  it('filters by status, and refuses a bad filter or cursor naming it', async () => {
    const admin = await t.adminToken();
    const { endpoint } = await create(t, LOOPBACK, ['milestone.alert']);
    await emit('milestone.alert', { alertId: randomUUID() }, { alertId: randomUUID() });
    const [failed] = await t.dataSource
      .query(
        `UPDATE webhook_deliveries SET status = 'FAILED', attempts = 10, next_attempt_at = NULL,
         last_response_status = 500
       WHERE id = (SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 LIMIT 1)
       RETURNING id`,
        [endpoint.id],
      )
      .then(([rows]: [{ id: string }[]]) => rows);
    const onlyFailed = await deliveries({ endpointId: endpoint.id, status: 'FAILED' });
    expect(onlyFailed.totalCount).toBe(1);
    expect(onlyFailed.edges[0].node).toMatchObject({
      id: failed.id,
      status: 'FAILED',
      attempts: 10,
      lastResponseStatus: 500,
      nextAttemptAt: null,
    });
    expect((await deliveries({ endpointId: endpoint.id, status: 'PENDING' })).totalCount).toBe(1);
    const everyFailed = await deliveries({ status: 'FAILED', first: 100 });
    expect(everyFailed.edges.every((e) => e.node.status === 'FAILED')).toBe(true);

    // A cursor made up by hand is read like any other: before the year 33658, before 1970.
    const forged = (micros: string, id: string) =>
      Buffer.from(JSON.stringify([micros, id])).toString('base64url');
    const farFuture = forged('999999999999999999', randomUUID());
    expect((await deliveries({ endpointId: endpoint.id, after: farFuture })).edges).toHaveLength(2);
    expect(
      (await deliveries({ endpointId: endpoint.id, after: forged('0', randomUUID()) })).edges,
    ).toEqual([]);

    for (const [variables, field] of [
      [{ endpointId: 'nope' }, 'endpointId'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from('["1e400","x"]').toString('base64url') }, 'after'],
      [{ first: 0 }, 'first'],
    ] as const) {
      const res = await t.gql(DELIVERIES, variables, admin);
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
    }
  });
});

describe('redeliverWebhook', () => {
  it('schedules a FAILED delivery again at once, with the same event', async () => {
    const admin = await t.adminToken();
    const { endpoint } = await create(t, LOOPBACK, ['benefit.decided']);
    await emit('benefit.decided', { applicationId: randomUUID(), status: 'APPROVED' });
    const [delivery] = await t.dataSource
      .query(
        `UPDATE webhook_deliveries SET status = 'FAILED', attempts = 10, next_attempt_at = NULL,
         last_response_status = 503
       WHERE endpoint_id = $1 RETURNING id, event_id`,
        [endpoint.id],
      )
      .then(([rows]: [{ id: string; event_id: string }[]]) => rows);
    const events = await t.count('webhook_events');

    const { redeliverWebhook } = await t.ok(REDELIVER, { id: delivery.id }, admin);
    expect(redeliverWebhook).toMatchObject({
      id: delivery.id,
      eventId: delivery.event_id,
      eventType: 'benefit.decided',
      status: 'PENDING',
      attempts: 0,
      endpoint: { id: endpoint.id },
    });
    const [row] = await t.dataSource.query(
      `SELECT status, attempts, event_id, next_attempt_at <= now() AS due
       FROM webhook_deliveries WHERE id = $1`,
      [delivery.id],
    );
    expect(row).toEqual({ status: 'PENDING', attempts: 0, event_id: delivery.event_id, due: true });
    expect(await t.count('webhook_events')).toBe(events);
    const [audit] = await t.dataSource.query(
      `SELECT actor_role, before, after FROM audit_events
       WHERE operation = 'redeliverWebhook' AND entity_id = $1`,
      [delivery.id],
    );
    expect(audit).toEqual({
      actor_role: 'ADMIN',
      before: { status: 'FAILED', attempts: 10 },
      after: { status: 'PENDING', attempts: 0, eventId: delivery.event_id },
    });

    // Now PENDING, it cannot be redelivered; nor can a SUCCEEDED one.
    const again = await t.gql(REDELIVER, { id: delivery.id }, admin);
    expect(errorOf(again).code).toBe('CONFLICT');
    expect(errorOf(again).message).toMatch(/PENDING.*only a FAILED delivery/);
    await t.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'SUCCEEDED', next_attempt_at = NULL WHERE id = $1`,
      [delivery.id],
    );
    const done = await t.gql(REDELIVER, { id: delivery.id }, admin);
    expect(errorOf(done)).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(done).message).toMatch(/SUCCEEDED/);
    const [after] = await t.dataSource.query(
      `SELECT status FROM webhook_deliveries WHERE id = $1`,
      [delivery.id],
    );
    expect(after.status).toBe('SUCCEEDED');
  });

  it('is NOT_FOUND for a delivery that does not exist', async () => {
    for (const id of [randomUUID(), 'not-an-id']) {
      const res = await t.gql(REDELIVER, { id }, await t.adminToken());
      expect(errorOf(res)).toMatchObject({
        code: 'NOT_FOUND',
        message: `WebhookDelivery ${id} was not found`,
      });
    }
  });
});
