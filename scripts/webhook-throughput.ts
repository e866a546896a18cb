// npm run bench:webhooks -- [--events 5000] [--endpoints 1] [--batch 50] [--lanes 2]
//                           [--changes 100] [--poll 1000,50]
// How fast the worker delivers webhooks to a receiver on this machine (node:http on 127.0.0.1,
// answering 200 at once), and how long a committed change takes to reach it:
// - throughput: --events events (one delivery per event and endpoint) are written through the
//   outbox, then one run of the dispatcher sends them all; deliveries per second over that run;
// - delay: a delivery loop runs the dispatcher every --poll milliseconds, as the worker does with
//   DELIVERY_POLL_MS, while --changes changes are committed one by one at random moments; the
//   delay of each is from the end of its transaction's commit to the receiver reading the request.
// With DATABASE_URL the work is done in a schema of its own on that server, dropped at the end;
// without it, on an embedded database in memory.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@jcv/config';
import { DatabaseModule } from '@jcv/database';
import {
  OutboxModule,
  OutboxService,
  WEBHOOK_DISPATCH_OPTIONS,
  WebhookDispatcher,
  WebhookSender,
} from '@jcv/notifications';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    endpoints: { type: 'string', default: '1' },
    batch: { type: 'string', default: '50' },
    lanes: { type: 'string', default: '2' },
    changes: { type: 'string', default: '100' },
    poll: { type: 'string', default: '1000,50' },
  },
});
const EVENTS = Number(args.events);
const ENDPOINTS = Number(args.endpoints);
const BATCH = Number(args.batch);
const LANES = Number(args.lanes);
const CHANGES = Number(args.changes);
const POLLS = args.poll.split(',').map(Number);
const numbers: [string, number][] = [
  ['events', EVENTS],
  ['endpoints', ENDPOINTS],
  ['batch', BATCH],
  ['lanes', LANES],
  ['changes', CHANGES],
  ...POLLS.map((p): [string, number] => ['poll', p]),
];
for (const [name, n] of numbers)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number from 1`);

/** The receiver: answers 200 at once, and reports its arrivals to the parent every 20 ms. */
const RECEIVER = `
import { createServer } from 'node:http';
let pending = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    pending.push([JSON.parse(Buffer.concat(chunks).toString()).data.billId, at]);
    res.writeHead(200).end();
  });
});
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
setInterval(() => {
  if (pending.length) process.send(pending);
  pending = [];
}, 20);
process.on('disconnect', () => process.exit(0));
`;

/** Wall-clock milliseconds, as the receiver reads them. */
const wallNow = () => performance.timeOrigin + performance.now();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  // The receiver, in a process of its own as another system would be: every request's arrival
  // (wall-clock milliseconds, comparable across processes), by the bill of its event.
  const receiver = spawn(process.execPath, ['--input-type=module', '-e', RECEIVER], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const arrivals = new Map<string, number>();
  let requests = 0;
  const [port] = (await once(receiver, 'message')) as [number];
  receiver.on('message', (batch: [string, number][]) => {
    for (const [bill, at] of batch) arrivals.set(bill, at);
    requests += batch.length;
  });

  const url = process.env.DATABASE_URL;
  const schema = url
    ? `webhook_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
    : undefined;
  if (url && schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
  }
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: 'memory://',
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema,
    WEBHOOK_ALLOW_INSECURE: 'true',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
  });

  @Module({
    imports: [ConfigModule.forRoot(config), DatabaseModule, OutboxModule],
    providers: [
      WebhookDispatcher,
      WebhookSender,
      { provide: WEBHOOK_DISPATCH_OPTIONS, useValue: { batchSize: BATCH, lanes: LANES } },
    ],
  })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  const ds = app.get(DataSource);
  const outbox = app.get(OutboxService);
  const dispatcher = app.get(WebhookDispatcher);
  try {
    for (let i = 0; i < ENDPOINTS; i++)
      await ds.query(`INSERT INTO webhook_endpoints (url, secret) VALUES ($1, $2)`, [
        `http://127.0.0.1:${port}/hook/${i}`,
        'whsec_' + randomBytes(32).toString('base64'),
      ]);
    const where = url ? 'PostgreSQL server' : 'embedded PostgreSQL (PGlite)';
    console.log(`webhook delivery on ${where}, receiver node:http on 127.0.0.1:${port}`);

    // Throughput: a backlog, drained by one run.
    for (let done = 0; done < EVENTS; done += 1000) {
      const n = Math.min(1000, EVENTS - done);
      await ds.transaction((em) =>
        outbox.emitMany(
          em,
          'bill.issued',
          Array.from({ length: n }, (_, k) => ({ billId: `bench-${done + k}`, total: '3200.00' })),
        ),
      );
    }
    const deliveries = EVENTS * ENDPOINTS;
    const started = performance.now();
    const result = await dispatcher.runOnce(new Date());
    const seconds = (performance.now() - started) / 1000;
    for (let waited = 0; requests < deliveries && waited < 5000; waited += 20) await sleep(20);
    if (result.succeeded !== deliveries || requests !== deliveries)
      throw new Error(
        `expected ${deliveries} deliveries, got ${JSON.stringify(result)}, ${requests} requests`,
      );
    console.log(
      `throughput: ${deliveries} deliveries (${EVENTS} events × ${ENDPOINTS} endpoint(s), batch ${BATCH}, ${LANES} lane(s)) ` +
        `in ${seconds.toFixed(2)} s = ${Math.round(deliveries / seconds)} deliveries/s`,
    );

    // Delay from commit to receiver, under a delivery loop polling every `poll` ms.
    for (const poll of POLLS) {
      arrivals.clear();
      let running = true;
      const loop = (async () => {
        while (running) {
          await dispatcher.runOnce(new Date());
          await sleep(poll);
        }
      })();
      const committed = new Map<string, number>();
      for (let i = 0; i < CHANGES; i++) {
        await sleep(Math.random() * Math.min(poll, 200));
        const ref = `change-${poll}-${i}`;
        await ds.transaction((em) => outbox.emit(em, 'bill.paid', { billId: ref }));
        committed.set(ref, wallNow());
      }
      const deadline = performance.now() + 60_000;
      while ([...committed.keys()].some((id) => !arrivals.has(id)) && performance.now() < deadline)
        await sleep(20);
      running = false;
      await loop;
      const delays = [...committed]
        .filter(([id]) => arrivals.has(id))
        .map(([id, at]) => arrivals.get(id)! - at)
        .sort((a, b) => a - b);
      if (delays.length < committed.size)
        throw new Error(`${committed.size - delays.length} changes never arrived`);
      const ms = (x: number) => `${Math.round(x)} ms`;
      console.log(
        `commit → receiver, delivery loop every ${poll} ms, ${CHANGES} changes × ${ENDPOINTS} endpoint(s): ` +
          `p50 ${ms(quantile(delays, 0.5))}, p95 ${ms(quantile(delays, 0.95))}, ` +
          `max ${ms(delays[delays.length - 1])}`,
      );
    }
  } finally {
    await app.close();
    receiver.kill();
    if (url && schema) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
