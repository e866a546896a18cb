// A user's notifications, as the bell and the /notifications page read them: the caller's own
// only, newest first, paged, counted, marked read, and worded in the caller's locale of the
// moment. They are written by the outbox in the transaction of the change that causes them.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type NotificationDraft, NotificationKind, OutboxService } from '@jcv/notifications';
import { encodeCursor, Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind title body link createdAt readAt } }
  } }`;
const MARK = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const SET_LOCALE = `mutation($locale: Locale!) { setLocale(locale: $locale) { locale } }`;

interface Node {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
interface Page {
  totalCount: number;
  unreadCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Node }[];
}

let t: TestApp;
let outbox: OutboxService;
let zoneId: string;

const codeOf = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code;

/** A firm of its own for each test, so that its notifications are the test's alone. */
async function firm(): Promise<{ id: string; name: string }> {
  const name = `团队 ${randomBytes(4).toString('hex')}`;
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
     VALUES ($1, 'TEAM', $2, 'AI_PLUS', true, '2025-01-10', 'RESIDENT') RETURNING id`,
    [name, zoneId],
  );
  return { id, name };
}

/** A signed-in user: its token and its id. */
async function user(role: Role, tenantId?: string): Promise<{ token: string; id: string }> {
  const token = await t.tokenFor(role, { tenantId, key: randomUUID() });
  const { me } = await t.ok<{ me: { id: string } }>(`{ me { id } }`, {}, token);
  return { token, id: me.id };
}

const reportDue = (
  f: { id: string; name: string },
  period: string,
): NotificationDraft<NotificationKind.REPORT_DUE> => ({
  kind: NotificationKind.REPORT_DUE,
  matter: `${f.id}:${period}`,
  to: { tenantId: f.id, tenantRoles: [Role.TENANT_ADMIN] },
  params: { tenantName: f.name, period, dueOn: '2026-04-15' },
  link: `/reports/new?period=${period}`,
});

/** Notifies in a transaction of its own, as a committed change does. */
const notify = (...drafts: NotificationDraft[]) =>
  t.dataSource.transaction((em) => outbox.notifyMany(em, drafts));

async function page(token: string, vars: Record<string, unknown> = {}): Promise<Page> {
  return (await t.ok<{ notifications: Page }>(LIST, vars, token)).notifications;
}

/** Every notification of the caller, page after page. */
async function all(token: string, first: number, unreadOnly?: boolean): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const p: Page = await page(token, { first, after, unreadOnly });
    expect(p.edges.length).toBeLessThanOrEqual(first);
    nodes.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) return nodes;
    expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1].cursor);
    after = p.pageInfo.endCursor;
  }
  throw new Error('the pages do not end');
}

/** The ids of a user's notifications, as the table holds them, newest first. */
async function idsOf(userId: string): Promise<string[]> {
  const rows: { id: string }[] = await t.dataSource.query(
    `SELECT id FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC`,
    [userId],
  );
  return rows.map((r) => r.id);
}

/** Sets when each notification of a matter was made, to the microsecond (time is injected). */
async function madeAt(matter: string, at: string): Promise<void> {
  await t.dataSource.query(`UPDATE notifications SET created_at = $2 WHERE matter = $1`, [
    matter,
    at,
  ]);
}

beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  outbox = t.app.get(OutboxService);
  [{ id: zoneId }] = await t.dataSource.query(`SELECT id FROM zones WHERE kind = 'STARTUP'`);
});
afterAll(() => t?.close());

describe('notifications', () => {
  it('shows each user only its own, newest first, worded for the caller', async () => {
    const a = await firm();
    const b = await firm();
    const adminA = await user(Role.TENANT_ADMIN, a.id);
    const reporterA = await user(Role.TENANT_REPORTER, a.id);
    const adminB = await user(Role.TENANT_ADMIN, b.id);
    const analyst = await user(Role.ANALYST);

    await notify(reportDue(a, '2026-01'));
    await notify(reportDue(a, '2026-02'), reportDue(b, '2026-02'));
    await notify({
      kind: NotificationKind.MILESTONE_ALERT,
      matter: `alert-${randomUUID()}`,
      to: { roles: [Role.ANALYST] },
      params: {
        zone: 'STARTUP',
        metric: 'NEW_TECH_FIRMS',
        year: 2026,
        status: 'AT_RISK',
        previousStatus: 'ON_TRACK',
      },
      link: '/cockpit?year=2026',
    });
    await madeAt(`${a.id}:2026-01`, '2026-02-10T01:00:00.000001Z');
    await madeAt(`${a.id}:2026-02`, '2026-03-10T01:00:00.000002Z');

    const mine = await page(adminA.token);
    expect(mine).toMatchObject({ totalCount: 2, unreadCount: 2, pageInfo: { hasNextPage: false } });
    expect(mine.edges.map((e) => e.node)).toEqual([
      {
        id: expect.any(String),
        kind: 'REPORT_DUE',
        title: '请报送2026年2月月度报表',
        body: `${a.name}：2026年2月的月度产值报表尚未报送，截止日期为2026年4月15日。\n\n请按时在工作台中填报。`,
        link: '/reports/new?period=2026-02',
        createdAt: '2026-03-10T01:00:00.000Z',
        readAt: null,
      },
      expect.objectContaining({ title: '请报送2026年1月月度报表', readAt: null }),
    ]);
    expect(mine.edges.map((e) => e.node.id)).toEqual(await idsOf(adminA.id));

    // The reporter was not a recipient; firm B's admin has B's only; the analyst its alert.
    expect(await page(reporterA.token)).toMatchObject({ totalCount: 0, unreadCount: 0, edges: [] });
    const theirs = await page(adminB.token);
    expect(theirs.totalCount).toBe(1);
    expect(theirs.edges[0].node.id).toEqual((await idsOf(adminB.id))[0]);
    const alert = await page(analyst.token);
    expect(alert.edges.map((e) => e.node.title)).toEqual(['里程碑预警：起步区新增科技型企业']);
    expect(alert.edges[0].node.body).toContain('由“进度正常”降为“有风险”');
    // Not even ADMIN reads another user's notifications.
    expect((await page(await t.adminToken())).totalCount).toBe(0);
  });

  it('pages newest first with first/after, to the microsecond, whatever the page size', async () => {
    const a = await firm();
    const admin = await user(Role.TENANT_ADMIN, a.id);
    const periods = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01'];
    await notify(...periods.map((p) => reportDue(a, p)));
    // Two a microsecond apart, two made at the same instant (ordered by id), the rest apart.
    const at = [
      '2026-01-05T08:00:00.000001Z',
      '2026-01-05T08:00:00.000002Z',
      '2026-01-05T08:00:00.000002Z',
      '2026-01-05T08:00:00.000003Z',
      '2026-01-06T08:00:00Z',
      '2026-01-07T08:00:00Z',
      '2026-01-07T08:00:00.5Z',
    ];
    for (const [i, p] of periods.entries()) await madeAt(`${a.id}:${p}`, at[i]);
    const expected = await idsOf(admin.id);
    expect(expected).toHaveLength(7);

    for (const first of [1, 2, 3, 7, 100]) {
      const nodes = await all(admin.token, first);
      expect({ first, ids: nodes.map((n) => n.id) }).toEqual({ first, ids: expected });
    }
    const firstPage = await page(admin.token, { first: 3 });
    expect(firstPage).toMatchObject({ totalCount: 7, pageInfo: { hasNextPage: true } });
    const last = await page(admin.token, { first: 3, after: firstPage.pageInfo.endCursor });
    expect(last.totalCount).toBe(7);
    expect(last.edges.map((e) => e.node.id)).toEqual(expected.slice(3, 6));
  });

  it('lists the unread only on asking, and counts both', async () => {
    const a = await firm();
    const admin = await user(Role.TENANT_ADMIN, a.id);
    await notify(...['2025-01', '2025-02', '2025-03', '2025-04'].map((p) => reportDue(a, p)));
    const [newest, , third] = await idsOf(admin.id);
    expect((await t.ok(MARK, { ids: [newest, third] }, admin.token)).markNotificationsRead).toBe(2);

    const everything = await page(admin.token);
    expect(everything).toMatchObject({ totalCount: 4, unreadCount: 2 });
    const read = everything.edges.filter((e) => e.node.readAt !== null).map((e) => e.node.id);
    expect(read.sort()).toEqual([newest, third].sort());

    const unread = await page(admin.token, { unreadOnly: true });
    expect(unread).toMatchObject({ totalCount: 2, unreadCount: 2 });
    expect(unread.edges.every((e) => e.node.readAt === null)).toBe(true);
    expect(await all(admin.token, 1, true)).toEqual(unread.edges.map((e) => e.node));
    // unreadOnly: false is the whole list.
    expect((await page(admin.token, { unreadOnly: false })).totalCount).toBe(4);
  });

  it('marks read only the caller’s own: named ones, or all of them', async () => {
    const a = await firm();
    const b = await firm();
    const adminA = await user(Role.TENANT_ADMIN, a.id);
    const adminB = await user(Role.TENANT_ADMIN, b.id);
    await notify(...['2025-05', '2025-06', '2025-07'].map((p) => reportDue(a, p)));
    await notify(reportDue(b, '2025-05'), reportDue(b, '2025-06'));
    const [a1, a2, a3] = await idsOf(adminA.id);
    const [b1] = await idsOf(adminB.id);

    // Another user's id, an id of nothing and what is no id at all are not counted.
    const marked = await t.ok(MARK, { ids: [a1, b1, randomUUID(), 'not-an-id', a1] }, adminA.token);
    expect(marked.markNotificationsRead).toBe(1);
    expect((await page(adminB.token)).unreadCount).toBe(2);
    // Marking again marks nothing new; an empty list marks nothing.
    expect((await t.ok(MARK, { ids: [a1] }, adminA.token)).markNotificationsRead).toBe(0);
    expect((await t.ok(MARK, { ids: [] }, adminA.token)).markNotificationsRead).toBe(0);
    const before = await page(adminA.token);
    const readAt = before.edges.find((e) => e.node.id === a1)!.node.readAt;
    expect(readAt).not.toBeNull();

    // No ids: every unread one of the caller, and nobody else's.
    expect((await t.ok(MARK, {}, adminA.token)).markNotificationsRead).toBe(2);
    const after = await page(adminA.token);
    expect(after).toMatchObject({ totalCount: 3, unreadCount: 0 });
    expect(after.edges.find((e) => e.node.id === a1)!.node.readAt).toBe(readAt);
    expect(after.edges.map((e) => e.node.id).sort()).toEqual([a1, a2, a3].sort());
    expect(await page(adminB.token)).toMatchObject({ totalCount: 2, unreadCount: 2 });
    expect((await t.ok(MARK, { ids: null }, adminA.token)).markNotificationsRead).toBe(0);
  });

  it('makes none when the change rolls back, and one per matter however often it is written', async () => {
    const a = await firm();
    const admin = await user(Role.TENANT_ADMIN, a.id);
    await expect(
      t.dataSource.transaction(async (em) => {
        await outbox.notify(em, reportDue(a, '2026-05'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await page(admin.token)).toMatchObject({ totalCount: 0, unreadCount: 0 });

    expect(await notify(reportDue(a, '2026-06'))).toBe(1);
    expect(await notify(reportDue(a, '2026-06'), reportDue(a, '2026-06'))).toBe(0);
    const p = await page(admin.token);
    expect(p).toMatchObject({ totalCount: 1, unreadCount: 1 });
    expect(p.edges[0].node.link).toBe('/reports/new?period=2026-06');
  });

  it('words every notification in the caller’s locale at the time it is read', async () => {
    const a = await firm();
    const admin = await user(Role.TENANT_ADMIN, a.id);
    await notify(reportDue(a, '2026-03'), {
      kind: NotificationKind.SERVICE_REQUEST_UPDATED,
      matter: `${randomUUID()}:IN_PROGRESS`,
      to: { tenantId: a.id, tenantRoles: [Role.TENANT_ADMIN] },
      params: { tenantName: a.name, title: 'Contract review', status: 'IN_PROGRESS' },
      link: '/service-desk',
    });
    const titles = async () => (await page(admin.token)).edges.map((e) => e.node.title).sort();
    expect(await titles()).toEqual(['服务请求办理中：Contract review', '请报送2026年3月月度报表']);

    await t.ok(SET_LOCALE, { locale: 'EN' }, admin.token);
    expect(await titles()).toEqual([
      'Monthly report for March 2026 due',
      'Service request “Contract review”: In progress',
    ]);
    const english = await page(admin.token);
    const due = english.edges.find((e) => e.node.kind === 'REPORT_DUE')!.node;
    expect(due.body).toBe(
      `${a.name}: the monthly output report for March 2026 has not been received yet. It is due on 15 April 2026.\n\nPlease submit it in the console in time.`,
    );

    await t.ok(SET_LOCALE, { locale: 'ZH_CN' }, admin.token);
    expect(await titles()).toEqual(['服务请求办理中：Contract review', '请报送2026年3月月度报表']);
  });

  it('reads the locale once a request, however many notifications the page holds', async () => {
    const a = await firm();
    const admin = await user(Role.TENANT_ADMIN, a.id);
    await notify(
      ...['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'].map((p) => reportDue(a, p)),
    );
    const one = await t.statements(LIST, { first: 1 }, admin.token);
    const five = await t.statements(LIST, { first: 5 }, admin.token);
    expect(five).toBe(one);
  });

  it('answers a caller who is not signed in with UNAUTHENTICATED', async () => {
    expect(codeOf(await t.gql(LIST, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(MARK, {}))).toBe('UNAUTHENTICATED');
  });

  it('refuses a page size out of range and a cursor that is not one, naming the argument', async () => {
    const admin = await user(Role.TENANT_ADMIN, (await firm()).id);
    for (const [first, message] of [
      [0, 'first must be at least 1'],
      [-5, 'first must be at least 1'],
      [1000, 'first must be at most 100'],
    ] as const) {
      const res = await t.gql(LIST, { first }, admin.token);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([{ field: 'first', message }]);
    }
    for (const after of [
      'garbage',
      encodeCursor(['2026-01-01', randomUUID()]),
      encodeCursor(['1767225600000000']),
      encodeCursor(['1767225600000000', 'not-a-uuid']),
      encodeCursor(['-1', randomUUID()]),
    ]) {
      const res = await t.gql(LIST, { after }, admin.token);
      expect({ after, code: codeOf(res) }).toEqual({ after, code: 'BAD_USER_INPUT' });
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field: 'after', message: 'is not a cursor from this list' },
      ]);
    }
    const many = Array.from({ length: 1001 }, () => randomUUID());
    const res = await t.gql(MARK, { ids: many }, admin.token);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields?.[0].field).toBe('ids');
  });
});
