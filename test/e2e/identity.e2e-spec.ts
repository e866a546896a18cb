import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_FAILED_LOGINS, passwordChecks } from '@jcv/identity';
import { Role } from '@jcv/shared';
import { startTestApp, TEST_ADMIN, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken expiresAt user { email role } }
}`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { email role } }`;

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function sign(header: object, payload: object, secret: string): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
const claims = (over: object = {}) => {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: '00000000-0000-0000-0000-000000000000',
    role: 'ADMIN',
    tid: null,
    spid: null,
    iat: now,
    exp: now + 600,
    iss: t.config.jwtIssuer,
    aud: t.config.jwtAudience,
    ...over,
  };
};
const codeOf = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code;
const payloadOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

async function newAnalyst(app: TestApp, email: string) {
  await app.ok(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email, displayName: 'T', password: TEST_PASSWORD, role: 'ANALYST' } },
    await app.adminToken(),
  );
}

describe('login', () => {
  it('gives a short-lived HS256 access token and a refresh token for the right password', async () => {
    const res = await t.ok(LOGIN, {
      input: { email: TEST_ADMIN.email.toUpperCase(), password: TEST_ADMIN.password },
    });
    expect(res.login.user).toEqual({ email: TEST_ADMIN.email, role: 'ADMIN' });
    const [header, payload] = res.login.accessToken
      .split('.')
      .slice(0, 2)
      .map((p: string) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(payload.exp - payload.iat).toBe(t.config.accessTokenTtlSeconds);
    expect(payload).toMatchObject({
      iss: t.config.jwtIssuer,
      aud: t.config.jwtAudience,
      role: 'ADMIN',
    });
    expect(new Date(res.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.ok(ME, {}, res.login.accessToken);
    expect(me.me.role).toBe('ADMIN');
  });

  it('answers a wrong password and an unknown email alike, without saying which was wrong', async () => {
    const wrong = await t.gql(LOGIN, {
      input: { email: TEST_ADMIN.email, password: 'not-the-password' },
    });
    const unknown = await t.gql(LOGIN, {
      input: { email: 'nobody@test.example', password: 'not-the-password' },
    });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('throttles an account after repeated failures, even for the right password', async () => {
    const token = await t.adminToken();
    const email = 'throttled@test.example';
    await t.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { email, displayName: 'T', password: TEST_PASSWORD, role: 'ANALYST' } },
      token,
    );
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      expect(codeOf(await t.gql(LOGIN, { input: { email, password: 'wrong-password-x' } }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const res = await t.gql(LOGIN, { input: { email, password: TEST_PASSWORD } });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/too many/i);
  });

  it('checks at most five passwords when twenty wrong ones arrive at once', async () => {
    const email = 'raced@test.example';
    await newAnalyst(t, email);
    const checksBefore = passwordChecks();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(LOGIN, { input: { email, password: `wrong-password-${i}` } }),
      ),
    );
    expect(answers.map(codeOf)).toEqual(Array(20).fill('UNAUTHENTICATED'));
    expect(passwordChecks() - checksBefore).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    const [{ attempts }] = await t.dataSource.query(
      `SELECT attempts FROM login_attempts WHERE email_key = $1`,
      [email],
    );
    expect(attempts).toBe(MAX_FAILED_LOGINS);
    const right = await t.gql(LOGIN, { input: { email, password: TEST_PASSWORD } });
    expect(codeOf(right)).toBe('UNAUTHENTICATED');
    expect(right.errors![0].message).toMatch(/too many/i);
    expect(passwordChecks() - checksBefore).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
  });

  it('gives the attempts back after a success', async () => {
    const email = 'recovered@test.example';
    await newAnalyst(t, email);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      await t.gql(LOGIN, { input: { email, password: 'wrong-password-x' } });
    }
    await t.ok(LOGIN, { input: { email, password: TEST_PASSWORD } });
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      await t.gql(LOGIN, { input: { email, password: 'wrong-password-y' } });
    }
    expect(
      (await t.ok(LOGIN, { input: { email, password: TEST_PASSWORD } })).login.user.email,
    ).toBe(email);
  });

  it('keeps the throttle in the database alone, which every API instance shares', async () => {
    const email = 'instances@test.example';
    await newAnalyst(t, email);
    // Five failures recorded by another instance: this one refuses the right password too.
    await t.dataSource.query(`INSERT INTO login_attempts (email_key, attempts) VALUES ($1, $2)`, [
      email,
      MAX_FAILED_LOGINS,
    ]);
    const res = await t.gql(LOGIN, { input: { email, password: TEST_PASSWORD } });
    expect(res.errors![0].message).toMatch(/too many/i);
    // A window that ran out elsewhere has run out here: nothing is remembered in the process.
    await t.dataSource.query(
      `UPDATE login_attempts SET window_started_at = now() - interval '16 minutes'
        WHERE email_key = $1`,
      [email],
    );
    expect(
      (await t.ok(LOGIN, { input: { email, password: TEST_PASSWORD } })).login.user.email,
    ).toBe(email);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [{ password_hash }] = await t.dataSource.query(
      `SELECT password_hash FROM users WHERE lower(email) = $1`,
      [TEST_ADMIN.email],
    );
    expect(password_hash).toMatch(/^\$argon2id\$/);
    expect(password_hash).not.toContain(TEST_ADMIN.password);
  });
});

describe('access tokens', () => {
  it('refuses an expired token', async () => {
    const token = sign(
      { alg: 'HS256', typ: 'JWT' },
      claims({ iat: 1000, exp: 2000 }),
      t.config.jwtSecret,
    );
    const res = await t.gql(ME, {}, token);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/expired/);
  });

  it('refuses a correctly signed token without an expiry or issue time', async () => {
    const real = (
      await t.ok(LOGIN, { input: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } })
    ).login.accessToken;
    const { exp: _exp, ...noExp } = payloadOf(real);
    const { iat: _iat, ...noIat } = payloadOf(real);
    for (const claims of [noExp, noIat]) {
      const res = await t.gql(
        ME,
        {},
        sign({ alg: 'HS256', typ: 'JWT' }, claims, t.config.jwtSecret),
      );
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    }
    // The same claims with both, signed the same way, are good: only the missing one was wrong.
    const whole = sign({ alg: 'HS256', typ: 'JWT' }, payloadOf(real), t.config.jwtSecret);
    expect((await t.ok(ME, {}, whole)).me.email).toBe(TEST_ADMIN.email);
  });

  it('refuses an unsigned alg:none token', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    expect(codeOf(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const real = await t.tokenFor(Role.ANALYST);
    const [h, p, s] = real.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${b64({ ...payload, role: 'ADMIN' })}.${s}`;
    expect(codeOf(await t.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another key, or for another issuer or audience', async () => {
    for (const token of [
      sign({ alg: 'HS256' }, claims(), 'another-secret-another-secret-another-secret'),
      sign({ alg: 'HS256' }, claims({ iss: 'someone-else' }), t.config.jwtSecret),
      sign({ alg: 'HS256' }, claims({ aud: 'another-api' }), t.config.jwtSecret),
      sign({ alg: 'HS512' }, claims(), t.config.jwtSecret),
    ]) {
      expect(codeOf(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    }
  });

  it('asks for a token when there is none', async () => {
    expect(codeOf(await t.gql(ME))).toBe('UNAUTHENTICATED');
  });
});

describe('refresh tokens', () => {
  it('rotate: each is good once, and reusing a spent one revokes its whole family', async () => {
    const first = (
      await t.ok(LOGIN, { input: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } })
    ).login;
    const second = (await t.ok(REFRESH, { t: first.refreshToken })).refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.ok(ME, {}, second.accessToken)).me.email).toBe(TEST_ADMIN.email);

    const replay = await t.gql(REFRESH, { t: first.refreshToken });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    // The thief's replay also kills the token the rightful holder got next.
    expect(codeOf(await t.gql(REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged refresh token', async () => {
    const first = (
      await t.ok(LOGIN, { input: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } })
    ).login;
    const [id] = first.refreshToken.split('.');
    expect(codeOf(await t.gql(REFRESH, { t: `${id}.forged` }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(REFRESH, { t: 'garbage' }))).toBe('UNAUTHENTICATED');
  });
});

describe('createUser', () => {
  const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { id email role } }`;

  it('is for ADMIN only', async () => {
    const res = await t.gql(
      CREATE,
      {
        i: { email: 'x@test.example', displayName: 'X', password: TEST_PASSWORD, role: 'ANALYST' },
      },
      await t.tokenFor(Role.ANALYST),
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('refuses a short password and a bad email, naming the fields, and writes nothing', async () => {
    const before = await t.count('users');
    const res = await t.gql(
      CREATE,
      { i: { email: 'not-an-email', displayName: 'X', password: 'short', role: 'ANALYST' } },
      await t.adminToken(),
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = res.errors![0].extensions.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'password']);
    expect(await t.count('users')).toBe(before);
  });

  it('keeps emails unique whatever their case', async () => {
    const token = await t.adminToken();
    await t.ok(
      CREATE,
      {
        i: {
          email: 'Unique@Test.example',
          displayName: 'U',
          password: TEST_PASSWORD,
          role: 'ANALYST',
        },
      },
      token,
    );
    const res = await t.gql(
      CREATE,
      {
        i: {
          email: 'unique@test.EXAMPLE',
          displayName: 'U',
          password: TEST_PASSWORD,
          role: 'ANALYST',
        },
      },
      token,
    );
    expect(codeOf(res)).toBe('CONFLICT');
  });

  it('requires a firm for tenant roles', async () => {
    const res = await t.gql(
      CREATE,
      {
        i: {
          email: 'firm@test.example',
          displayName: 'F',
          password: TEST_PASSWORD,
          role: 'TENANT_ADMIN',
        },
      },
      await t.adminToken(),
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields).toEqual([
      { field: 'tenantId', message: 'is required for TENANT_ADMIN' },
    ]);
  });
});
