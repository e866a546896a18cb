import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { BillingFixtures } from './billing-fixtures.js';

// A decided benefit and each move of a service request tell the firm's administrators (a
// notification) and the registered endpoints (an event) in the change's own transaction: a
// committed change always does, a refused or rolled-back one never does.

let t: TestApp;
let f: BillingFixtures;
let admin: string;
let zoneId: string;

/** Two firms, each with an administrator; the first also with a reporter and a former admin. */
let firmA: string;
let firmB: string;
let adminA: string;
let reporterA: string;
let retiredA: string;
let adminB: string;
/** Committee users, who hear of neither. */
let analyst: string;
let desk: string;

const hex = () => randomBytes(4).toString('hex');

async function userId(token: string): Promise<string> {
  return (await t.ok<{ me: { id: string } }>(`{ me { id } }`, {}, token)).me.id;
}

/** An endpoint that takes every type, as createWebhookEndpoint leaves one. */
async function endpoint(): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO webhook_endpoints (url, events, secret)
     VALUES ($1, '{}', 'whsec_dGVzdA==') RETURNING id`,
    [`https://hooks.example.com/${hex()}`],
  );
  return id;
}

interface Notice {
  userId: string;
  kind: string;
  matter: string;
  params: Record<string, unknown>;
  link: string | null;
}

/** The notifications of a kind whose matter starts with `prefix`, by user then matter. */
async function notices(kind: string, prefix: string): Promise<Notice[]> {
  return t.dataSource.query(
    `SELECT user_id AS "userId", kind, matter, params, link FROM notifications
      WHERE kind = $1 AND starts_with(matter, $2) ORDER BY created_at, matter, user_id`,
    [kind, prefix],
  );
}

interface Sent {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
  deliveries: { endpointId: string; status: string }[];
}

/** The events of a type whose data has `key` = `value`, oldest first, with their deliveries. */
async function events(type: string, key: string, value: string): Promise<Sent[]> {
  const rows: { body: string; deliveries: Sent['deliveries'] }[] = await t.dataSource.query(
    `SELECT e.body,
            coalesce((SELECT jsonb_agg(jsonb_build_object('endpointId', d.endpoint_id, 'status', d.status))
                        FROM webhook_deliveries d WHERE d.event_id = e.id), '[]') AS deliveries
       FROM webhook_events e
      WHERE e.type = $1 AND e.body::jsonb -> 'data' ->> $2 = $3
      ORDER BY e.created_at, e.id`,
    [type, key, value],
  );
  return rows.map((r) => ({ ...JSON.parse(r.body), deliveries: r.deliveries }));
}

/** Makes every write of an event of `type` fail, so the change that emits it rolls back. */
async function failingEvents(type: string): Promise<() => Promise<void>> {
  const name = `fail_${hex()}`;
  await t.dataSource.query(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
  );
  await t.dataSource.query(
    `CREATE TRIGGER ${name} BEFORE INSERT ON webhook_events FOR EACH ROW
     WHEN (NEW.type = '${type}') EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await t.dataSource.query(`DROP TRIGGER ${name} ON webhook_events`);
    await t.dataSource.query(`DROP FUNCTION ${name}()`);
  };
}

let hook: string;
let tenantName: (id: string) => Promise<string>;

beforeAll(async () => {
  t = await startTestApp();
  f = new BillingFixtures(t);
  admin = await t.adminToken();
  zoneId = await f.freshZone();
  firmA = await f.firm(zoneId);
  firmB = await f.firm(zoneId);
  adminA = await userId(await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firmA }));
  reporterA = await userId(await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firmA }));
  retiredA = await userId(await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firmA, key: 'retired' }));
  await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [retiredA]);
  adminB = await userId(await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firmB }));
  analyst = await userId(await t.tokenFor(Role.ANALYST));
  desk = await t.tokenFor(Role.SERVICE_DESK);
  hook = await endpoint();
  tenantName = async (id) =>
    (await t.dataSource.query(`SELECT name FROM tenants WHERE id = $1`, [id]))[0].name;
});
afterAll(() => t?.close());

describe('a decided benefit', () => {
  const DECIDE = `mutation($input: DecideBenefitInput!) { decideBenefit(input: $input) { id status } }`;
  let policy: { id: string; code: string };

  beforeAll(async () => {
    policy = await f.reliefPolicy({ steps: [{ fromMonth: 1, toMonth: 12, share: '0.5' }] });
  });

  it("an approval tells the firm's active administrators of the granted amount, and the endpoints", async () => {
    const id = await f.grant(policy.id, firmA, '5000.00', 'SUBMITTED');
    expect(await notices('BENEFIT_DECIDED', id)).toEqual([]);
    await t.ok(
      DECIDE,
      { input: { id, approve: true, grantedAmount: '3000.5', note: '  Yes ' } },
      admin,
    );

    expect(await notices('BENEFIT_DECIDED', id)).toEqual([
      {
        userId: adminA,
        kind: 'BENEFIT_DECIDED',
        matter: id,
        params: {
          tenantName: await tenantName(firmA),
          policyName: '房租减免',
          approved: true,
          amount: '3000.50',
          note: 'Yes',
        },
        link: '/benefits',
      },
    ]);
    const [event, ...more] = await events('benefit.decided', 'applicationId', id);
    expect(more).toEqual([]);
    expect(event).toEqual({
      type: 'benefit.decided',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: {
        applicationId: id,
        tenantId: firmA,
        policyId: policy.id,
        status: 'APPROVED',
        amount: '3000.50',
      },
      deliveries: [{ endpointId: hook, status: 'PENDING' }],
    });

    // Disbursing it is no decision: nothing more.
    await t.ok(`mutation($id: ID!) { markBenefitDisbursed(id: $id) { id } }`, { id }, admin);
    expect(await notices('BENEFIT_DECIDED', id)).toHaveLength(1);
    expect(await events('benefit.decided', 'applicationId', id)).toHaveLength(1);
  });

  it('a rejection tells the note and no amount; the other firm, the reporter and the committee hear nothing', async () => {
    const id = await f.grant(policy.id, firmB, '800.00', 'SUBMITTED');
    await t.ok(DECIDE, { input: { id, approve: false, note: 'Outside the scheme' } }, admin);
    expect(await notices('BENEFIT_DECIDED', id)).toEqual([
      expect.objectContaining({
        userId: adminB,
        params: {
          tenantName: await tenantName(firmB),
          policyName: '房租减免',
          approved: false,
          amount: null,
          note: 'Outside the scheme',
        },
      }),
    ]);
    expect((await events('benefit.decided', 'applicationId', id)).map((e) => e.data)).toEqual([
      { applicationId: id, tenantId: firmB, policyId: policy.id, status: 'REJECTED', amount: null },
    ]);
    const heard: { user_id: string }[] = await t.dataSource.query(
      `SELECT DISTINCT user_id FROM notifications WHERE kind = 'BENEFIT_DECIDED'`,
    );
    expect(heard.map((r) => r.user_id).sort()).toEqual([adminA, adminB].sort());
    for (const nobody of [reporterA, retiredA, analyst]) {
      expect(heard.map((r) => r.user_id)).not.toContain(nobody);
    }
  });

  it('a refused decision makes neither; a decision that rolls back makes neither and changes nothing', async () => {
    const decided = await f.grant(policy.id, firmA, '100.00', 'REJECTED');
    expect(await notices('BENEFIT_DECIDED', decided)).toHaveLength(1);
    const again = await t.gql(DECIDE, { input: { id: decided, approve: true } }, admin);
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await notices('BENEFIT_DECIDED', decided)).toHaveLength(1);
    expect(await events('benefit.decided', 'applicationId', decided)).toHaveLength(1);

    const id = await f.grant(policy.id, firmA, '200.00', 'SUBMITTED');
    const restore = await failingEvents('benefit.decided');
    try {
      const res = await t.gql(DECIDE, { input: { id, approve: true } }, admin);
      expect(res.errors).toHaveLength(1);
    } finally {
      await restore();
    }
    expect(await notices('BENEFIT_DECIDED', id)).toEqual([]);
    expect(await events('benefit.decided', 'applicationId', id)).toEqual([]);
    expect(await f.application(firmA, id)).toMatchObject({
      status: 'SUBMITTED',
      grantedAmount: null,
    });

    // Decided once the outbox takes it again: told once.
    await t.ok(DECIDE, { input: { id, approve: true } }, admin);
    expect((await notices('BENEFIT_DECIDED', id)).map((n) => n.params.amount)).toEqual(['200.00']);
    expect(await events('benefit.decided', 'applicationId', id)).toHaveLength(1);
  });
});

describe('a service request that changes status', () => {
  const FIELDS = `id status`;
  const OPEN = `mutation($input: OpenServiceRequestInput!) { openServiceRequest(input: $input) { ${FIELDS} } }`;
  const ASSIGN = `mutation($id: ID!, $providerId: ID!) { assignServiceRequest(id: $id, providerId: $providerId) { ${FIELDS} } }`;
  const MOVE = `mutation($id: ID!, $status: ServiceRequestStatus!) { updateServiceRequestStatus(id: $id, status: $status) { ${FIELDS} } }`;

  async function provider(): Promise<string> {
    const { createServiceProvider } = await t.ok(
      `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
      { input: { name: `Agency ${hex()}`, categories: ['LEGAL'] } },
      desk,
    );
    return createServiceProvider.id;
  }

  async function open(tenantId: string, title: string): Promise<string> {
    const token = await t.tokenFor(Role.TENANT_ADMIN, { tenantId });
    const { openServiceRequest } = await t.ok(
      OPEN,
      { input: { tenantId, category: 'LEGAL', title, description: 'A contract to read' } },
      token,
    );
    return openServiceRequest.id;
  }

  const move = (id: string, status: string) => t.gql(MOVE, { id, status }, desk);

  it('tells the firm of each status once, and the endpoints of every move', async () => {
    const id = await open(firmA, 'Contract review');
    const [first, second] = [await provider(), await provider()];
    // Opening is the firm's own doing: nothing yet.
    expect(await notices('SERVICE_REQUEST_UPDATED', id)).toEqual([]);
    expect(await events('service_request.updated', 'requestId', id)).toEqual([]);

    await t.ok(ASSIGN, { id, providerId: first }, desk);
    // A reassignment keeps the status: nothing new.
    await t.ok(ASSIGN, { id, providerId: second }, desk);
    for (const status of ['IN_PROGRESS', 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']) {
      expect((await move(id, status)).errors).toBeUndefined();
    }

    const name = await tenantName(firmA);
    const statuses = ['ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
    expect(await notices('SERVICE_REQUEST_UPDATED', id)).toEqual(
      statuses.map((status) => ({
        userId: adminA,
        kind: 'SERVICE_REQUEST_UPDATED',
        matter: `${id}:${status}`,
        params: { tenantName: name, title: 'Contract review', status },
        link: '/service-desk',
      })),
    );
    const sent = await events('service_request.updated', 'requestId', id);
    expect(sent.map((e) => e.data)).toEqual(
      ['ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'].map(
        (status) => ({ requestId: id, tenantId: firmA, status }),
      ),
    );
    for (const e of sent) expect(e.deliveries).toEqual([{ endpointId: hook, status: 'PENDING' }]);
  });

  it('a cancellation tells only that firm; a refused move makes neither', async () => {
    const id = await open(firmB, 'Trademark filing');
    expect((await move(id, 'CANCELLED')).errors).toBeUndefined();
    expect(await notices('SERVICE_REQUEST_UPDATED', id)).toEqual([
      expect.objectContaining({ userId: adminB, matter: `${id}:CANCELLED` }),
    ]);
    const refused = await move(id, 'IN_PROGRESS');
    expect(refused.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await notices('SERVICE_REQUEST_UPDATED', id)).toHaveLength(1);
    expect((await events('service_request.updated', 'requestId', id)).map((e) => e.data)).toEqual([
      { requestId: id, tenantId: firmB, status: 'CANCELLED' },
    ]);

    const heard: { user_id: string }[] = await t.dataSource.query(
      `SELECT DISTINCT user_id FROM notifications WHERE kind = 'SERVICE_REQUEST_UPDATED'`,
    );
    expect(heard.map((r) => r.user_id).sort()).toEqual([adminA, adminB].sort());
  });

  it('a move that rolls back makes neither and leaves the request as it was', async () => {
    const id = await open(firmA, 'Lease question');
    const restore = await failingEvents('service_request.updated');
    try {
      expect((await move(id, 'CANCELLED')).errors).toHaveLength(1);
      expect((await t.gql(ASSIGN, { id, providerId: await provider() }, desk)).errors).toHaveLength(
        1,
      );
    } finally {
      await restore();
    }
    expect(await notices('SERVICE_REQUEST_UPDATED', id)).toEqual([]);
    expect(await events('service_request.updated', 'requestId', id)).toEqual([]);
    const [{ status }] = await t.dataSource.query(
      `SELECT status FROM service_requests WHERE id = $1`,
      [id],
    );
    expect(status).toBe('OPEN');
  });
});

describe('with no endpoint', () => {
  it('a change still notifies, and writes no event', async () => {
    await t.dataSource.query(`UPDATE webhook_endpoints SET active = false`);
    try {
      const policy = await f.reliefPolicy({ steps: [{ fromMonth: 1, toMonth: 12, share: '1' }] });
      const id = await f.grant(policy.id, firmB, '50.00');
      expect(await notices('BENEFIT_DECIDED', id)).toHaveLength(1);
      expect(await events('benefit.decided', 'applicationId', id)).toEqual([]);
    } finally {
      await t.dataSource.query(`UPDATE webhook_endpoints SET active = true`);
    }
  });
});
