import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { EmailDispatcher } from './email-dispatcher.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** What one pass over both outboxes did. */
export interface DeliveryPass {
  emails: { sent: number; failed: number };
  webhooks: { succeeded: number; failed: number };
}

export interface DeliveryLoopOptions {
  /** The clock; tests set it. */
  now?: () => Date;
  /**
   * Whether the timer keeps the process alive: yes for the worker, no inside the API, whose
   * server does that, so that a closed app lets the process end.
   */
  keepAlive?: boolean;
}

/** Passes of one drain at most: each pass empties what is due, so a second one finds little. */
const MAX_DRAIN_PASSES = 100;

const nothing = (): DeliveryPass => ({
  emails: { sent: 0, failed: 0 },
  webhooks: { succeeded: 0, failed: 0 },
});

const attempts = (p: DeliveryPass) =>
  p.emails.sent + p.emails.failed + p.webhooks.succeeded + p.webhooks.failed;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Sends the e-mail and webhook outboxes: a pass every DELIVERY_POLL_MS, in the worker (and in
 * the API when WORKER_IN_PROCESS is on). The next pass is timed from the end of the last, so
 * passes never overlap in one process; two processes share the work through the dispatchers'
 * claims. A pass that fails is logged and the loop goes on: a database that is away for a
 * moment, or a receiver that misbehaves, never stops the deliveries for good.
 */
@Injectable()
export class DeliveryLoop implements OnModuleDestroy {
  private readonly log = new Logger('Delivery');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private active = false;
  /** Counts the starts, so that a pass of a loop stopped and started again arms no timer. */
  private generation = 0;
  private now: () => Date = () => new Date();
  private keepAlive = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly email: EmailDispatcher,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  /** Starts the passes, the first at once; a loop already running is left as it is. */
  start(options: DeliveryLoopOptions = {}): void {
    if (this.active) return;
    this.active = true;
    this.generation++;
    this.now = options.now ?? (() => new Date());
    this.keepAlive = options.keepAlive ?? false;
    this.log.log(`e-mail and webhook deliveries every ${this.config.deliveryPollMs} ms`);
    this.tick();
  }

  /** Whether the loop runs. */
  get started(): boolean {
    return this.active;
  }

  /** Stops the passes; resolves once a pass in progress has finished. */
  async stop(): Promise<void> {
    this.active = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** Resolves when no pass is in progress. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /**
   * One pass: everything due at `now` of both outboxes, side by side (a slow webhook receiver
   * does not hold the e-mails back). Never rejects: what fails is logged.
   */
  async runOnce(now: Date = this.now()): Promise<DeliveryPass> {
    const pass = nothing();
    const [emails, webhooks] = await Promise.allSettled([
      this.email.runOnce(now),
      this.webhooks.runOnce(now),
    ]);
    if (emails.status === 'fulfilled') pass.emails = emails.value;
    else this.log.error(`e-mail delivery failed: ${messageOf(emails.reason)}`);
    if (webhooks.status === 'fulfilled') pass.webhooks = webhooks.value;
    else this.log.error(`webhook delivery failed: ${messageOf(webhooks.reason)}`);
    return pass;
  }

  /**
   * Passes at `now` until one finds nothing due (`npm run worker -- --once`): an attempt that
   * fails is scheduled after `now`, so the drain ends, and the retry waits for a later run.
   */
  async drain(now: Date = this.now()): Promise<DeliveryPass> {
    const total = nothing();
    for (let i = 0; i < MAX_DRAIN_PASSES; i++) {
      const pass = await this.runOnce(now);
      total.emails.sent += pass.emails.sent;
      total.emails.failed += pass.emails.failed;
      total.webhooks.succeeded += pass.webhooks.succeeded;
      total.webhooks.failed += pass.webhooks.failed;
      if (!attempts(pass)) break;
    }
    return total;
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.active) return;
    const generation = this.generation;
    const run = this.runOnce(this.now())
      .then((pass) => {
        if (attempts(pass)) this.log.log(describeDeliveryPass(pass));
      })
      // runOnce logs its own failures; this is the last guard of the timer's chain.
      .catch((err) => this.log.error(`delivery pass failed: ${messageOf(err)}`))
      .finally(() => {
        if (this.running === run) this.running = undefined;
        this.arm(generation);
      });
    this.running = run;
  }

  private arm(generation: number): void {
    if (!this.active || generation !== this.generation) return;
    this.timer = setTimeout(() => this.tick(), this.config.deliveryPollMs);
    if (!this.keepAlive) this.timer.unref();
  }
}

/** What a pass or a drain did, for the log. */
export function describeDeliveryPass(p: DeliveryPass): string {
  return (
    `e-mails: ${p.emails.sent} sent, ${p.emails.failed} failed; ` +
    `webhooks: ${p.webhooks.succeeded} delivered, ${p.webhooks.failed} failed`
  );
}
