import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import request from 'supertest';
import { Role } from '@jcv/shared';
import { fingerprint } from '../../src/graphql/idempotency.rules.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  SUBMIT,
  zones,
} from '../fixtures/reporting/fixtures.js';

let t: TestApp;
let firm: FixtureTenant;
let other: FixtureTenant;
let reporter: string;
let colleague: string;
let reporterId: string;

beforeAll(async () => {
  t = await startTestApp();
  const z = await zones(t);
  firm = await makeTenant(t, { zoneId: z.startup, enteredOn: '2025-01-01' });
  other = await makeTenant(t, { zoneId: z.startup, enteredOn: '2025-01-01' });
  reporter = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm.id });
  colleague = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm.id, key: 'colleague' });
  reporterId = (await t.ok(`{ me { id } }`, {}, reporter)).me.id;
});
afterAll(() => t?.close());

interface Answer {
  status: number;
  text: string;
  replayed: boolean;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; extensions: { code: string; fields?: { field: string }[] } }[];
  };
}

/** POSTs an operation with an Idempotency-Key, as a client on a poor connection would. */
async function send(
  query: string,
  variables: Record<string, unknown>,
  opts: { token?: string; key?: string } = {},
): Promise<Answer> {
  const req = request(t.http).post('/graphql').set('content-type', 'application/json');
  if (opts.token) req.set('authorization', `Bearer ${opts.token}`);
  if (opts.key !== undefined) req.set('idempotency-key', opts.key);
  const res = await req.send({ query, variables });
  return {
    status: res.status,
    text: res.text,
    replayed: res.headers['idempotent-replayed'] === 'true',
    body: res.body,
  };
}

const submit = (
  period: string,
  key: string,
  over: Record<string, unknown> = {},
  token = reporter,
) => send(SUBMIT, { input: figures(firm.id, period, over) }, { token, key });

const revisions = async (period: string, tenantId = firm.id): Promise<number> => {
  const [{ n }] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM output_reports WHERE tenant_id = $1 AND period = $2`,
    [tenantId, period],
  );
  return n;
};

const keyRows = async (key: string): Promise<number> => {
  const [{ n }] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1`,
    [key],
  );
  return n;
};

const writes = async () => [await t.count('output_reports'), await t.count('audit_events')];

let keys = 0;
/** A key of its own for each test, so that no test depends on another. */
const newKey = () => `test-key-${++keys}-${Date.now().toString(36)}`;

function expectRefusedKey(answer: Answer, message: string) {
  expect(answer.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(answer.body.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual([
    'Idempotency-Key',
  ]);
  expect(answer.body.errors?.[0].message).toContain(message);
  expect(answer.replayed).toBe(false);
}

describe('a retried mutation with the same key', () => {
  it('makes one revision and gets the first answer again, status and body alike', async () => {
    const key = newKey();
    const first = await submit('2025-02', key);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.submitOutputReport).toMatchObject({ period: '2025-02', revision: 1 });
    expect(first.replayed).toBe(false);
    const before = await writes();

    const again = await submit('2025-02', key);
    expect(again.replayed).toBe(true);
    expect(again.status).toBe(first.status);
    expect(again.text).toBe(first.text);
    expect(await writes()).toEqual(before);
    expect(await revisions('2025-02')).toBe(1);

    // Without a key, the same request is a resubmission: the next revision.
    const plain = await send(SUBMIT, { input: figures(firm.id, '2025-02') }, { token: reporter });
    expect(plain.body.data!.submitOutputReport.revision).toBe(2);
  });

  it('counts a document spaced otherwise and variables in another order as the same request', async () => {
    const key = newKey();
    const input = figures(firm.id, '2025-03');
    const first = await send(SUBMIT, { input }, { token: reporter, key });
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    const again = await send(
      `# retried\n${SUBMIT.replace(/\s+/g, '  ')}`,
      { input: reordered },
      {
        token: reporter,
        key,
      },
    );
    expect(again.replayed).toBe(true);
    expect(again.text).toBe(first.text);
    expect(await revisions('2025-03')).toBe(1);
  });

  it('replays an answer refused on its input, with its HTTP status, writing nothing', async () => {
    const key = newKey();
    const first = await submit('2025-04', key, { outputValue: '-1.00' });
    expect(first.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const again = await submit('2025-04', key, { outputValue: '-1.00' });
    expect([again.replayed, again.status, again.text]).toEqual([true, first.status, first.text]);

    // A variable that does not coerce is refused with HTTP 400 before any resolver runs.
    const badKey = newKey();
    const coerced = await submit('2025-04', badKey, { employees: 'many' });
    expect(coerced.status).toBe(400);
    const coercedAgain = await submit('2025-04', badKey, { employees: 'many' });
    expect([coercedAgain.replayed, coercedAgain.status, coercedAgain.text]).toEqual([
      true,
      400,
      coerced.text,
    ]);
    expect(await revisions('2025-04')).toBe(0);
  });

  it('lets the key go after an access refusal, so that a retry runs for real', async () => {
    const key = newKey();
    const forbidden = () =>
      send(SUBMIT, { input: figures(other.id, '2025-05') }, { token: reporter, key });
    const first = await forbidden();
    expect(first.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const again = await forbidden();
    expect(again.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(again.replayed).toBe(false);
    // Nothing holds the key: the caller can use it for its corrected request.
    const corrected = await submit('2025-05', key);
    expect(corrected.body.data!.submitOutputReport.revision).toBe(1);
    expect(corrected.replayed).toBe(false);
  });
});

describe('the same key for another request', () => {
  it('is refused naming Idempotency-Key, with the status of other refused input, writing nothing', async () => {
    const key = newKey();
    await submit('2025-06', key);
    const before = await writes();

    const otherFigures = await submit('2025-06', key, { outputValue: '999.00' });
    expectRefusedKey(otherFigures, 'another document or other variables');
    const refusedInput = await submit('2025-06', newKey(), { revenue: '-5' });
    expect(refusedInput.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(otherFigures.status).toBe(refusedInput.status);

    const otherDocument = await send(
      `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { id } }`,
      { input: figures(firm.id, '2025-06') },
      { token: reporter, key },
    );
    expectRefusedKey(otherDocument, 'another document or other variables');
    expect(await writes()).toEqual(before);
    expect(await revisions('2025-06')).toBe(1);
  });
});

describe('identical requests at once', () => {
  it('write once: each of the others gets CONFLICT or the first answer', async () => {
    const key = newKey();
    const all = await Promise.all(Array.from({ length: 4 }, () => submit('2025-07', key)));
    expect(await revisions('2025-07')).toBe(1);
    expect(all.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const ran = all.filter((a) => !a.replayed && a.body.data?.submitOutputReport);
    expect(ran).toHaveLength(1);
    for (const other of all.filter((a) => a !== ran[0])) {
      if (other.replayed) expect(other.text).toBe(ran[0].text);
      else {
        expect(other.body.errors?.[0].extensions.code).toBe('CONFLICT');
        expect(other.body.errors?.[0].message).toContain('still running');
      }
    }
  });

  it('answer CONFLICT while the first still runs, and write nothing', async () => {
    const key = newKey();
    const input = figures(firm.id, '2025-08');
    // The claim a request running on another API instance holds.
    await t.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, claim_id)
       VALUES ($1, $2, $3, gen_random_uuid())`,
      [reporterId, key, fingerprint(parse(SUBMIT), undefined, { input })],
    );
    const before = await writes();
    const answer = await send(SUBMIT, { input }, { token: reporter, key });
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await writes()).toEqual(before);

    // A claim whose process died long ago is taken over by the retry.
    await t.dataSource.query(
      `UPDATE idempotency_keys SET claimed_at = now() - interval '10 minutes'
        WHERE user_id = $1 AND key = $2`,
      [reporterId, key],
    );
    const retried = await send(SUBMIT, { input }, { token: reporter, key });
    expect(retried.body.data!.submitOutputReport.revision).toBe(1);
    const replayed = await send(SUBMIT, { input }, { token: reporter, key });
    expect([replayed.replayed, replayed.text]).toEqual([true, retried.text]);
  });
});

describe('keys', () => {
  it('belong to one user: another user with the same key runs its own mutation', async () => {
    const key = newKey();
    const mine = await submit('2025-09', key);
    const theirs = await submit('2025-09', key, {}, colleague);
    expect(theirs.replayed).toBe(false);
    expect(mine.body.data!.submitOutputReport.revision).toBe(1);
    expect(theirs.body.data!.submitOutputReport.revision).toBe(2);
    expect(await revisions('2025-09')).toBe(2);
  });

  it('last a day: an older key is used afresh, and the day-old keys are swept', async () => {
    const key = newKey();
    await submit('2025-10', key);
    const leftover = newKey();
    await submit('2025-10', leftover);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET claimed_at = claimed_at - interval '25 hours'
        WHERE user_id = $1 AND key IN ($2, $3)`,
      [reporterId, key, leftover],
    );
    const later = await submit('2025-11', key);
    expect(later.replayed).toBe(false);
    expect(later.body.data!.submitOutputReport.period).toBe('2025-11');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE claimed_at < now() - interval '24 hours'`,
    );
    expect(n).toBe(0);
  });

  it.each([
    ['an empty value', '', 'must not be empty'],
    ['256 characters', 'k'.repeat(256), 'at most 255 characters'],
    ['a space', 'retry 1', 'visible ASCII'],
    ['a tab', 'retry\t1', 'visible ASCII'],
    ['a Latin-1 letter', 'clé-1', 'visible ASCII'],
  ])('refuses %s, writing nothing', async (_, key, message) => {
    const before = await writes();
    const answer = await submit('2025-12', key);
    expectRefusedKey(answer, message);
    expect(await writes()).toEqual(before);
  });

  it('accepts 255 visible ASCII characters', async () => {
    const key = `${'!~'.repeat(127)}x`;
    const first = await submit('2026-01', key);
    expect(first.body.data!.submitOutputReport.revision).toBe(1);
    expect((await submit('2026-01', key)).replayed).toBe(true);
  });
});

describe('where the header does not apply', () => {
  it('leaves a query alone, whatever the header holds', async () => {
    for (const key of ['query-key', 'not a key']) {
      const answer = await send(`{ me { id } }`, {}, { token: reporter, key });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { me: { id: reporterId } } });
    }
    expect(await keyRows('query-key')).toBe(0);
  });

  it('is ignored without a signed-in caller: a sign-in runs each time, never shared', async () => {
    const key = newKey();
    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
    const input = { email: TEST_ADMIN.email, password: TEST_ADMIN.password };
    const first = await send(LOGIN, { input }, { key });
    const again = await send(LOGIN, { input }, { key });
    expect(first.body.data!.login.accessToken).toEqual(expect.any(String));
    expect(again.replayed).toBe(false);
    expect(again.body.data!.login.accessToken).toEqual(expect.any(String));

    const anonymous = await send(SUBMIT, { input: figures(firm.id, '2025-01') }, { key });
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const tampered = await send(
      SUBMIT,
      { input: figures(firm.id, '2025-01') },
      { key, token: `${reporter.slice(0, -4)}AAAA` },
    );
    expect(tampered.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await revisions('2025-01')).toBe(0);
    expect(await keyRows(key)).toBe(0);
  });
});
