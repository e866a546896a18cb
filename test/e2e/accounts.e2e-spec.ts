import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_PASSWORD_LENGTH } from '@jcv/identity';
import { Role } from '@jcv/shared';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import {
  type GqlResult,
  startTestApp,
  TEST_ADMIN,
  TEST_PASSWORD,
  type TestApp,
} from '../support/test-app.js';

// Accounts through /graphql: the committee lists, deactivates and resets users; every user
// changes its own password, signs out and picks its locale; the access guard reads the user's
// current row on every request, so each change counts at the caller's very next request.

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp({ SQL_STATEMENT_COUNT: 'true' });
  admin = await t.adminToken();
});
afterAll(() => t?.close());

const tag = () => randomBytes(4).toString('hex');
const codeOf = (res: GqlResult) => res.errors?.[0]?.extensions.code;
const fieldsOf = (res: GqlResult) => res.errors?.[0]?.extensions.fields?.map((f) => f.field);

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken user { id email active locale } } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id email role active locale } }`;
const USERS = `query($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id email role active locale tenant { id } } } } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) {
  setUserActive(id: $id, active: $active) { id active } }`;
const RESET = `mutation($id: ID!, $newPassword: String!) {
  resetUserPassword(id: $id, newPassword: $newPassword) { id email } }`;
const CHANGE = `mutation($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }`;
const LOGOUT = `mutation($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;
const SET_LOCALE = `mutation($locale: Locale!) { setLocale(locale: $locale) { id locale } }`;

interface Account {
  id: string;
  email: string;
  password: string;
}

interface SignIn {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; active: boolean; locale: string };
}

async function account(
  role: Role = Role.ANALYST,
  opts: { email?: string; tenantId?: string } = {},
): Promise<Account> {
  const email = opts.email ?? `user-${tag()}@accounts.example`;
  const { createUser } = await t.ok(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    {
      i: {
        email,
        displayName: 'Account',
        password: TEST_PASSWORD,
        role,
        tenantId: opts.tenantId,
      },
    },
    admin,
  );
  return { id: createUser.id, email, password: TEST_PASSWORD };
}

async function signIn(email: string, password: string): Promise<SignIn> {
  return (await t.ok(LOGIN, { input: { email, password } })).login;
}

async function firm(): Promise<string> {
  const { zones } = await t.ok(`{ zones { id code } }`, {}, admin);
  const creditCode = withCheckChar(
    '91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''),
  );
  const { registerTenant } = await t.ok(
    `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
    {
      input: {
        name: `Firm ${tag()}`,
        kind: 'FIRM',
        creditCode,
        zoneId: zones[0].id,
        industryChain: 'SOLID_WASTE',
        isTechFirm: true,
        enteredOn: '2025-02-01',
      },
    },
    admin,
  );
  return registerTenant.id;
}

/** The audit events of one user, oldest first. */
function auditOf(userId: string): Promise<
  {
    operation: string;
    actor_user_id: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[]
> {
  return t.dataSource.query(
    `SELECT operation, actor_user_id, before, after FROM audit_events
      WHERE entity = 'User' AND entity_id = $1 ORDER BY id`,
    [userId],
  );
}

/** Rows that every refusal must leave as they were. */
async function footprint(userId: string) {
  const [row] = await t.dataSource.query(
    `SELECT password_hash, active, locale, updated_at FROM users WHERE id = $1`,
    [userId],
  );
  return {
    row,
    audit: await t.count('audit_events'),
    revoked: (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM refresh_tokens WHERE revoked_at IS NOT NULL`,
      )
    )[0].n,
  };
}

describe('users', () => {
  it('pages the accounts by email with every filter, for ADMIN', async () => {
    const marker = `pg${tag()}`;
    const tenantId = await firm();
    const made = [
      await account(Role.ANALYST, { email: `c-${marker}@accounts.example` }),
      await account(Role.ANALYST, { email: `A-${marker}@accounts.example` }),
      await account(Role.SPACE_MANAGER, { email: `b-${marker}@accounts.example` }),
      await account(Role.TENANT_ADMIN, { email: `d-${marker}@accounts.example`, tenantId }),
      await account(Role.ANALYST, { email: `e-${marker}@accounts.example` }),
    ];
    await t.ok(SET_ACTIVE, { id: made[4].id, active: false }, admin);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { users }: any = await t.ok(
        USERS,
        { filter: { emailContains: marker.toUpperCase() }, first: 2, after },
        admin,
      );
      expect(users.totalCount).toBe(5);
      seen.push(...users.edges.map((e: any) => e.node.email));
      after = users.pageInfo.hasNextPage ? users.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((l) => expect.stringMatching(new RegExp(`^${l}-`, 'i'))),
    );
    expect(seen[0]).toBe(`A-${marker}@accounts.example`);

    const pick = async (filter: object) =>
      (await t.ok(USERS, { filter: { emailContains: marker, ...filter } }, admin)).users.edges.map(
        (e: any) => e.node.email[0].toLowerCase(),
      );
    expect(await pick({ role: 'ANALYST' })).toEqual(['a', 'c', 'e']);
    expect(await pick({ active: false })).toEqual(['e']);
    expect(await pick({ active: true, role: 'ANALYST' })).toEqual(['a', 'c']);
    expect(await pick({ tenantId })).toEqual(['d']);
    const d = (await t.ok(USERS, { filter: { tenantId } }, admin)).users.edges[0].node;
    expect(d).toMatchObject({ active: true, locale: 'ZH_CN', tenant: { id: tenantId } });
    // `%` and `_` are letters here, not patterns.
    expect(await pick({ emailContains: `${marker}%` })).toEqual([]);
  });

  it('is for ADMIN only', async () => {
    const res = await t.gql(USERS, {}, await t.tokenFor(Role.ANALYST));
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('refuses a bad page size, cursor or filter, naming it', async () => {
    for (const [vars, field] of [
      [{ first: 101 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ filter: { tenantId: 'not-an-id' } }, 'tenantId'],
      [{ filter: { emailContains: 'x'.repeat(255) } }, 'emailContains'],
    ] as const) {
      const res = await t.gql(USERS, vars, admin);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([field]);
    }
  });
});

describe('setUserActive', () => {
  it('stops a deactivated user at its very next request, and at sign-in, until reactivated', async () => {
    const user = await account();
    const before = await signIn(user.email, user.password);
    expect((await t.ok(ME, {}, before.accessToken)).me.active).toBe(true);

    const { setUserActive } = await t.ok(SET_ACTIVE, { id: user.id, active: false }, admin);
    expect(setUserActive).toEqual({ id: user.id, active: false });

    const next = await t.gql(ME, {}, before.accessToken);
    expect(codeOf(next)).toBe('UNAUTHENTICATED');
    expect(next.errors![0].message).toMatch(/deactivated/);
    expect(codeOf(await t.gql(REFRESH, { t: before.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await t.gql(LOGIN, { input: { email: user.email, password: user.password } })),
    ).toBe('UNAUTHENTICATED');

    await t.ok(SET_ACTIVE, { id: user.id, active: true }, admin);
    // The sign-ins ended by the deactivation stay ended; a new sign-in works.
    expect(codeOf(await t.gql(ME, {}, before.accessToken))).toBe('UNAUTHENTICATED');
    const again = await signIn(user.email, user.password);
    expect((await t.ok(ME, {}, again.accessToken)).me.email).toBe(user.email);

    const events = (await auditOf(user.id)).filter((e) => e.operation === 'setUserActive');
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ active: true }, { active: false, signInsEnded: 1 }],
      [{ active: false }, { active: true, signInsEnded: 0 }],
    ]);
  });

  it('refuses an ADMIN deactivating itself, naming id, and writes nothing', async () => {
    const { me } = await t.ok(ME, {}, admin);
    const before = await footprint(me.id);
    const res = await t.gql(SET_ACTIVE, { id: me.id, active: false }, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['id']);
    expect(await footprint(me.id)).toEqual(before);
    expect((await t.ok(ME, {}, admin)).me.active).toBe(true);
  });

  it('answers NOT_FOUND for an unknown user, BAD_USER_INPUT for a bad id, FORBIDDEN to others', async () => {
    const unknown = await t.gql(
      SET_ACTIVE,
      { id: '00000000-0000-4000-8000-000000000000', active: false },
      admin,
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const bad = await t.gql(SET_ACTIVE, { id: 'nope', active: false }, admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(['id']);
    const user = await account();
    const other = await t.gql(
      SET_ACTIVE,
      { id: user.id, active: false },
      await t.tokenFor(Role.SPACE_MANAGER),
    );
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(
      (await t.ok(USERS, { filter: { emailContains: user.email } }, admin)).users.edges[0],
    ).toMatchObject({ node: { active: true } });
  });
});

describe('the last active ADMIN', () => {
  // A database of its own: the bootstrap admin is deactivated here.
  let own: TestApp;
  beforeAll(async () => {
    own = await startTestApp();
  });
  afterAll(() => own?.close());

  it('stays when two ADMINs deactivate each other at once', async () => {
    const root = await own.adminToken();
    const admins = [];
    for (const name of ['first', 'second']) {
      const email = `${name}-${tag()}@accounts.example`;
      const { createUser } = await own.ok(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { email, displayName: name, password: TEST_PASSWORD, role: 'ADMIN' } },
        root,
      );
      admins.push({ id: createUser.id, token: await own.login(email, TEST_PASSWORD) });
    }
    const { me } = await own.ok(ME, {}, root);
    await own.ok(SET_ACTIVE, { id: me.id, active: false }, admins[0].token);

    const [a, b] = await Promise.all([
      own.gql(SET_ACTIVE, { id: admins[1].id, active: false }, admins[0].token),
      own.gql(SET_ACTIVE, { id: admins[0].id, active: false }, admins[1].token),
    ]);
    // One wins. The other is refused either inside its turn (the last active ADMIN) or, when the
    // winner committed before its request was let in, as a deactivated account.
    const outcomes = [a, b].map((r) => (r.errors ? codeOf(r) : 'OK'));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(['BAD_USER_INPUT', 'UNAUTHENTICATED']).toContain(outcomes.find((o) => o !== 'OK'));
    const [{ n }] = await own.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'ADMIN' AND active`,
    );
    expect(n).toBe(1);
  });
});

describe('resetUserPassword', () => {
  it('sets a new password and ends every sign-in of the user', async () => {
    const user = await account();
    const one = await signIn(user.email, user.password);
    const two = await signIn(user.email, user.password);
    const newPassword = 'a brand new password 2026';
    const { resetUserPassword } = await t.ok(RESET, { id: user.id, newPassword }, admin);
    expect(resetUserPassword).toEqual({ id: user.id, email: user.email });

    for (const s of [one, two]) {
      expect(codeOf(await t.gql(ME, {}, s.accessToken))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    }
    expect(
      codeOf(await t.gql(LOGIN, { input: { email: user.email, password: user.password } })),
    ).toBe('UNAUTHENTICATED');
    const fresh = await signIn(user.email, newPassword);
    expect((await t.ok(ME, {}, fresh.accessToken)).me.id).toBe(user.id);

    const [event] = (await auditOf(user.id)).filter((e) => e.operation === 'resetUserPassword');
    expect(event.after).toEqual({ signInsEnded: 2 });
    const text = JSON.stringify(event);
    expect(text).not.toContain(newPassword);
    expect(text).not.toMatch(/argon2|password_?hash/i);
  });

  it('refuses its own account, bad passwords and strangers, naming the field, writing nothing', async () => {
    const user = await account();
    const { me } = await t.ok(ME, {}, admin);
    for (const [vars, field] of [
      [{ id: me.id, newPassword: 'another good password' }, 'id'],
      [{ id: user.id, newPassword: 'short' }, 'newPassword'],
      [{ id: user.id, newPassword: 'x'.repeat(MAX_PASSWORD_LENGTH + 1) }, 'newPassword'],
      [{ id: 'nope', newPassword: 'another good password' }, 'id'],
    ] as const) {
      const before = await footprint(user.id);
      const res = await t.gql(RESET, vars, admin);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await footprint(user.id)).toEqual(before);
    }
    const unknown = await t.gql(
      RESET,
      { id: '00000000-0000-4000-8000-000000000000', newPassword: 'another good password' },
      admin,
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const forbidden = await t.gql(
      RESET,
      { id: user.id, newPassword: 'another good password' },
      await t.tokenFor(Role.POLICY_OFFICER),
    );
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
  });
});

describe('changePassword', () => {
  it('keeps the sign-in that changed it and ends every other', async () => {
    const user = await account(Role.SERVICE_DESK);
    const here = await signIn(user.email, user.password);
    const elsewhere = await signIn(user.email, user.password);
    const newPassword = 'my own new password 2026';
    expect(
      (await t.ok(CHANGE, { currentPassword: user.password, newPassword }, here.accessToken))
        .changePassword,
    ).toBe(true);

    expect((await t.ok(ME, {}, here.accessToken)).me.id).toBe(user.id);
    expect(codeOf(await t.gql(ME, {}, elsewhere.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(REFRESH, { t: elsewhere.refreshToken }))).toBe('UNAUTHENTICATED');
    const rotated = (await t.ok(REFRESH, { t: here.refreshToken })).refreshToken;
    expect((await t.ok(ME, {}, rotated.accessToken)).me.id).toBe(user.id);

    expect(
      codeOf(await t.gql(LOGIN, { input: { email: user.email, password: user.password } })),
    ).toBe('UNAUTHENTICATED');
    await signIn(user.email, newPassword);

    const [event] = (await auditOf(user.id)).filter((e) => e.operation === 'changePassword');
    expect(event).toMatchObject({ actor_user_id: user.id, after: { signInsEnded: 1 } });
    expect(JSON.stringify(event)).not.toContain(newPassword);
  });

  it('refuses a wrong current password, the same one again and bad new ones, naming the field', async () => {
    const user = await account(Role.TENANT_ADMIN, { tenantId: await firm() });
    const s = await signIn(user.email, user.password);
    for (const [vars, field] of [
      [
        { currentPassword: 'not my password', newPassword: 'a good new password' },
        'currentPassword',
      ],
      [{ currentPassword: user.password, newPassword: user.password }, 'newPassword'],
      [{ currentPassword: user.password, newPassword: 'short' }, 'newPassword'],
      [
        { currentPassword: user.password, newPassword: 'y'.repeat(MAX_PASSWORD_LENGTH + 1) },
        'newPassword',
      ],
    ] as const) {
      const before = await footprint(user.id);
      const res = await t.gql(CHANGE, vars, s.accessToken);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await footprint(user.id)).toEqual(before);
    }
    expect((await t.ok(ME, {}, s.accessToken)).me.id).toBe(user.id);
  });

  it('asks for a sign-in', async () => {
    const res = await t.gql(CHANGE, { currentPassword: 'a', newPassword: 'a good new password' });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });
});

describe('logout', () => {
  it("ends the refresh token's whole sign-in, its access tokens at once, and nothing else", async () => {
    const user = await account(Role.ANALYST);
    const leaving = await signIn(user.email, user.password);
    const staying = await signIn(user.email, user.password);
    const rotated = (await t.ok(REFRESH, { t: leaving.refreshToken })).refreshToken;

    // The spent token of the family is enough to sign the family out.
    expect((await t.ok(LOGOUT, { refreshToken: leaving.refreshToken })).logout).toBe(true);
    for (const token of [leaving.accessToken, rotated.accessToken]) {
      const res = await t.gql(ME, {}, token);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      expect(res.errors![0].message).toMatch(/sign in again/);
    }
    expect(codeOf(await t.gql(REFRESH, { t: rotated.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await t.ok(ME, {}, staying.accessToken)).me.id).toBe(user.id);

    const audit = await t.count('audit_events');
    expect((await t.ok(LOGOUT, { refreshToken: rotated.refreshToken })).logout).toBe(true);
    expect(await t.count('audit_events')).toBe(audit);
    const events = (await auditOf(user.id)).filter((e) => e.operation === 'logout');
    expect(events).toHaveLength(1);
    expect(events[0].actor_user_id).toBe(user.id);
  });

  it('refuses what is not a refresh token, naming refreshToken, and writes nothing', async () => {
    const s = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const [id] = s.refreshToken.split('.');
    for (const refreshToken of ['garbage', `${id}.forged`, 'x'.repeat(300)]) {
      const revoked = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM refresh_tokens WHERE revoked_at IS NOT NULL`,
      );
      const res = await t.gql(LOGOUT, { refreshToken });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(['refreshToken']);
      expect(
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM refresh_tokens WHERE revoked_at IS NOT NULL`,
        ),
      ).toEqual(revoked);
    }
    expect((await t.ok(ME, {}, s.accessToken)).me.email).toBe(TEST_ADMIN.email);
  });
});

describe('locale', () => {
  it('is ZH_CN at first; a user sets its own, audited', async () => {
    const user = await account(Role.POLICY_OFFICER);
    const s = await signIn(user.email, user.password);
    expect((await t.ok(ME, {}, s.accessToken)).me.locale).toBe('ZH_CN');
    expect((await t.ok(SET_LOCALE, { locale: 'EN' }, s.accessToken)).setLocale).toEqual({
      id: user.id,
      locale: 'EN',
    });
    expect((await t.ok(ME, {}, s.accessToken)).me.locale).toBe('EN');
    expect((await signIn(user.email, user.password)).user.locale).toBe('EN');
    const [event] = (await auditOf(user.id)).filter((e) => e.operation === 'setLocale');
    expect(event).toMatchObject({ before: { locale: 'ZH_CN' }, after: { locale: 'EN' } });
  });

  it('refuses a locale it does not know, naming locale, and writes nothing', async () => {
    const user = await account();
    const s = await signIn(user.email, user.password);
    const before = await footprint(user.id);
    const res = await t.gql(SET_LOCALE, { locale: 'FR' }, s.accessToken);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['locale']);
    expect(await footprint(user.id)).toEqual(before);
  });
});

describe('the caller is the account as it is now', () => {
  it('acts with a new role at its very next request', async () => {
    const user = await account(Role.ANALYST);
    const s = await signIn(user.email, user.password);
    expect(codeOf(await t.gql(USERS, { first: 1 }, s.accessToken))).toBe('FORBIDDEN');

    await t.dataSource.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1`, [user.id]);
    expect((await t.ok(USERS, { first: 1 }, s.accessToken)).users.totalCount).toBeGreaterThan(0);
    expect((await t.ok(ME, {}, s.accessToken)).me.role).toBe('ADMIN');

    await t.dataSource.query(`UPDATE users SET role = 'SPACE_MANAGER' WHERE id = $1`, [user.id]);
    expect(codeOf(await t.gql(USERS, { first: 1 }, s.accessToken))).toBe('FORBIDDEN');
  });

  it('follows a user moved to another firm at once', async () => {
    const [from, to] = [await firm(), await firm()];
    const user = await account(Role.TENANT_ADMIN, { tenantId: from });
    const s = await signIn(user.email, user.password);
    const TENANTS = `{ tenants { edges { node { id } } } }`;
    expect((await t.ok(TENANTS, {}, s.accessToken)).tenants.edges).toEqual([
      { node: { id: from } },
    ]);
    await t.dataSource.query(`UPDATE users SET tenant_id = $2 WHERE id = $1`, [user.id, to]);
    expect((await t.ok(TENANTS, {}, s.accessToken)).tenants.edges).toEqual([{ node: { id: to } }]);
  });

  it('is read once per request, however many operations the document holds', async () => {
    const one = await t.statements(`{ me { id } }`, {}, admin);
    const two = await t.statements(`{ a: me { id } b: me { id } }`, {}, admin);
    // The second field adds its own read of the user, not a second check of the caller.
    expect(two).toBe(one + 1);
  });

  it('shows active and locale to the user itself and to ADMIN', async () => {
    const user = await account();
    const login = (await t.ok(LOGIN, { input: { email: user.email, password: user.password } }))
      .login;
    expect(login.user).toMatchObject({ id: user.id, active: true, locale: 'ZH_CN' });
    expect((await t.ok(ME, {}, login.accessToken)).me).toMatchObject({
      active: true,
      locale: 'ZH_CN',
    });
  });
});
