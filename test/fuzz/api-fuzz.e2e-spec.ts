import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { currentRequestId } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fuzzCases, type Tokens } from './cases.js';
import { seedFixtures } from './fixtures.js';
import { closeAgent, send } from './http.js';
import { harvest, outcomeOf, problemsOf, reachedResolvers } from './oracle.js';
import { type Failure, failureReport } from './report.js';
import { emptyPools } from './values.js';

// Schema-driven fuzzing of the running API: every answer, whatever was sent, is under HTTP 500,
// carries no INTERNAL_SERVER_ERROR, and shows no stack, path, SQL or library message.
// FUZZ_SEED, FUZZ_COUNT and FUZZ_SECONDS vary a run; the seed is printed, and the same seed
// sends the same cases.

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number`);
  return n;
}

const SEED = envNumber('FUZZ_SEED', 20260301);
const COUNT = envNumber('FUZZ_COUNT', 2000);
const SECONDS = envNumber('FUZZ_SECONDS', 90);

/** Keeps what the server logs as an error, by request id, to name each failure's cause. */
class ErrorLog implements LoggerService {
  readonly byRequest = new Map<string, string[]>();
  error(message: unknown) {
    const id = currentRequestId();
    if (id) this.byRequest.set(id, [...(this.byRequest.get(id) ?? []), String(message)]);
  }
  log() {}
  warn() {}
  debug() {}
  verbose() {}
}

let t: TestApp;
let port: number;
let tokens: Tokens;
const pools = emptyPools();
const errorLog = new ErrorLog();

beforeAll(async () => {
  // Production, as clients meet it: development answers carry stack traces by design.
  t = await startTestApp({
    NODE_ENV: 'production',
    JWT_SECRET: 'fuzz-secret-fuzz-secret-fuzz-secret-0123456789',
  });
  tokens = await seedFixtures(t, pools);
  t.app.useLogger(errorLog);
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  closeAgent();
  await t?.close();
});

describe('the API under schema-driven fuzzing', () => {
  it('answers every generated request without a server error or a leak, and stays healthy', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const started = Date.now();
    const failures: Failure[] = [];
    const byLabel = new Map<string, Map<string, number>>();
    let tried = 0;
    let reached = 0;

    for (const c of fuzzCases(schema, pools, tokens, SEED, COUNT)) {
      if (Date.now() - started > SECONDS * 1000) break;
      const answer = await send(port, c);
      tried++;
      if (reachedResolvers(answer)) reached++;
      harvest(answer, pools);
      const outcomes = byLabel.get(c.label) ?? new Map<string, number>();
      const outcome = outcomeOf(answer);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      byLabel.set(c.label, outcomes);
      const problems = problemsOf(answer);
      if (problems.length) {
        const serverLog = errorLog.byRequest.get(`fuzz-${c.index}`) ?? [];
        failures.push({ case: c, answer, problems, serverLog });
      }
    }

    const health = await send(port, {
      index: -1,
      label: 'health',
      role: 'ANONYMOUS',
      method: 'GET',
      path: '/health',
      headers: {},
    });
    if (health.status !== 200) {
      failures.push({
        case: {
          index: -1,
          label: 'health',
          role: 'ANONYMOUS',
          method: 'GET',
          path: '/health',
          headers: {},
        },
        answer: health,
        problems: [`/health answered ${health.status || health.error}`],
        serverLog: [],
      });
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [...byLabel.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, outcomes]) => {
        const total = [...outcomes.values()].reduce((s, n) => s + n, 0);
        const parts = [...outcomes.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([o, n]) => `${o} ${n}`);
        return `${label} ${total}: ${parts.join(', ')}`;
      });
    console.log(
      `fuzz: seed ${SEED}, ${tried} of ${COUNT} requests in ${seconds} s, ${reached} reached the ` +
        `resolvers, ${failures.length} failed\n${lines.join('\n')}`,
    );

    expect(tried).toBeGreaterThan(0);
    if (failures.length) throw new Error(failureReport(failures, SEED));
  }, 180_000);
});
