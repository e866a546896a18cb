import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@jcv/config';
import { DeliveryLoop } from './delivery-loop.js';
import type { EmailDispatcher } from './email-dispatcher.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';

type Emails = { sent: number; failed: number };
type Webhooks = { succeeded: number; failed: number };

/** Dispatchers that answer each run from a list (then nothing), recording the times given. */
function dispatchers(emails: (() => Promise<Emails>)[], webhooks: (() => Promise<Webhooks>)[]) {
  const calls: { emails: Date[]; webhooks: Date[] } = { emails: [], webhooks: [] };
  const email = {
    runOnce: (now: Date) => {
      calls.emails.push(now);
      return emails.shift()?.() ?? Promise.resolve({ sent: 0, failed: 0 });
    },
  } as unknown as EmailDispatcher;
  const webhook = {
    runOnce: (now: Date) => {
      calls.webhooks.push(now);
      return webhooks.shift()?.() ?? Promise.resolve({ succeeded: 0, failed: 0 });
    },
  } as unknown as WebhookDispatcher;
  return { email, webhook, calls };
}

const config = { deliveryPollMs: 1000 } as AppConfig;
const NOW = new Date('2026-03-10T01:00:00Z');

beforeAll(() => Logger.overrideLogger(false));
afterEach(() => {
  jest.useRealTimers();
});

describe('DeliveryLoop', () => {
  it('passes at once on start, then every DELIVERY_POLL_MS, with the clock it is given', async () => {
    jest.useFakeTimers();
    const d = dispatchers([], []);
    const loop = new DeliveryLoop(config, d.email, d.webhook);
    loop.start({ now: () => NOW });
    await loop.idle();
    expect(d.calls.emails).toEqual([NOW]);
    expect(d.calls.webhooks).toEqual([NOW]);
    await jest.advanceTimersByTimeAsync(999);
    expect(d.calls.emails).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    await loop.idle();
    expect(d.calls.emails).toHaveLength(2);
    expect(d.calls.webhooks).toHaveLength(2);
    await loop.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(d.calls.emails).toHaveLength(2);
    expect(loop.started).toBe(false);
  });

  it('logs a dispatcher that fails and goes on with the other and with the next pass', async () => {
    jest.useFakeTimers();
    const d = dispatchers(
      [() => Promise.reject(new Error('the database went away'))],
      [() => Promise.resolve({ succeeded: 2, failed: 1 })],
    );
    const loop = new DeliveryLoop(config, d.email, d.webhook);
    expect(await loop.runOnce(NOW)).toEqual({
      emails: { sent: 0, failed: 0 },
      webhooks: { succeeded: 2, failed: 1 },
    });
    const failing = dispatchers(
      [() => Promise.reject(new Error('down')), () => Promise.reject(new Error('still down'))],
      [],
    );
    const again = new DeliveryLoop(config, failing.email, failing.webhook);
    again.start({ now: () => NOW });
    await again.idle();
    await jest.advanceTimersByTimeAsync(1000);
    await again.idle();
    await jest.advanceTimersByTimeAsync(1000);
    await again.idle();
    expect(failing.calls.emails).toHaveLength(3);
    await again.stop();
  });

  it('stops only once the pass in progress has finished', async () => {
    let finish!: (r: Emails) => void;
    const d = dispatchers([() => new Promise<Emails>((resolve) => (finish = resolve))], []);
    const loop = new DeliveryLoop(config, d.email, d.webhook);
    loop.start({ now: () => NOW });
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish({ sent: 1, failed: 0 });
    await stopping;
    expect(stopped).toBe(true);
    // Stopped: no further pass was armed.
    expect(d.calls.emails).toHaveLength(1);
  });

  it('drains: passes at one time until one finds nothing due', async () => {
    const d = dispatchers(
      [
        () => Promise.resolve({ sent: 5, failed: 0 }),
        () => Promise.resolve({ sent: 1, failed: 1 }),
      ],
      [() => Promise.resolve({ succeeded: 3, failed: 0 })],
    );
    const loop = new DeliveryLoop(config, d.email, d.webhook);
    expect(await loop.drain(NOW)).toEqual({
      emails: { sent: 6, failed: 1 },
      webhooks: { succeeded: 3, failed: 0 },
    });
    expect(d.calls.emails).toEqual([NOW, NOW, NOW]);
    expect(loop.started).toBe(false);
  });
});
