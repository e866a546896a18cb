import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { ServiceRequestsService } from '@jcv/service-desk';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let zoneId: string;
let admin: string;
let desk: string;

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones WHERE kind = 'STARTUP'`);
  admin = await t.adminToken();
  desk = await t.tokenFor(Role.SERVICE_DESK);
});
afterAll(() => t?.close());

const hex = () => randomBytes(4).toString('hex');

/** A team written straight to the table: the suite's own fixture. */
async function tenant(opts: { zone?: string; exitedOn?: string } = {}): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, exited_on, status)
     VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2024-01-10', $3, $4) RETURNING id`,
    [
      `Team ${hex()}`,
      opts.zone ?? zoneId,
      opts.exitedOn ?? null,
      opts.exitedOn ? 'EXITED' : 'RESIDENT',
    ],
  );
  return id;
}

const errorOf = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code;

const CREATE_PROVIDER = `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id name categories } }`;
async function provider(categories: string[] = ['IP_PATENT', 'LEGAL', 'FACILITY']) {
  const data = await t.ok(
    CREATE_PROVIDER,
    { input: { name: `Agency ${hex()}`, categories } },
    desk,
  );
  return data.createServiceProvider as { id: string; name: string; categories: string[] };
}

const REQUEST_FIELDS = `id status category title description createdAt dueAt resolvedAt rating ratingComment
  tenant { id } assignee { id name } history { at kind status note rating actorRole assignee { id } }`;
const OPEN = `mutation($input: OpenServiceRequestInput!) { openServiceRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const ASSIGN = `mutation($id: ID!, $providerId: ID!) { assignServiceRequest(id: $id, providerId: $providerId) { ${REQUEST_FIELDS} } }`;
const MOVE = `mutation($id: ID!, $status: ServiceRequestStatus!, $note: String) { updateServiceRequestStatus(id: $id, status: $status, note: $note) { ${REQUEST_FIELDS} } }`;
const RATE = `mutation($id: ID!, $rating: Int!, $comment: String) { rateServiceRequest(id: $id, rating: $rating, comment: $comment) { ${REQUEST_FIELDS} } }`;
const LIST = `query($status: ServiceRequestStatus, $tenantId: ID) { serviceRequests(status: $status, tenantId: $tenantId) { id status tenant { id } } }`;

async function open(tenantId: string, category = 'IP_PATENT', token?: string) {
  const data = await t.ok(
    OPEN,
    {
      input: { tenantId, category, title: 'Patent search', description: 'Prior art for our stack' },
    },
    token ?? (await t.tokenFor(Role.TENANT_ADMIN, { tenantId })),
  );
  return data.openServiceRequest;
}

const providerToken = (serviceProviderId: string) =>
  t.tokenFor(Role.SERVICE_PROVIDER, { serviceProviderId });

describe('service providers', () => {
  it('the service desk registers providers; everyone signed in may list them', async () => {
    const p = await provider(['FINANCING', 'LEGAL']);
    expect(p.categories).toEqual(['FINANCING', 'LEGAL']);
    const firm = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: await tenant() });
    const data = await t.ok(`{ serviceProviders { id name categories } }`, {}, firm);
    expect(data.serviceProviders).toContainEqual(p);

    const before = await t.count('service_providers');
    const dup = await t.gql(
      CREATE_PROVIDER,
      { input: { name: p.name.toUpperCase(), categories: ['LEGAL'] } },
      admin,
    );
    expect(errorOf(dup)).toBe('CONFLICT');
    const empty = await t.gql(CREATE_PROVIDER, { input: { name: 'Nobody', categories: [] } }, desk);
    expect(empty.errors![0].extensions.fields).toEqual([
      { field: 'categories', message: 'categories must name at least one category' },
    ]);
    for (const role of [Role.POLICY_OFFICER, Role.ANALYST]) {
      const res = await t.gql(
        CREATE_PROVIDER,
        { input: { name: `X ${hex()}`, categories: ['LEGAL'] } },
        await t.tokenFor(role),
      );
      expect(errorOf(res)).toBe('FORBIDDEN');
    }
    expect(
      errorOf(
        await t.gql(
          CREATE_PROVIDER,
          { input: { name: `X ${hex()}`, categories: ['LEGAL'] } },
          firm,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await t.count('service_providers')).toBe(before);
  });

  it('a provider account must point at a registered provider', async () => {
    const res = await t.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email: `p-${hex()}@test.example`,
          displayName: 'Ghost provider',
          password: 'a-long-enough-password',
          role: 'SERVICE_PROVIDER',
          serviceProviderId: '00000000-0000-4000-8000-000000000000',
        },
      },
      admin,
    );
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'serviceProviderId', message: 'is not a registered service provider' }],
    });
  });
});

describe('openServiceRequest', () => {
  it('opens a request due after the response time of its category, with its first history entry', async () => {
    const firm = await tenant();
    const r = await open(firm, 'FACILITY');
    expect(r).toMatchObject({
      status: 'OPEN',
      category: 'FACILITY',
      tenant: { id: firm },
      assignee: null,
      resolvedAt: null,
      rating: null,
    });
    expect(Date.parse(r.dueAt) - Date.parse(r.createdAt)).toBe(24 * 3600 * 1000);
    expect(r.history).toEqual([
      {
        at: r.createdAt,
        kind: 'OPENED',
        status: 'OPEN',
        note: null,
        rating: null,
        actorRole: 'TENANT_ADMIN',
        assignee: null,
      },
    ]);
    const ip = await open(firm, 'IP_PATENT', desk);
    expect(Date.parse(ip.dueAt) - Date.parse(ip.createdAt)).toBe(72 * 3600 * 1000);
    expect(ip.history[0].actorRole).toBe('SERVICE_DESK');
    expect(
      await t.count(
        `audit_events WHERE operation = 'openServiceRequest' AND entity_id = '${r.id}'`,
      ),
    ).toBe(1);
  });

  it('a firm opens requests only for itself, and only while resident; writes nothing when refused', async () => {
    const a = await tenant();
    const b = await tenant();
    const gone = await tenant({ exitedOn: '2025-01-31' });
    const tokenA = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a });
    const before = await t.count('service_requests');
    const input = (tenantId: string, over: Record<string, unknown> = {}) => ({
      input: {
        tenantId,
        category: 'LEGAL',
        title: 'Contract review',
        description: 'Please',
        ...over,
      },
    });
    expect(errorOf(await t.gql(OPEN, input(b), tokenA))).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(OPEN, input(a), await t.tokenFor(Role.POLICY_OFFICER)))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorOf(await t.gql(OPEN, input(a), await t.tokenFor(Role.TENANT_REPORTER, { tenantId: a }))),
    ).toBe('FORBIDDEN');
    const left = await t.gql(OPEN, input(gone), desk);
    expect(left.errors![0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/left the park on 2025-01-31/),
    });
    const blank = await t.gql(OPEN, input(a, { title: '' }), tokenA);
    expect(blank.errors![0].extensions.fields).toEqual([
      { field: 'title', message: 'title must be 1 to 200 characters' },
    ]);
    const spaces = await t.gql(OPEN, input(a, { description: '   ' }), tokenA);
    expect(spaces.errors![0].extensions.fields).toEqual([
      { field: 'description', message: 'must not be blank' },
    ]);
    const unknown = await t.gql(OPEN, input('00000000-0000-4000-8000-000000000000'), desk);
    expect(unknown.errors![0].extensions.fields).toEqual([
      { field: 'tenantId', message: 'is not a registered tenant' },
    ]);
    expect(await t.count('service_requests')).toBe(before);
    expect(await t.count('service_request_events')).toBeGreaterThan(0);
  });
});

describe('assignServiceRequest', () => {
  it('gives a request to a provider that serves its category, and may give it to another', async () => {
    const r = await open(await tenant(), 'IP_PATENT');
    const p1 = await provider(['IP_PATENT']);
    const p2 = await provider(['IP_PATENT', 'LEGAL']);
    const lawyer = await provider(['LEGAL']);
    const wrong = await t.gql(ASSIGN, { id: r.id, providerId: lawyer.id }, desk);
    expect(wrong.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'providerId', message: `${lawyer.name} does not serve IP_PATENT requests` },
      ],
    });
    const missing = await t.gql(ASSIGN, { id: r.id, providerId: 'not-an-id' }, desk);
    expect(missing.errors![0].extensions.fields).toEqual([
      { field: 'providerId', message: 'is not a registered service provider' },
    ]);
    const firmToken = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: r.tenant.id });
    expect(errorOf(await t.gql(ASSIGN, { id: r.id, providerId: p1.id }, firmToken))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorOf(await t.gql(ASSIGN, { id: r.id, providerId: p1.id }, await providerToken(p1.id))),
    ).toBe('FORBIDDEN');

    const assigned = (await t.ok(ASSIGN, { id: r.id, providerId: p1.id }, desk))
      .assignServiceRequest;
    expect(assigned).toMatchObject({ status: 'ASSIGNED', assignee: { id: p1.id } });
    expect(assigned.history[1]).toMatchObject({
      kind: 'ASSIGNED',
      status: 'ASSIGNED',
      note: `Assigned to ${p1.name}`,
      assignee: { id: p1.id },
    });
    expect(errorOf(await t.gql(ASSIGN, { id: r.id, providerId: p1.id }, desk))).toBe('CONFLICT');
    const again = (await t.ok(ASSIGN, { id: r.id, providerId: p2.id }, admin)).assignServiceRequest;
    expect(again).toMatchObject({ status: 'ASSIGNED', assignee: { id: p2.id } });
    expect(again.history.map((e: { note: string }) => e.note)).toEqual([
      null,
      `Assigned to ${p1.name}`,
      `Reassigned to ${p2.name}`,
    ]);

    await t.ok(MOVE, { id: r.id, status: 'IN_PROGRESS' }, desk);
    const late = await t.gql(ASSIGN, { id: r.id, providerId: p1.id }, desk);
    expect(late.errors![0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'Only an OPEN or ASSIGNED request can be assigned; this one is IN_PROGRESS',
    });
    const none = await t.gql(
      ASSIGN,
      { id: '00000000-0000-4000-8000-000000000000', providerId: p1.id },
      desk,
    );
    expect(errorOf(none)).toBe('NOT_FOUND');
  });
});

describe('updateServiceRequestStatus', () => {
  const STATUSES = ['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED'];
  const ALLOWED = new Set([
    'ASSIGNED>IN_PROGRESS',
    'ASSIGNED>CANCELLED',
    'OPEN>CANCELLED',
    'IN_PROGRESS>RESOLVED',
    'IN_PROGRESS>CANCELLED',
    'RESOLVED>CLOSED',
    'RESOLVED>IN_PROGRESS',
  ]);
  const PATH: Record<string, string[]> = {
    OPEN: [],
    ASSIGNED: ['assign'],
    IN_PROGRESS: ['assign', 'IN_PROGRESS'],
    RESOLVED: ['assign', 'IN_PROGRESS', 'RESOLVED'],
    CLOSED: ['assign', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'],
    CANCELLED: ['CANCELLED'],
  };
  let firm: string;
  let agency: { id: string; name: string };

  beforeAll(async () => {
    firm = await tenant();
    agency = await provider(['IP_PATENT']);
  });

  async function requestIn(status: string) {
    const r = await open(firm, 'IP_PATENT', desk);
    for (const step of PATH[status]) {
      if (step === 'assign') await t.ok(ASSIGN, { id: r.id, providerId: agency.id }, desk);
      else await t.ok(MOVE, { id: r.id, status: step }, desk);
    }
    return r.id as string;
  }

  // Every pair of statuses, through the API; OPEN → ASSIGNED happens only by assignment.
  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to])))(
    '%s → %s',
    async (from, to) => {
      const id = await requestIn(from);
      const events = await t.count(`service_request_events WHERE request_id = '${id}'`);
      const res = await t.gql(MOVE, { id, status: to, note: `to ${to}` }, desk);
      if (ALLOWED.has(`${from}>${to}`)) {
        expect(res.errors).toBeUndefined();
        const r = res.data!.updateServiceRequestStatus;
        expect(r.status).toBe(to);
        expect(r.history.at(-1)).toMatchObject({
          kind: 'STATUS_CHANGED',
          status: to,
          note: `to ${to}`,
          actorRole: 'SERVICE_DESK',
        });
      } else {
        expect(errorOf(res)).toBe('CONFLICT');
        expect(await t.count(`service_request_events WHERE request_id = '${id}'`)).toBe(events);
        const [row] = await t.dataSource.query(
          `SELECT status FROM service_requests WHERE id = $1`,
          [id],
        );
        expect(row.status).toBe(from);
      }
    },
  );

  it('keeps every change in history, sets resolvedAt on RESOLVED and clears it on reopening', async () => {
    const r = await open(firm, 'IP_PATENT');
    const own = await providerToken(agency.id);
    await t.ok(ASSIGN, { id: r.id, providerId: agency.id }, desk);
    await t.ok(MOVE, { id: r.id, status: 'IN_PROGRESS', note: 'Searching CNIPA' }, own);
    const resolved = (await t.ok(MOVE, { id: r.id, status: 'RESOLVED', note: 'Report sent' }, own))
      .updateServiceRequestStatus;
    expect(resolved.resolvedAt).toEqual(expect.any(String));
    const reopened = (
      await t.ok(MOVE, { id: r.id, status: 'IN_PROGRESS', note: 'Missing claims 3-5' }, desk)
    ).updateServiceRequestStatus;
    expect(reopened.resolvedAt).toBeNull();
    await t.ok(MOVE, { id: r.id, status: 'RESOLVED' }, own);
    const closed = (await t.ok(MOVE, { id: r.id, status: 'CLOSED' }, desk))
      .updateServiceRequestStatus;
    expect(closed.resolvedAt).toEqual(expect.any(String));
    expect(
      closed.history.map(
        (e: { kind: string; status: string; note: string | null; actorRole: string }) => [
          e.kind,
          e.status,
          e.note,
          e.actorRole,
        ],
      ),
    ).toEqual([
      ['OPENED', 'OPEN', null, 'TENANT_ADMIN'],
      ['ASSIGNED', 'ASSIGNED', `Assigned to ${agency.name}`, 'SERVICE_DESK'],
      ['STATUS_CHANGED', 'IN_PROGRESS', 'Searching CNIPA', 'SERVICE_PROVIDER'],
      ['STATUS_CHANGED', 'RESOLVED', 'Report sent', 'SERVICE_PROVIDER'],
      ['STATUS_CHANGED', 'IN_PROGRESS', 'Missing claims 3-5', 'SERVICE_DESK'],
      ['STATUS_CHANGED', 'RESOLVED', null, 'SERVICE_PROVIDER'],
      ['STATUS_CHANGED', 'CLOSED', null, 'SERVICE_DESK'],
    ]);
    const times = closed.history.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(
      await t.count(
        `audit_events WHERE operation = 'updateServiceRequestStatus' AND entity_id = '${r.id}'`,
      ),
    ).toBe(5);
  });

  it('refuses OPEN → ASSIGNED without a provider, and a firm or another provider moving a request', async () => {
    const id = await requestIn('OPEN');
    const res = await t.gql(MOVE, { id, status: 'ASSIGNED' }, desk);
    expect(res.errors![0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/use assignServiceRequest/),
    });
    const other = await provider(['IP_PATENT']);
    const assigned = await requestIn('ASSIGNED');
    expect(
      errorOf(
        await t.gql(MOVE, { id: assigned, status: 'IN_PROGRESS' }, await providerToken(other.id)),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await t.gql(
          MOVE,
          { id: assigned, status: 'IN_PROGRESS' },
          await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm }),
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(MOVE, { id: 'nope', status: 'IN_PROGRESS' }, desk))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('rateServiceRequest', () => {
  it('the firm rates 1 to 5, once RESOLVED or CLOSED, once per resolution', async () => {
    const firm = await tenant();
    const agency = await provider(['LEGAL']);
    const own = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm });
    const r = await open(firm, 'LEGAL');
    const early = await t.gql(RATE, { id: r.id, rating: 4 }, own);
    expect(early.errors![0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'A request can be rated once it is RESOLVED or CLOSED; this one is OPEN',
    });
    await t.ok(ASSIGN, { id: r.id, providerId: agency.id }, desk);
    await t.ok(MOVE, { id: r.id, status: 'IN_PROGRESS' }, desk);
    expect(errorOf(await t.gql(RATE, { id: r.id, rating: 4 }, own))).toBe('CONFLICT');
    await t.ok(MOVE, { id: r.id, status: 'RESOLVED' }, desk);

    for (const rating of [0, 6, -1]) {
      const bad = await t.gql(RATE, { id: r.id, rating }, own);
      expect(bad.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'rating', message: 'rating must be from 1 to 5' }],
      });
    }
    const other = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: await tenant() });
    expect(errorOf(await t.gql(RATE, { id: r.id, rating: 5 }, other))).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(RATE, { id: r.id, rating: 5 }, desk))).toBe('FORBIDDEN');
    expect(
      errorOf(
        await t.gql(
          RATE,
          { id: r.id, rating: 5 },
          await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm }),
        ),
      ),
    ).toBe('FORBIDDEN');

    const rated = (await t.ok(RATE, { id: r.id, rating: 5, comment: 'Quick and clear' }, own))
      .rateServiceRequest;
    expect(rated).toMatchObject({
      status: 'RESOLVED',
      rating: 5,
      ratingComment: 'Quick and clear',
    });
    expect(rated.history.at(-1)).toMatchObject({
      kind: 'RATED',
      status: 'RESOLVED',
      rating: 5,
      note: 'Quick and clear',
      actorRole: 'TENANT_ADMIN',
    });
    const twice = await t.gql(RATE, { id: r.id, rating: 1 }, own);
    expect(twice.errors![0].message).toBe(
      'This resolution was already rated 5; a rating cannot be changed',
    );
    const closed = (await t.ok(MOVE, { id: r.id, status: 'CLOSED' }, desk))
      .updateServiceRequestStatus;
    expect(closed.rating).toBe(5);
    expect(errorOf(await t.gql(RATE, { id: r.id, rating: 2 }, own))).toBe('CONFLICT');
  });

  it('reopening clears the rating, and the next resolution is rated afresh; CLOSED unrated may be rated', async () => {
    const firm = await tenant();
    const agency = await provider(['LEGAL']);
    const own = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm });
    const r = await open(firm, 'LEGAL');
    await t.ok(ASSIGN, { id: r.id, providerId: agency.id }, desk);
    for (const s of ['IN_PROGRESS', 'RESOLVED']) await t.ok(MOVE, { id: r.id, status: s }, desk);
    await t.ok(RATE, { id: r.id, rating: 2 }, own);
    const reopened = (await t.ok(MOVE, { id: r.id, status: 'IN_PROGRESS' }, desk))
      .updateServiceRequestStatus;
    expect(reopened.rating).toBeNull();
    expect(reopened.history.filter((e: { kind: string }) => e.kind === 'RATED')).toEqual([
      expect.objectContaining({ rating: 2 }),
    ]);
    for (const s of ['RESOLVED', 'CLOSED']) await t.ok(MOVE, { id: r.id, status: s }, desk);
    const rated = (await t.ok(RATE, { id: r.id, rating: 4 }, own)).rateServiceRequest;
    expect(rated).toMatchObject({ status: 'CLOSED', rating: 4 });
  });
});

describe('serviceRequests', () => {
  it('a firm sees its own, a provider those assigned to it, the committee all', async () => {
    const a = await tenant();
    const b = await tenant();
    const p1 = await provider(['IP_PATENT']);
    const p2 = await provider(['IP_PATENT']);
    const ra = await open(a);
    const rb = await open(b);
    const rb2 = await open(b);
    await t.ok(ASSIGN, { id: ra.id, providerId: p1.id }, desk);
    await t.ok(ASSIGN, { id: rb.id, providerId: p2.id }, desk);
    const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();

    const tokenA = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: a });
    expect(ids((await t.ok(LIST, {}, tokenA)).serviceRequests)).toEqual([ra.id]);
    const tokenB = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: b });
    expect(ids((await t.ok(LIST, {}, tokenB)).serviceRequests)).toEqual([rb.id, rb2.id].sort());
    const reporterB = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: b });
    expect(errorOf(await t.gql(LIST, {}, reporterB))).toBe('FORBIDDEN');
    // A list holds the caller's rows: another firm's filter finds nothing.
    expect((await t.ok(LIST, { tenantId: b }, tokenA)).serviceRequests).toEqual([]);

    const t1 = await providerToken(p1.id);
    const t2 = await providerToken(p2.id);
    expect(ids((await t.ok(LIST, {}, t1)).serviceRequests)).toEqual([ra.id]);
    expect(ids((await t.ok(LIST, {}, t2)).serviceRequests)).toEqual([rb.id]);
    expect((await t.ok(LIST, { tenantId: a }, t2)).serviceRequests).toEqual([]);
    expect(errorOf(await t.gql(MOVE, { id: ra.id, status: 'IN_PROGRESS' }, t2))).toBe('FORBIDDEN');
    await t.ok(MOVE, { id: ra.id, status: 'IN_PROGRESS' }, t1);
    expect(ids((await t.ok(LIST, { status: 'IN_PROGRESS' }, t1)).serviceRequests)).toEqual([ra.id]);

    const analyst = await t.tokenFor(Role.ANALYST);
    const all = ids((await t.ok(LIST, {}, analyst)).serviceRequests);
    expect(all).toEqual(expect.arrayContaining([ra.id, rb.id, rb2.id]));
    const openOfB = (await t.ok(LIST, { status: 'OPEN', tenantId: b }, desk)).serviceRequests;
    expect(openOfB).toEqual([{ id: rb2.id, status: 'OPEN', tenant: { id: b } }]);
  });
});

describe('ServiceRequestsService.openInZone', () => {
  it('counts the zone requests open at the end of asOf (Shanghai), judged by their history', async () => {
    const service = t.app.get(ServiceRequestsService);
    const [{ id: zone }] = await t.dataSource.query(
      `INSERT INTO zones (park_id, code, name, kind) SELECT park_id, $1, 'Test zone', 'STARTUP' FROM zones LIMIT 1 RETURNING id`,
      [`Z${hex().toUpperCase()}`],
    );
    const firm = await tenant({ zone });
    const agency = await provider(['IP_PATENT']);
    const stillOpen = await open(firm);
    const resolved = await open(firm);
    const cancelled = await open(firm);
    await t.ok(ASSIGN, { id: resolved.id, providerId: agency.id }, desk);
    for (const s of ['IN_PROGRESS', 'RESOLVED'])
      await t.ok(MOVE, { id: resolved.id, status: s }, desk);
    await t.ok(MOVE, { id: cancelled.id, status: 'CANCELLED' }, desk);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    expect(await service.openInZone(zone, today)).toBe(1);
    expect(await service.openInZone(zone, '2020-01-01')).toBe(0);

    // Move the resolved request's past: opened 1 March 2025, resolved at 00:30 on 11 March in
    // Shanghai (16:30 UTC on the 10th).
    await t.dataSource.query(
      `UPDATE service_requests SET created_at = '2025-03-01T02:00:00Z', due_at = '2025-03-04T02:00:00Z', resolved_at = '2025-03-10T16:30:00Z' WHERE id = $1`,
      [resolved.id],
    );
    const events: { id: string; status: string }[] = await t.dataSource.query(
      `SELECT id, status FROM service_request_events WHERE request_id = $1 ORDER BY id`,
      [resolved.id],
    );
    for (const e of events) {
      const at = e.status === 'RESOLVED' ? '2025-03-10T16:30:00Z' : '2025-03-01T02:00:00Z';
      await t.dataSource.query(`UPDATE service_request_events SET at = $2 WHERE id = $1`, [
        e.id,
        at,
      ]);
    }
    expect(await service.openInZone(zone, '2025-02-28')).toBe(0);
    expect(await service.openInZone(zone, '2025-03-01')).toBe(1);
    expect(await service.openInZone(zone, '2025-03-10')).toBe(1);
    expect(await service.openInZone(zone, '2025-03-11')).toBe(0);
    expect(await service.openInZone(zone, today)).toBe(1);
    expect(stillOpen.status).toBe('OPEN');
  });
});

describe('the cost of a list', () => {
  it('does not grow with the requests listed, with their firm, provider and history', async () => {
    const firm = await tenant();
    const query = `query($tenantId: ID) { serviceRequests(tenantId: $tenantId) {
      id tenant { name } assignee { name } history { status assignee { name } } } }`;
    const grow = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const r = await open(firm, 'LEGAL', desk);
        await t.ok(ASSIGN, { id: r.id, providerId: (await provider(['LEGAL'])).id }, desk);
      }
    };
    await grow(2);
    const few = await t.statements(query, { tenantId: firm }, desk);
    await grow(6);
    const data = await t.ok(query, { tenantId: firm }, desk);
    expect(data.serviceRequests).toHaveLength(8);
    expect(await t.statements(query, { tenantId: firm }, desk)).toBe(few);
  });
});
