import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, ConfigModule } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import {
  checkWebhookUrl,
  type HostLookup,
  OutboxModule,
  OutboxService,
  WEBHOOK_LEASE_MS,
  type WebhookAnswer,
  WebhookDispatcher,
  type WebhookEventType,
  type WebhookRequest,
  WebhookSender,
} from '@jcv/notifications';
import { freshDatabase, testConfig, type TestDatabase } from '../support/test-app.js';

// The worker's webhook deliveries against a real HTTP receiver on 127.0.0.1: what is sent and
// signed, the retry schedule (time is given to each run, never waited for), deactivation, the
// address guard at delivery time, two dispatchers at once, and a worker killed mid-delivery.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** After failed attempt n, the n-th delay (domain.md, "Webhooks"), before jitter. */
const SCHEDULE = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver answers the n-th request (1-based) on a path: a status, or nothing at all. */
type Answer = (n: number) => number | 'hang';

/** An HTTP server on 127.0.0.1 that records every request and answers as each test says. */
class Receiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly waiting: { path: string; resolve: () => void }[] = [];
  private server!: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString() });
        const answer = (this.answers.get(path) ?? (() => 200))(this.on(path).length);
        for (const w of this.waiting.filter((x) => x.path === path)) w.resolve();
        if (answer === 'hang') return;
        if (answer >= 300 && answer < 400) res.setHeader('location', `${path}-target`);
        res.writeHead(answer).end('ok');
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  answer(path: string, answer: Answer): void {
    this.answers.set(path, answer);
  }

  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Resolves when a request for `path` has arrived (at once if one has). */
  arrival(path: string): Promise<void> {
    if (this.on(path).length) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ path, resolve }));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}

/**
 * The real sender, kept on this machine: an attempt that would connect anywhere but loopback
 * is stopped here and recorded, so a test of the guard can never send traffic elsewhere.
 */
class LoopbackOnlySender extends WebhookSender {
  readonly stopped: string[] = [];

  override send(request: WebhookRequest): Promise<WebhookAnswer> {
    const away = request.addresses.filter((a) => !/^(127\.|::1$)/.test(a.address));
    if (away.length) {
      this.stopped.push(...away.map((a) => a.address));
      return Promise.resolve({ error: `the test stopped a request to ${away[0].address}` });
    }
    return super.send(request);
  }
}

/** The standard's check done by hand: base64 HMAC-SHA256 of id.timestamp.body under the key. */
function hmacVerifies(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
  const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  return String(headers['webhook-signature']).split(' ').includes(expected);
}

const SECRET = 'whsec_' + Buffer.from('a secret of the test endpoints, 32b').toString('base64');

/** The dispatcher's context: configuration, database, outbox, and the sender given. */
async function openDelivery(
  env: Record<string, string>,
  sender: WebhookSender,
): Promise<INestApplicationContext> {
  const config = testConfig({ ...env, WEBHOOK_ALLOW_INSECURE: 'true' });
  @Module({
    imports: [ConfigModule.forRoot(config), DatabaseModule, OutboxModule],
    providers: [WebhookDispatcher, { provide: WebhookSender, useValue: sender }],
  })
  class DeliveryTestModule {}
  return NestFactory.createApplicationContext(DeliveryTestModule, {
    logger: false,
    abortOnError: false,
  });
}

let db: TestDatabase;
let ctx: INestApplicationContext;
let ds: DataSource;
let config: AppConfig;
let dispatcher: WebhookDispatcher;
const receiver = new Receiver();
const sender = new LoopbackOnlySender();

beforeAll(async () => {
  await receiver.start();
  db = await freshDatabase();
  ctx = await openDelivery(db.env, sender);
  ds = ctx.get(DataSource);
  config = ctx.get(APP_CONFIG);
  dispatcher = ctx.get(WebhookDispatcher);
});
afterAll(async () => {
  await ctx?.close();
  await db?.drop();
  await receiver.stop();
});
beforeEach(async () => {
  await ds.query(`DELETE FROM webhook_deliveries`);
  await ds.query(`DELETE FROM webhook_events`);
  await ds.query(`DELETE FROM webhook_endpoints`);
});

async function endpoint(url: string, events: WebhookEventType[] = []): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO webhook_endpoints (url, events, secret) VALUES ($1, $2, $3) RETURNING id`,
    [url, events, SECRET],
  );
  return id;
}

let seq = 0;

/** A committed change's event, through the outbox; returns its id (the webhook-id). */
async function emit(type: WebhookEventType = 'report.submitted', into = ds): Promise<string> {
  const ref = `ref-${++seq}`;
  await into.transaction((em) =>
    ctx.get(OutboxService).emit(em, type, { reportId: ref, tenantName: '吕梁云数科技' }),
  );
  const [event] = await into.query(
    `SELECT id FROM webhook_events WHERE body::jsonb #>> '{data,reportId}' = $1`,
    [ref],
  );
  return event.id;
}

interface DeliveryRow {
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  locked_until: Date | null;
  last_response_status: number | null;
  last_error: string | null;
}

async function delivery(eventId: string, into = ds): Promise<DeliveryRow> {
  const [row] = await into.query(
    `SELECT status, attempts, next_attempt_at, locked_until, last_response_status, last_error
     FROM webhook_deliveries WHERE event_id = $1`,
    [eventId],
  );
  return row;
}

async function endpointRow(id: string) {
  const [row] = await ds.query(
    `SELECT active, consecutive_failures, deactivated_reason FROM webhook_endpoints WHERE id = $1`,
    [id],
  );
  return row as { active: boolean; consecutive_failures: number; deactivated_reason: string };
}

describe('delivering a webhook', () => {
  it('POSTs the event as written, signed so that the secret verifies it', async () => {
    await endpoint(receiver.url('/ok'));
    const id = await emit('report.submitted');
    const now = new Date();
    expect(await dispatcher.runOnce(now)).toEqual({ succeeded: 1, failed: 0 });

    const [got] = receiver.on('/ok');
    const [event] = await ds.query(`SELECT body FROM webhook_events WHERE id = $1`, [id]);
    expect(got.body).toBe(event.body);
    expect(JSON.parse(got.body)).toMatchObject({
      type: 'report.submitted',
      data: { reportId: `ref-${seq}`, tenantName: '吕梁云数科技' },
    });
    expect(got.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    });
    expect(id).toMatch(/^msg_[0-9a-z]{26}$/);
    // The Standard Webhooks library, and the same check by hand.
    expect(new Webhook(SECRET).verify(got.body, got.headers as Record<string, string>)).toEqual(
      JSON.parse(got.body),
    );
    expect(hmacVerifies(SECRET, got.headers, got.body)).toBe(true);
    expect(
      hmacVerifies('whsec_' + Buffer.from('another').toString('base64'), got.headers, got.body),
    ).toBe(false);

    expect(await delivery(id)).toEqual({
      status: 'SUCCEEDED',
      attempts: 1,
      next_attempt_at: null,
      locked_until: null,
      last_response_status: 200,
      last_error: null,
    });
    // Delivered once: later runs find nothing to send.
    expect(await dispatcher.runOnce(new Date(now.getTime() + 2 * HOUR))).toEqual({
      succeeded: 0,
      failed: 0,
    });
    expect(receiver.on('/ok')).toHaveLength(1);
  });

  it('sends an endpoint only the types it subscribes to, and nothing when none wants one', async () => {
    await endpoint(receiver.url('/bills'), ['bill.issued', 'bill.paid']);
    const before = receiver.received.length;
    // No endpoint wants this one: neither the event nor a delivery is written.
    await ds.transaction((em) => ctx.get(OutboxService).emit(em, 'report.submitted', {}));
    expect(await ds.query(`SELECT count(*)::int AS n FROM webhook_events`)).toEqual([{ n: 0 }]);
    const id = await emit('bill.paid');
    expect(await dispatcher.runOnce(new Date())).toEqual({ succeeded: 1, failed: 0 });
    expect(receiver.received.slice(before).map((r) => [r.path, r.headers['webhook-id']])).toEqual([
      ['/bills', id],
    ]);
  });

  it('tries again after a failure with the same webhook-id, and is done on the first 2xx', async () => {
    const ep = await endpoint(receiver.url('/flaky'));
    receiver.answer('/flaky', (n) => (n === 1 ? 503 : 204));
    const id = await emit();
    const t0 = new Date();
    expect(await dispatcher.runOnce(t0)).toEqual({ succeeded: 0, failed: 1 });
    const failed = await delivery(id);
    expect(failed).toMatchObject({
      status: 'RETRYING',
      attempts: 1,
      last_response_status: 503,
      last_error: 'answered 503',
      locked_until: null,
    });
    expect((await endpointRow(ep)).consecutive_failures).toBe(1);

    const t1 = failed.next_attempt_at!;
    expect(await dispatcher.runOnce(t1)).toEqual({ succeeded: 1, failed: 0 });
    const [first, second] = receiver.on('/flaky');
    expect(second.headers['webhook-id']).toBe(id);
    expect(first.headers['webhook-id']).toBe(id);
    expect(second.body).toBe(first.body);
    // Each attempt is signed at its own time.
    expect(second.headers['webhook-timestamp']).toBe(String(Math.floor(t1.getTime() / 1000)));
    expect(hmacVerifies(SECRET, second.headers, second.body)).toBe(true);
    expect(await delivery(id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect((await endpointRow(ep)).consecutive_failures).toBe(0);
  });

  it('follows the schedule, 5 s to 24 h with at most 10 % jitter, and is FAILED after the 10th attempt', async () => {
    const ep = await endpoint(receiver.url('/down'));
    receiver.answer('/down', () => 500);
    const id = await emit();
    let now = new Date();
    const attemptedAt: Date[] = [];
    for (let n = 1; n <= 10; n++) {
      expect(await dispatcher.runOnce(now)).toEqual({ succeeded: 0, failed: 1 });
      attemptedAt.push(now);
      const row = await delivery(id);
      expect(row.attempts).toBe(n);
      if (n === 10) {
        expect(row).toMatchObject({
          status: 'FAILED',
          next_attempt_at: null,
          last_response_status: 500,
        });
        break;
      }
      expect(row.status).toBe('RETRYING');
      const next = row.next_attempt_at!;
      const delay = next.getTime() - now.getTime();
      expect(delay).toBeGreaterThanOrEqual(0.9 * SCHEDULE[n - 1]);
      expect(delay).toBeLessThanOrEqual(1.1 * SCHEDULE[n - 1]);
      // Not a moment early.
      expect(await dispatcher.runOnce(new Date(next.getTime() - 1))).toEqual({
        succeeded: 0,
        failed: 0,
      });
      now = next;
    }
    // Nothing after the last attempt, however late.
    expect(await dispatcher.runOnce(new Date(now.getTime() + 30 * 24 * HOUR))).toEqual({
      succeeded: 0,
      failed: 0,
    });

    const attempts = receiver.on('/down');
    expect(attempts).toHaveLength(10);
    expect(new Set(attempts.map((a) => a.headers['webhook-id']))).toEqual(new Set([id]));
    expect(attempts.map((a) => a.headers['webhook-timestamp'])).toEqual(
      attemptedAt.map((t) => String(Math.floor(t.getTime() / 1000))),
    );
    for (const a of attempts) expect(hmacVerifies(SECRET, a.headers, a.body)).toBe(true);
    // Ten failures in a row: counted, but short of deactivating the endpoint.
    expect(await endpointRow(ep)).toMatchObject({ active: true, consecutive_failures: 10 });
  });

  it('deactivates an endpoint that answers 410 at once, and its other deliveries wait', async () => {
    const ep = await endpoint(receiver.url('/gone'));
    receiver.answer('/gone', () => 410);
    const first = await emit();
    const second = await emit();
    const oneByOne = new WebhookDispatcher(ds, config, sender, { batchSize: 1, lanes: 1 });
    const now = new Date();
    expect(await oneByOne.runOnce(now)).toEqual({ succeeded: 0, failed: 1 });
    expect(await delivery(first)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      next_attempt_at: null,
      last_response_status: 410,
    });
    expect(await endpointRow(ep)).toEqual({
      active: false,
      consecutive_failures: 1,
      deactivated_reason: 'answered 410 Gone',
    });
    // The endpoint's other delivery is kept, not sent, while it is inactive.
    expect(await oneByOne.runOnce(new Date(now.getTime() + HOUR))).toEqual({
      succeeded: 0,
      failed: 0,
    });
    expect(await delivery(second)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(receiver.on('/gone')).toHaveLength(1);
  });

  it('deactivates an endpoint after 20 failed attempts in a row; turned back on, it gets what waited', async () => {
    const ep = await endpoint(receiver.url('/broken'));
    let broken = true;
    receiver.answer('/broken', () => (broken ? 500 : 200));
    await ds.transaction((em) =>
      ctx.get(OutboxService).emitMany(
        em,
        'tenant.registered',
        Array.from({ length: 25 }, (_, i) => ({ tenantId: `t${i}` })),
      ),
    );
    const small = new WebhookDispatcher(ds, config, sender, { batchSize: 10, lanes: 1 });
    const now = new Date();
    // Two batches of 10 fail; the 20th failure deactivates, so the last 5 are not claimed.
    expect(await small.runOnce(now)).toEqual({ succeeded: 0, failed: 20 });
    expect(await endpointRow(ep)).toEqual({
      active: false,
      consecutive_failures: 20,
      deactivated_reason: '20 failed attempts in a row',
    });
    expect(
      await ds.query(
        `SELECT status, attempts, count(*)::int AS n FROM webhook_deliveries
         GROUP BY status, attempts ORDER BY status`,
      ),
    ).toEqual([
      { status: 'PENDING', attempts: 0, n: 5 },
      { status: 'RETRYING', attempts: 1, n: 20 },
    ]);
    const later = new Date(now.getTime() + 24 * HOUR);
    expect(await small.runOnce(later)).toEqual({ succeeded: 0, failed: 0 });

    // As setWebhookEndpointActive(true) does: on again, its count of failures starts over.
    broken = false;
    await ds.query(
      `UPDATE webhook_endpoints SET active = true, consecutive_failures = 0, deactivated_reason = NULL
       WHERE id = $1`,
      [ep],
    );
    expect(await small.runOnce(later)).toEqual({ succeeded: 25, failed: 0 });
    expect(receiver.on('/broken')).toHaveLength(45);
    expect(await endpointRow(ep)).toMatchObject({ active: true, consecutive_failures: 0 });
  });

  it('counts no answer in time as a failure, and follows no redirect', async () => {
    const quick = new LoopbackOnlySender({ timeoutMs: 300 });
    const impatient = new WebhookDispatcher(ds, config, quick);
    await endpoint(receiver.url('/slow'));
    await endpoint(receiver.url('/moved'));
    receiver.answer('/slow', () => 'hang');
    receiver.answer('/moved', () => 302);
    const id = await emit();
    expect(await impatient.runOnce(new Date())).toEqual({ succeeded: 0, failed: 2 });
    const rows = await ds.query(
      `SELECT e.url, d.status, d.last_response_status, d.last_error
       FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
       WHERE d.event_id = $1 ORDER BY e.url`,
      [id],
    );
    expect(rows).toEqual([
      {
        url: receiver.url('/moved'),
        status: 'RETRYING',
        last_response_status: 302,
        last_error: 'answered 302',
      },
      {
        url: receiver.url('/slow'),
        status: 'RETRYING',
        last_response_status: null,
        last_error: 'no answer in 0.3 s',
      },
    ]);
    expect(receiver.on('/moved-target')).toHaveLength(0);
  });

  it('records an attempt that cannot even be made as a failure, rather than leaving it claimed', async () => {
    await ds.query(`INSERT INTO webhook_endpoints (url, secret) VALUES ($1, 'whsec_')`, [
      receiver.url('/keyless'),
    ]);
    const id = await emit();
    expect(await dispatcher.runOnce(new Date())).toEqual({ succeeded: 0, failed: 1 });
    expect(await delivery(id)).toMatchObject({
      status: 'RETRYING',
      attempts: 1,
      locked_until: null,
      last_error: 'a webhook secret holds a key after its prefix',
    });
    expect(receiver.on('/keyless')).toHaveLength(0);
  });
});

describe('the address guard at delivery time', () => {
  it('refuses private, link-local and loopback addresses, and a name that has come to point at one', async () => {
    let rebound = false;
    const names: Record<string, () => string> = {
      'hooks.partner.test': () => '127.0.0.1',
      'rebind.partner.test': () => (rebound ? '10.0.0.1' : '93.184.215.14'),
    };
    const lookup: HostLookup = async (host) => {
      const address = names[host]?.();
      if (!address) throw new Error(`ENOTFOUND ${host}`);
      return [{ address, family: 4 }];
    };
    const strictConfig: AppConfig = { ...config, webhookAllowInsecure: false };
    // Registered when the name was public: the guard took it then.
    const rebindUrl = 'https://rebind.partner.test/hook';
    expect(
      await checkWebhookUrl(rebindUrl, { allowInsecure: false, allowedHosts: [], lookup }),
    ).toMatchObject({ ok: true, addresses: [{ address: '93.184.215.14' }] });
    rebound = true;

    const guarded = new LoopbackOnlySender({ lookup });
    const strict = new WebhookDispatcher(ds, strictConfig, guarded);
    const urls = {
      private: 'https://10.0.0.1/hook',
      metadata: 'https://169.254.169.254/latest/meta-data/',
      loopbackName: `https://hooks.partner.test:${receiver.port}/named`,
      insecure: receiver.url('/insecure'),
      rebound: rebindUrl,
    };
    for (const url of Object.values(urls)) await endpoint(url);
    const before = receiver.received.length;
    const id = await emit();
    expect(await strict.runOnce(new Date())).toEqual({ succeeded: 0, failed: 5 });

    const rows: { url: string; status: string; last_error: string }[] = await ds.query(
      `SELECT e.url, d.status, d.last_error FROM webhook_deliveries d
       JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.event_id = $1`,
      [id],
    );
    const errorOf = (url: string) => rows.find((r) => r.url === url)!.last_error;
    expect(errorOf(urls.private)).toBe('10.0.0.1 is not a public address (private)');
    expect(errorOf(urls.metadata)).toBe('169.254.169.254 is not a public address (linkLocal)');
    expect(errorOf(urls.loopbackName)).toBe(
      'The host hooks.partner.test resolves to 127.0.0.1, which is not a public address (loopback)',
    );
    expect(errorOf(urls.insecure)).toBe('The URL must start with https://');
    expect(errorOf(urls.rebound)).toBe(
      'The host rebind.partner.test resolves to 10.0.0.1, which is not a public address (private)',
    );
    expect(rows.every((r) => r.status === 'RETRYING')).toBe(true);
    // The guard refused each before any connection: nothing reached the sender or the receiver.
    expect(guarded.stopped).toEqual([]);
    expect(receiver.received.length).toBe(before);
  });

  it('connects to the address that was checked, not to what the name resolves to later', async () => {
    // A name that no resolver knows: only the pinned address can be reached.
    const answer = await new WebhookSender().send({
      url: new URL(receiver.url('/pinned', 'hooks.partner.invalid')),
      addresses: [{ address: '127.0.0.1', family: 4 }],
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer).toEqual({ status: 200 });
    expect(receiver.on('/pinned')[0].headers.host).toBe(`hooks.partner.invalid:${receiver.port}`);
  });
});

describe('two dispatchers at once', () => {
  it('deliver each delivery once', async () => {
    await endpoint(receiver.url('/busy'));
    for (let i = 0; i < 4; i++)
      await ds.transaction((em) =>
        ctx.get(OutboxService).emitMany(
          em,
          'lease.created',
          Array.from({ length: 10 }, (_, k) => ({ leaseId: `l${i}-${k}` })),
        ),
      );
    const events = (await ds.query(`SELECT id FROM webhook_events`)).map(
      (e: { id: string }) => e.id,
    );
    expect(events).toHaveLength(40);

    // On a server, the second dispatcher has a database connection pool of its own, as a second
    // worker process would; the embedded database has one session, which both share.
    const second = process.env.TEST_DATABASE_URL ? await openDelivery(db.env, sender) : ctx;
    try {
      const a = new WebhookDispatcher(ds, config, sender, { batchSize: 5 });
      const b = new WebhookDispatcher(second.get(DataSource), config, sender, { batchSize: 5 });
      const now = new Date();
      const runs = await Promise.all([a.runOnce(now), b.runOnce(now), a.runOnce(now)]);
      expect(runs.reduce((n, r) => n + r.succeeded, 0)).toBe(40);
      expect(runs.every((r) => r.failed === 0)).toBe(true);
    } finally {
      if (second !== ctx) await second.close();
    }
    const ids = receiver.on('/busy').map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(40);
    expect(new Set(ids)).toEqual(new Set(events));
    expect(
      await ds.query(
        `SELECT status, attempts, count(*)::int AS n FROM webhook_deliveries GROUP BY status, attempts`,
      ),
    ).toEqual([{ status: 'SUCCEEDED', attempts: 1, n: 40 }]);
  });
});

// ---------------------------------------------------------------- a worker killed mid-delivery

const ROOT = resolve('.');

/**
 * A worker of its own in a child process: node with a loader that compiles the TypeScript
 * sources as the tests do (swc), the dispatcher's context, and one run at CHILD_NOW. Its sender
 * waits ten minutes for an answer, so it is still waiting when it is killed.
 */
function childFiles(dir: string): { register: string; child: string } {
  const swc = {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  };
  const hooks = `
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
const ROOT = ${JSON.stringify(ROOT)};
const { transformSync } = createRequire(ROOT + '/package.json')('@swc/core');
const SWC = ${JSON.stringify(swc)};
export async function resolve(specifier, context, next) {
  const lib = /^@jcv\\/([^/]+)$/.exec(specifier);
  if (lib) return { url: pathToFileURL(ROOT + '/libs/' + lib[1] + '/src/index.ts').href, shortCircuit: true };
  if (/^\\.{1,2}\\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
  }
  // The child's own imports are resolved as from the project, where its packages are.
  if (context.parentURL?.startsWith(${JSON.stringify(pathToFileURL(dir).href)}))
    return next(specifier, { ...context, parentURL: pathToFileURL(ROOT + '/package.json').href });
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...SWC, filename });
  return { format: 'module', source: code, shortCircuit: true };
}`;
  const src = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
  const child = `
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfig } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import { WebhookDispatcher } from ${src('libs/notifications/src/delivery/webhook-dispatcher.ts')};
import { WebhookSender } from ${src('libs/notifications/src/delivery/webhook-sender.ts')};
class ChildWorker {}
Module({
  imports: [ConfigModule.forRoot(loadConfig(process.env)), DatabaseModule],
  providers: [
    WebhookDispatcher,
    { provide: WebhookSender, useValue: new WebhookSender({ timeoutMs: 600000 }) },
  ],
})(ChildWorker);
const app = await NestFactory.createApplicationContext(ChildWorker, { logger: false });
process.stdout.write('ready\\n');
const result = await app.get(WebhookDispatcher).runOnce(new Date(process.env.CHILD_NOW));
process.stdout.write('finished ' + JSON.stringify(result) + '\\n');
await app.close();`;
  const files = {
    register: join(dir, 'register.mjs'),
    child: join(dir, 'child.mjs'),
  };
  writeFileSync(join(dir, 'hooks.mjs'), hooks);
  writeFileSync(
    files.register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`,
  );
  writeFileSync(files.child, child);
  return files;
}

describe('a worker killed with kill -9 in the middle of a delivery', () => {
  it('loses nothing: once its lease has run out, the next run delivers it with the same webhook-id', async () => {
    // The embedded database is on disk here, so that a second process can open it after the
    // first (one process at a time holds its files); on a server both share the schema.
    const disk = await freshDatabase({ onDisk: true });
    const dir = mkdtempSync(join(tmpdir(), 'jcv-webhook-child-'));
    const env = {
      ...disk.env,
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      WEBHOOK_ALLOW_INSECURE: 'true',
    };
    let child: ChildProcess | undefined;
    let worker: INestApplicationContext | undefined;
    try {
      // The event is committed, its delivery due; then the process that wrote it goes.
      worker = await openDelivery(disk.env, sender);
      const wds = worker.get(DataSource);
      await wds.query(`INSERT INTO webhook_endpoints (url, secret) VALUES ($1, $2)`, [
        receiver.url('/crash'),
        SECRET,
      ]);
      const ref = `crash-${++seq}`;
      await wds.transaction((em) =>
        worker!.get(OutboxService).emit(em, 'report.reviewed', { reportId: ref }),
      );
      const [{ id }] = await wds.query(`SELECT id FROM webhook_events`);
      await worker.close();
      worker = undefined;

      // The receiver holds the first attempt without answering; the child is killed meanwhile.
      receiver.answer('/crash', (n) => (n === 1 ? 'hang' : 200));
      const claimedAt = new Date();
      const files = childFiles(dir);
      child = spawn(
        process.execPath,
        ['--import', pathToFileURL(files.register).href, files.child],
        {
          env: { ...process.env, ...env, CHILD_NOW: claimedAt.toISOString() },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout!.on('data', (c) => (output += c));
      child.stderr!.on('data', (c) => (output += c));
      const exited = once(child, 'exit');
      await Promise.race([
        receiver.arrival('/crash'),
        exited.then(() => {
          throw new Error(`the child worker ended before delivering:\n${output}`);
        }),
      ]);
      expect(receiver.on('/crash')[0].headers['webhook-id']).toBe(id);
      child.kill('SIGKILL');
      const [code, signal] = await exited;
      expect([code, signal]).toEqual([null, 'SIGKILL']);
      expect(output).not.toMatch(/finished/);

      // A new worker: the delivery is claimed, its attempt counted, its lease still running.
      worker = await openDelivery(disk.env, sender);
      const next = worker.get(WebhookDispatcher);
      const claimed = await delivery(id, worker.get(DataSource));
      expect(claimed).toMatchObject({ status: 'PENDING', attempts: 1 });
      expect(claimed.locked_until).toEqual(new Date(claimedAt.getTime() + WEBHOOK_LEASE_MS));
      expect(await next.runOnce(new Date(claimedAt.getTime() + WEBHOOK_LEASE_MS - 1))).toEqual({
        succeeded: 0,
        failed: 0,
      });
      expect(receiver.on('/crash')).toHaveLength(1);

      // Past the lease: delivered, with the webhook-id of the attempt that was cut off.
      const after = new Date(claimed.locked_until!.getTime() + SECOND);
      expect(await next.runOnce(after)).toEqual({ succeeded: 1, failed: 0 });
      const [cut, redone] = receiver.on('/crash');
      expect(redone.headers['webhook-id']).toBe(id);
      expect(redone.body).toBe(cut.body);
      expect(hmacVerifies(SECRET, redone.headers, redone.body)).toBe(true);
      expect(new Webhook(SECRET).verify(cut.body, cut.headers as Record<string, string>)).toEqual(
        JSON.parse(cut.body),
      );
      expect(await delivery(id, worker.get(DataSource))).toMatchObject({
        status: 'SUCCEEDED',
        attempts: 2,
        last_response_status: 200,
      });
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await worker?.close();
      await disk.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
