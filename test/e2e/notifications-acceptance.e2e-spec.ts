import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { RemindersService } from '@jcv/jobs';
import { DeliveryLoop } from '@jcv/notifications';
import { Role } from '@jcv/shared';
import { newCreditCode } from '../fixtures/reporting/fixtures.js';
import { startTestApp, TEST_ADMIN, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// The "done when", end to end: through the API as the committee and the firms use it, a
// returned report, a decided benefit and a due report reach the right users in the console and
// by e-mail (a real SMTP server in this process), in each user's language, exactly once; an
// endpoint registered through the API (a real HTTP receiver on 127.0.0.1) receives every event
// signed, once, and one whose first attempt fails on the retry, with the same webhook-id. The
// delivery loop is drained with the time given to it: nothing waits.

const PUBLIC_URL = 'https://jcv.example.cn';
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

/** The test's mail server: every message it accepted, parsed. */
class Inbox {
  readonly received: { to: string[]; mail: ParsedMail }[] = [];
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          simpleParser(Buffer.concat(chunks)).then(
            (mail) => {
              this.received.push({ to, mail });
              done();
            },
            (err: Error) => done(err),
          );
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((r) => r.to.includes(address)).map((r) => r.mail);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Request {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** The other system: an HTTP server on 127.0.0.1 that records each request and answers 200. */
class Receiver {
  readonly received: Request[] = [];
  /** Statuses to answer before 200 again, one per request. */
  private failures: number[] = [];
  private server!: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answered = this.failures.shift() ?? 200;
        this.received.push({
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
          answered,
        });
        res.writeHead(answered).end();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jcv-events`;
  }

  /** The next request is answered `status`, as a receiver that is down for a moment does. */
  failNext(status: number): void {
    this.failures.push(status);
  }

  ids(): string[] {
    return this.received.map((r) => String(r.headers['webhook-id']));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}

interface Person {
  id: string;
  email: string;
  token: string;
}

interface Seen {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}

interface Firm {
  id: string;
  name: string;
}

const inbox = new Inbox();
const receiver = new Receiver();
let t: TestApp;
let loop: DeliveryLoop;
let admin: Person;
let officer: Person;
let firmA: Firm;
let firmB: Firm;
let adminA: Person;
let reporterA: Person;
let adminB: Person;
/** The endpoint's secret, as createWebhookEndpoint showed it once. */
let secret: string;
let endpointId: string;

beforeAll(async () => {
  await inbox.start();
  await receiver.start();
  t = await startTestApp({
    SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
    PUBLIC_URL,
    WEBHOOK_ALLOW_INSECURE: 'true',
    // The test drains the outboxes itself, at the times it chooses.
    WORKER_IN_PROCESS: 'false',
  });
  loop = t.app.get(DeliveryLoop);
  const token = await t.adminToken();
  admin = { id: await idOf(token), email: TEST_ADMIN.email, token };
});
afterAll(async () => {
  await t?.close();
  await inbox.stop();
  await receiver.stop();
});

const tag = () => randomBytes(3).toString('hex');

async function idOf(token: string): Promise<string> {
  return (await t.ok<{ me: { id: string } }>(`{ me { id } }`, {}, token)).me.id;
}

/** A firm registered by the committee, as the register's page does it. */
async function register(name: string, enteredOn: string): Promise<Firm> {
  const { zones } = await t.ok<{ zones: { id: string }[] }>(`{ zones { id } }`, {}, admin.token);
  const { registerTenant } = await t.ok(
    `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id name } }`,
    {
      input: {
        name,
        kind: 'FIRM',
        creditCode: newCreditCode(),
        zoneId: zones[0].id,
        industryChain: 'SOLID_WASTE',
        isTechFirm: true,
        enteredOn,
      },
    },
    admin.token,
  );
  return registerTenant;
}

/** A user made by the committee, signed in. */
async function person(role: Role, tenantId?: string): Promise<Person> {
  const email = `${role.toLowerCase().replace('_', '-')}-${tag()}@mail.example`;
  const { createUser } = await t.ok(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email, displayName: role, password: TEST_PASSWORD, role, tenantId } },
    admin.token,
  );
  return { id: createUser.id, email, token: await t.login(email, TEST_PASSWORD) };
}

/** What the bell and /notifications show the user: every notification, newest first. */
async function notificationsOf(p: Person) {
  const { notifications } = await t.ok<{
    notifications: { totalCount: number; unreadCount: number; edges: { node: Seen }[] };
  }>(
    `{ notifications(first: 50) {
        totalCount unreadCount edges { node { id kind title body link readAt } }
      } }`,
    {},
    p.token,
  );
  return {
    totalCount: notifications.totalCount,
    unreadCount: notifications.unreadCount,
    seen: notifications.edges.map((e) => e.node),
  };
}

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastResponseStatus: number | null;
  nextAttemptAt: string | null;
}

/** The endpoint's deliveries as the committee's webhooks page lists them. */
async function deliveries(): Promise<Delivery[]> {
  const { webhookDeliveries } = await t.ok(
    `query($id: ID) { webhookDeliveries(endpointId: $id, first: 100) {
        edges { node { id eventId eventType status attempts lastResponseStatus nextAttemptAt } }
      } }`,
    { id: endpointId },
    admin.token,
  );
  return webhookDeliveries.edges.map((e: { node: Delivery }) => e.node);
}

/** The events the platform wrote, as stored: the id is the webhook-id, the body what is signed. */
async function storedEvents(): Promise<{ id: string; type: string; body: string }[]> {
  return t.dataSource.query(`SELECT id, type, body FROM webhook_events ORDER BY created_at, id`);
}

/** Verifies a request as the receiving system would, with the Standard Webhooks library. */
function verified(r: Request): { type: string; data: Record<string, unknown> } {
  return new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
    type: string;
    data: Record<string, unknown>;
  };
}

const NOTE = '产值与营收不符，请核对 Output does not match the revenue';
const POLICY_TITLE = '高层次人才引进补贴';

/** Every user's notifications once the changes and the reminders are done, by user. */
const expected = () => ({
  A: [
    {
      kind: 'REPORT_RETURNED',
      title: '2026年3月月度报表被退回',
      link: '/reports/new?period=2026-03',
      readAt: null,
    },
  ],
  B: [
    {
      kind: 'REPORT_DUE',
      title: 'Monthly report for February 2026 due',
      link: '/reports/new?period=2026-02',
      readAt: null,
    },
    {
      kind: 'BENEFIT_DECIDED',
      title: `Benefit approved: ${POLICY_TITLE}`,
      link: '/benefits',
      readAt: null,
    },
  ],
});

describe('notifications, e-mail and webhooks, end to end', () => {
  it('the committee registers an endpoint for every event type; its secret is shown once', async () => {
    const { createWebhookEndpoint } = await t.ok(
      `mutation($input: CreateWebhookEndpointInput!) {
         createWebhookEndpoint(input: $input) { secret endpoint { id url events active } }
       }`,
      { input: { url: receiver.url, events: [] } },
      admin.token,
    );
    secret = createWebhookEndpoint.secret;
    endpointId = createWebhookEndpoint.endpoint.id;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(createWebhookEndpoint.endpoint).toEqual({
      id: endpointId,
      url: receiver.url,
      events: [],
      active: true,
    });
    // Not readable afterwards: the endpoint has no such field.
    const later = await t.gql(`{ webhookEndpoints { id secret } }`, {}, admin.token);
    expect(later.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('registers two firms and their users: firm A in Chinese (the default), firm B’s administrator in English', async () => {
    // A entered in March, so it owed nothing for February; B entered in February.
    firmA = await register(`吕梁甲科技 ${tag()}`, '2026-03-02');
    firmB = await register(`吕梁乙科技 ${tag()}`, '2026-02-02');
    adminA = await person(Role.TENANT_ADMIN, firmA.id);
    reporterA = await person(Role.TENANT_REPORTER, firmA.id);
    adminB = await person(Role.TENANT_ADMIN, firmB.id);
    officer = await person(Role.POLICY_OFFICER);
    await t.ok(`mutation { setLocale(locale: EN) { id } }`, {}, adminB.token);

    const localeOf = async (p: Person) =>
      (await t.ok<{ me: { locale: string } }>(`{ me { locale } }`, {}, p.token)).me.locale;
    expect(await localeOf(adminA)).toBe('ZH_CN');
    expect(await localeOf(reporterA)).toBe('ZH_CN');
    expect(await localeOf(adminB)).toBe('EN');
  });

  it('firm A submits its March report and the committee returns it with a note', async () => {
    const { submitOutputReport: report } = await t.ok(
      `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { id status } }`,
      {
        input: {
          tenantId: firmA.id,
          period: '2026-03',
          outputValue: '1200000.50',
          revenue: '1000000.00',
          rdExpense: '80000.25',
          employees: 42,
          patentsFiled: 3,
          patentsGranted: 1,
        },
      },
      reporterA.token,
    );
    expect(report.status).toBe('SUBMITTED');
    const { reviewOutputReport } = await t.ok(
      `mutation($id: ID!, $note: String) {
         reviewOutputReport(id: $id, decision: RETURN, note: $note) { id status reviewNote }
       }`,
      { id: report.id, note: NOTE },
      admin.token,
    );
    expect(reviewOutputReport).toEqual({ id: report.id, status: 'RETURNED', reviewNote: NOTE });
  });

  it('firm B applies for a benefit and the policy officer approves it', async () => {
    const { createPolicy } = await t.ok(
      `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }`,
      {
        input: {
          code: `TALENT_${tag().toUpperCase()}`,
          title: POLICY_TITLE,
          kind: 'TALENT',
          basis: '《吕梁市支持科技创新若干措施》',
          budget: '1000000.00',
          validFrom: '2025-01-01',
          eligibility: {},
        },
      },
      officer.token,
    );
    const { applyForBenefit } = await t.ok(
      `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id status } }`,
      {
        input: {
          policyId: createPolicy.id,
          tenantId: firmB.id,
          requestedAmount: '50000.00',
          justification: 'Two returnee engineers joined in February',
        },
      },
      adminB.token,
    );
    expect(applyForBenefit.status).toBe('SUBMITTED');
    const { decideBenefit } = await t.ok(
      `mutation($input: DecideBenefitInput!) { decideBenefit(input: $input) { status grantedAmount } }`,
      { input: { id: applyForBenefit.id, approve: true, grantedAmount: '30000' } },
      officer.token,
    );
    expect(decideBenefit).toEqual({ status: 'APPROVED', grantedAmount: '30000.00' });
  });

  it('the reminders of 10 March 2026 remind firm B of its February report, once', async () => {
    const reminders = t.app.get(RemindersService);
    const nothing = {
      reportDue: 0,
      reportOverdue: 0,
      certificationExpiring: 0,
      billOverdue: 0,
      annualReportDue: 0,
    };
    // B's one user (its TENANT_ADMIN); A entered in March and owes nothing yet.
    expect(await reminders.run('2026-03-10')).toEqual({
      ...nothing,
      day: '2026-03-10',
      reportDue: 1,
    });
    expect(await reminders.run('2026-03-10')).toEqual({ ...nothing, day: '2026-03-10' });
  });

  it('each user sees their own notifications in the console, in their language; nobody else sees any', async () => {
    const want = expected();
    for (const p of [adminA, reporterA]) {
      const { totalCount, unreadCount, seen } = await notificationsOf(p);
      expect({ totalCount, unreadCount }).toEqual({ totalCount: 1, unreadCount: 1 });
      expect(seen).toEqual(want.A.map((n) => expect.objectContaining(n)));
      expect(seen[0].body).toContain(`${firmA.name}：您报送的2026年3月月度报表已被管委会退回。`);
      expect(seen[0].body).toContain(`退回意见：${NOTE}`);
    }

    const b = await notificationsOf(adminB);
    expect({ totalCount: b.totalCount, unreadCount: b.unreadCount }).toEqual({
      totalCount: 2,
      unreadCount: 2,
    });
    // Newest first: the reminder came after the decision.
    expect(b.seen).toEqual(want.B.map((n) => expect.objectContaining(n)));
    expect(b.seen[0].body).toContain('It is due on 15 March 2026.');
    expect(b.seen[1].body).toContain(
      `under “${POLICY_TITLE}” was approved: 30,000.00 yuan granted.`,
    );

    // The committee's users were told nothing, and neither firm heard of the other's matters.
    for (const p of [admin, officer])
      expect(await notificationsOf(p)).toMatchObject({ totalCount: 0 });
    expect(await t.count('notifications')).toBe(4);
  });

  it('one drain sends each notification as one e-mail to its reader, in the reader’s language', async () => {
    const pass = await loop.drain(new Date());
    expect(pass).toEqual({
      emails: { sent: 4, failed: 0 },
      // tenant.registered twice, report.submitted, report.reviewed, benefit.decided.
      webhooks: { succeeded: 5, failed: 0 },
    });

    expect(inbox.received).toHaveLength(4);
    expect(inbox.received.map((r) => r.to).sort()).toEqual(
      [[adminA.email], [reporterA.email], [adminB.email], [adminB.email]].sort(),
    );
    for (const [p, language, footer] of [
      [adminA, 'zh-CN', '您收到这封邮件'],
      [reporterA, 'zh-CN', '您收到这封邮件'],
      [adminB, 'en', 'You are receiving this e-mail'],
    ] as const) {
      const { seen } = await notificationsOf(p);
      const mails = inbox.to(p.email);
      // One e-mail per notification, named by it, with the console's words and link.
      expect(mails.map((m) => m.messageId).sort()).toEqual(
        seen.map((n) => `<${n.id}@jcv.platform>`).sort(),
      );
      for (const n of seen) {
        const mail = mails.find((m) => m.messageId === `<${n.id}@jcv.platform>`)!;
        expect(mail.subject).toBe(n.title);
        expect(mail.headers.get('content-language')).toBe(language);
        expect(mail.text).toContain(n.body.split('\n')[0]);
        expect(mail.text).toContain(`${PUBLIC_URL}${n.link}`);
        expect(mail.text).toContain(footer);
        expect(mail.html).toContain(`href="${PUBLIC_URL}${n.link}"`);
      }
    }
    expect(inbox.to(admin.email)).toEqual([]);
    expect(inbox.to(officer.email)).toEqual([]);
  });

  it('the same drain sent the endpoint every event, each once, signed so that its secret verifies it', async () => {
    const events = await storedEvents();
    expect(events.map((e) => e.type).sort()).toEqual([
      'benefit.decided',
      'report.reviewed',
      'report.submitted',
      'tenant.registered',
      'tenant.registered',
    ]);
    expect(receiver.received).toHaveLength(5);
    // The webhook-id is the stored event's id, none twice, and the body the stored one.
    expect(receiver.ids().sort()).toEqual(events.map((e) => e.id).sort());
    for (const r of receiver.received) {
      const event = events.find((e) => e.id === r.headers['webhook-id'])!;
      expect(r.body).toBe(event.body);
      expect(verified(r)).toEqual(JSON.parse(event.body));
      expect(r.headers['content-type']).toBe('application/json');
    }
    // A secret the receiver does not hold verifies nothing.
    const stranger = new Webhook('whsec_' + Buffer.from('not the secret').toString('base64'));
    expect(() =>
      stranger.verify(receiver.received[0].body, receiver.received[0].headers as never),
    ).toThrow();

    const data = (type: string) =>
      receiver.received
        .map(verified)
        .filter((e) => e.type === type)
        .map((e) => e.data);
    expect(
      data('tenant.registered')
        .map((d) => d.tenantId)
        .sort(),
    ).toEqual([firmA.id, firmB.id].sort());
    expect(data('report.reviewed')).toEqual([
      expect.objectContaining({
        tenantId: firmA.id,
        tenantName: firmA.name,
        period: '2026-03',
        status: 'RETURNED',
        note: NOTE,
      }),
    ]);
    expect(data('benefit.decided')).toEqual([
      expect.objectContaining({ tenantId: firmB.id, status: 'APPROVED', amount: '30000.00' }),
    ]);

    // The committee's page lists them newest first; compared here by event.
    const listed = (await deliveries()).sort((x, y) => x.eventId.localeCompare(y.eventId));
    expect(listed).toEqual(
      [...events]
        .sort((x, y) => x.id.localeCompare(y.id))
        .map((e) =>
          expect.objectContaining({
            eventId: e.id,
            eventType: e.type,
            status: 'SUCCEEDED',
            attempts: 1,
            lastResponseStatus: 200,
            nextAttemptAt: null,
          }),
        ),
    );
  });

  it('a second drain, even days later, sends no e-mail and no event again', async () => {
    expect(await loop.drain(new Date(Date.now() + 3 * DAY))).toEqual({
      emails: { sent: 0, failed: 0 },
      webhooks: { succeeded: 0, failed: 0 },
    });
    expect(inbox.received).toHaveLength(4);
    expect(receiver.received).toHaveLength(5);
  });

  it('an event whose first attempt fails is delivered on the retry, with the same webhook-id', async () => {
    const before = receiver.received.length;
    receiver.failNext(503);
    // Firm B sends the February report it was reminded of.
    await t.ok(
      `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { id } }`,
      {
        input: {
          tenantId: firmB.id,
          period: '2026-02',
          outputValue: '800000.00',
          revenue: '650000.00',
          rdExpense: '40000.00',
          employees: 12,
          patentsFiled: 1,
          patentsGranted: 0,
        },
      },
      adminB.token,
    );
    const [event] = (await storedEvents()).filter(
      (e) => !receiver.ids().includes(e.id) && e.type === 'report.submitted',
    );
    expect(event).toBeDefined();

    const t0 = new Date();
    expect(await loop.drain(t0)).toEqual({
      emails: { sent: 0, failed: 0 },
      webhooks: { succeeded: 0, failed: 1 },
    });
    const failed = (await deliveries()).find((d) => d.eventId === event.id)!;
    expect(failed).toMatchObject({ status: 'RETRYING', attempts: 1, lastResponseStatus: 503 });
    // The first retry is 5 s later, give or take 10 %.
    const retryAt = new Date(failed.nextAttemptAt!);
    expect(retryAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(4.5 * SECOND);
    expect(retryAt.getTime() - t0.getTime()).toBeLessThanOrEqual(5.5 * SECOND);

    // Not a moment early; then delivered.
    expect((await loop.drain(new Date(retryAt.getTime() - 1))).webhooks).toEqual({
      succeeded: 0,
      failed: 0,
    });
    expect(await loop.drain(retryAt)).toEqual({
      emails: { sent: 0, failed: 0 },
      webhooks: { succeeded: 1, failed: 0 },
    });

    const attempts = receiver.received.slice(before);
    expect(attempts.map((r) => [r.headers['webhook-id'], r.answered])).toEqual([
      [event.id, 503],
      [event.id, 200],
    ]);
    // Each attempt signed at its own time, both verifying; the same body both times.
    expect(attempts.map((r) => r.headers['webhook-timestamp'])).toEqual([
      String(Math.floor(t0.getTime() / 1000)),
      String(Math.floor(retryAt.getTime() / 1000)),
    ]);
    for (const r of attempts) expect(r.body).toBe(event.body);
    expect(attempts.map(verified)).toEqual([JSON.parse(event.body), JSON.parse(event.body)]);
    expect(verified(attempts[1]).data).toMatchObject({
      tenantId: firmB.id,
      period: '2026-02',
      status: 'SUBMITTED',
    });
    expect((await deliveries()).find((d) => d.eventId === event.id)).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 2,
      lastResponseStatus: 200,
      nextAttemptAt: null,
    });

    // And after that, nothing more for anyone: every event was answered 200 exactly once.
    expect(await loop.drain(new Date(retryAt.getTime() + DAY))).toEqual({
      emails: { sent: 0, failed: 0 },
      webhooks: { succeeded: 0, failed: 0 },
    });
    const delivered = receiver.received
      .filter((r) => r.answered === 200)
      .map((r) => r.headers['webhook-id']);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.sort()).toEqual((await storedEvents()).map((e) => e.id).sort());
    expect(inbox.received).toHaveLength(4);
  });
});
