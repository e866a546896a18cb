import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError, type SMTPServerSession } from 'smtp-server';
import {
  EmailDispatcher,
  Mailer,
  NotificationKind,
  type NotificationDraft,
  type NotificationLocale,
  NotificationsDeliveryModule,
  OutboxModule,
  OutboxService,
  renderNotification,
} from '@jcv/notifications';
import { Role } from '@jcv/shared';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Notifications as e-mail, through a real SMTP server in this process (smtp-server on a loopback
// port, with a login): each notification's e-mail arrives once, in the recipient's language of
// the moment, with a plain text and an HTML part; a refusal is retried on the backoff's schedule
// (the time is given to the dispatcher, nothing waits); two dispatchers share the work without
// sending anything twice; a change rolled back sends nothing.

interface Received {
  mail: ParsedMail;
  raw: string;
  to: string[];
  user: unknown;
}

/** The test's mail server: what it accepted, and a rule for what it refuses. */
class Inbox {
  readonly received: Received[] = [];
  /** Recipients refused with 451 at RCPT TO. */
  refuseRecipient: (address: string) => boolean = () => false;
  /** Messages refused with 451 after their data was sent. */
  refuseData: (to: string[]) => boolean = () => false;
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      allowInsecureAuth: true,
      onAuth: (auth, _session, done) => {
        if (auth.username === 'mailer' && auth.password === 'p@ss w0rd')
          done(null, { user: 'mailer' });
        else done(new Error('Invalid username or password'));
      },
      onRcptTo: (address, _session, done) => {
        if (this.refuseRecipient(address.address)) done(tempFailure('mailbox busy, try later'));
        else done();
      },
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = recipients(session);
          if (this.refuseData(to)) return done(tempFailure('queue full, try later'));
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then(
            (mail) => {
              this.received.push({ mail, raw, to, user: session.user });
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

  clear(): void {
    this.received.length = 0;
    this.refuseRecipient = () => false;
    this.refuseData = () => false;
  }

  to(address: string): Received[] {
    return this.received.filter((r) => r.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function tempFailure(message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode: 451 });
}

const recipients = (session: SMTPServerSession) => session.envelope.rcptTo.map((r) => r.address);

/** The dispatcher as the worker boots it, with the outbox beside it. */
@Module({ imports: [OutboxModule, NotificationsDeliveryModule] })
class EmailDeliveryTestModule {}

const PUBLIC_URL = 'https://jcv.example.cn';
const inbox = new Inbox();
let t: TestApp;
let admin: string;
let outbox: OutboxService;
let dispatcher: EmailDispatcher;

beforeAll(async () => {
  await inbox.start();
  t = await startTestApp(
    {
      SMTP_URL: `smtp://mailer:${encodeURIComponent('p@ss w0rd')}@127.0.0.1:${inbox.port}`,
      PUBLIC_URL,
    },
    { extraModules: [EmailDeliveryTestModule] },
  );
  admin = await t.adminToken();
  dispatcher = t.app.get(EmailDispatcher);
  outbox = t.app.get(OutboxService);
});
afterAll(async () => {
  await t?.close();
  await inbox.stop();
});
beforeEach(() => inbox.clear());

const tag = () => randomBytes(4).toString('hex');
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const MINUTE = 60_000;
/** The waits after failed attempts 1 to 9 (the 10th is the last): 1 min, 5 min, 30 min, 2 h, 6 h, then 12 h. */
const BACKOFF = [1, 5, 30, 120, 360, 720, 720, 720, 720].map((m) => m * MINUTE);

interface Firm {
  id: string;
  name: string;
}

async function firm(): Promise<Firm> {
  const { zones } = await t.ok(`{ zones { id } }`, {}, admin);
  const name = `吕梁固废科技 ${tag()}`;
  const creditCode = withCheckChar(
    '91141100' + [...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % 31]).join(''),
  );
  const { registerTenant } = await t.ok(
    `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
    {
      input: {
        name,
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
  return { id: registerTenant.id, name };
}

interface User {
  id: string;
  email: string;
  token: string;
}

/** A user of the firm, signed in, in the given language. */
async function user(firmId: string, role: Role, locale: NotificationLocale): Promise<User> {
  const email = `${role.toLowerCase()}-${tag()}@mail.example`;
  const { createUser } = await t.ok(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email, displayName: role, password: TEST_PASSWORD, role, tenantId: firmId } },
    admin,
  );
  const token = await t.login(email, TEST_PASSWORD);
  const u = { id: createUser.id as string, email, token };
  await setLocale(u, locale);
  return u;
}

function setLocale(u: User, locale: NotificationLocale) {
  return t.ok(`mutation($l: Locale!) { setLocale(locale: $l) { id } }`, { l: locale }, u.token);
}

const NOTE = 'Revenue <b>missing</b> & "exports" not split';

function returned(f: Firm, roles: Role[] = [Role.TENANT_ADMIN]): NotificationDraft {
  return {
    kind: NotificationKind.REPORT_RETURNED,
    matter: randomUUID(),
    to: { tenantId: f.id, tenantRoles: roles },
    params: { tenantName: f.name, period: '2026-03', note: NOTE },
    link: '/reports/new?period=2026-03',
  };
}

/** Writes the drafts in a committed transaction, as a service does with its change. */
async function notify(...drafts: NotificationDraft[]): Promise<number> {
  return t.dataSource.transaction((em) => outbox.notifyMany(em, drafts));
}

interface EmailRow {
  notification_id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
}

async function emailsOf(u: User): Promise<EmailRow[]> {
  return t.dataSource.query(
    `SELECT m.* FROM notification_emails m JOIN notifications n ON n.id = m.notification_id
     WHERE n.user_id = $1 ORDER BY n.created_at, n.id`,
    [u.id],
  );
}

describe('a notification as e-mail', () => {
  it('is delivered once, with its Message-ID, and never again after the server accepted it', async () => {
    const f = await firm();
    const u = await user(f.id, Role.TENANT_ADMIN, 'EN');
    expect(await notify(returned(f))).toBe(1);
    const [row] = await emailsOf(u);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 0, sent_at: null });

    const now = new Date();
    expect(await dispatcher.runOnce(now)).toEqual({ sent: 1, failed: 0 });
    expect(await dispatcher.runOnce(now)).toEqual({ sent: 0, failed: 0 });
    // Long after every retry would have been due: nothing goes out again.
    expect(await dispatcher.runOnce(later(now, 7 * 24 * 60 * MINUTE))).toEqual({
      sent: 0,
      failed: 0,
    });

    const got = inbox.to(u.email);
    expect(got).toHaveLength(1);
    expect(inbox.received).toHaveLength(1);
    expect(got[0].mail.messageId).toBe(`<${row.notification_id}@jcv.platform>`);
    expect(got[0].mail.from?.value).toEqual([
      { name: '晋创谷·吕梁', address: 'no-reply@jcv.example' },
    ]);
    // The login of SMTP_URL was used.
    expect(got[0].user).toBe('mailer');
    expect(await emailsOf(u)).toEqual([
      expect.objectContaining({ status: 'SENT', attempts: 1, last_error: null, sent_at: now }),
    ]);
  });

  it('has a plain text and an HTML part, with the absolute link and the values escaped', async () => {
    const f = await firm();
    const u = await user(f.id, Role.TENANT_ADMIN, 'EN');
    await notify(returned(f));
    expect(await dispatcher.runOnce(new Date())).toEqual({ sent: 1, failed: 0 });

    const [{ mail, raw }] = inbox.to(u.email);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/im);
    const { title, body } = renderNotification(
      NotificationKind.REPORT_RETURNED,
      { tenantName: f.name, period: '2026-03', note: NOTE },
      'EN',
    );
    expect(mail.subject).toBe(title);
    const link = `${PUBLIC_URL}/reports/new?period=2026-03`;
    expect(mail.text).toContain(link);
    expect(mail.text).toContain(`${PUBLIC_URL}/account`);
    expect(mail.text).toContain(`because ${u.email} has an account`);
    expect(mail.text).toContain(body.split('\n')[0]);

    const html = mail.html as string;
    expect(html).toContain(`href="${link}"`);
    expect(html).toContain(`<html lang="en">`);
    expect(html).not.toContain('<b>missing</b>');
    expect(body).toContain(NOTE);
    expect(html).toContain('Revenue &lt;b&gt;missing&lt;/b&gt; &amp; &quot;exports&quot;');
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it("is in each recipient's language: one in Chinese, one in English", async () => {
    const f = await firm();
    const zh = await user(f.id, Role.TENANT_ADMIN, 'ZH_CN');
    const en = await user(f.id, Role.TENANT_REPORTER, 'EN');
    const draft = returned(f, [Role.TENANT_ADMIN, Role.TENANT_REPORTER]);
    expect(await notify(draft)).toBe(2);
    expect(await dispatcher.runOnce(new Date())).toEqual({ sent: 2, failed: 0 });

    const [zhMail] = inbox.to(zh.email).map((r) => r.mail);
    const [enMail] = inbox.to(en.email).map((r) => r.mail);
    const params = draft.params as { tenantName: string; period: string; note: string };
    const zhWords = renderNotification(NotificationKind.REPORT_RETURNED, params, 'ZH_CN');
    const enWords = renderNotification(NotificationKind.REPORT_RETURNED, params, 'EN');
    expect(zhWords.title).not.toBe(enWords.title);

    expect(zhMail.subject).toBe(zhWords.title);
    expect(zhMail.headers.get('content-language')).toBe('zh-CN');
    expect(zhMail.text).toContain('您收到这封邮件');
    expect(zhMail.html).toContain('<html lang="zh-CN">');
    expect(zhMail.text).not.toContain('You are receiving');

    expect(enMail.subject).toBe(enWords.title);
    expect(enMail.headers.get('content-language')).toBe('en');
    expect(enMail.text).toContain('You are receiving this e-mail');
    expect(enMail.text).not.toContain('您收到这封邮件');
  });

  it('is in the language the user has when it is sent, not when it was made', async () => {
    const f = await firm();
    const u = await user(f.id, Role.TENANT_ADMIN, 'ZH_CN');
    await notify(returned(f));
    await setLocale(u, 'EN');
    expect(await dispatcher.runOnce(new Date())).toEqual({ sent: 1, failed: 0 });
    const [{ mail }] = inbox.to(u.email);
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.text).toContain('You are receiving this e-mail');
  });

  it('is not sent to a user deactivated since', async () => {
    const f = await firm();
    const u = await user(f.id, Role.TENANT_ADMIN, 'EN');
    await notify(returned(f));
    await t.ok(
      `mutation($id: ID!) { setUserActive(id: $id, active: false) { id } }`,
      { id: u.id },
      admin,
    );
    expect(await dispatcher.runOnce(new Date())).toEqual({ sent: 0, failed: 1 });
    expect(inbox.received).toEqual([]);
    expect(await emailsOf(u)).toEqual([
      expect.objectContaining({ status: 'FAILED', attempts: 1, sent_at: null }),
    ]);
  });
});

describe('a server that refuses', () => {
  it('gets the message on the retry at the backoff time, once', async () => {
    const f = await firm();
    const u = await user(f.id, Role.TENANT_ADMIN, 'EN');
    await notify(returned(f));
    // The first attempt is refused after its data: the server has not taken it.
    let refused = 0;
    inbox.refuseData = (to) => to.includes(u.email) && refused++ === 0;

    const now = new Date();
    expect(await dispatcher.runOnce(now)).toEqual({ sent: 0, failed: 1 });
    expect(inbox.received).toEqual([]);
    const [row] = await emailsOf(u);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, sent_at: null });
    expect(row.last_error).toContain('451');
    expect(row.next_attempt_at).toEqual(later(now, MINUTE));

    expect(await dispatcher.runOnce(later(now, MINUTE - 1))).toEqual({ sent: 0, failed: 0 });
    expect(await dispatcher.runOnce(later(now, MINUTE))).toEqual({ sent: 1, failed: 0 });
    expect(await dispatcher.runOnce(later(now, 10 * MINUTE))).toEqual({ sent: 0, failed: 0 });

    expect(inbox.to(u.email)).toHaveLength(1);
    expect(inbox.to(u.email)[0].mail.messageId).toBe(`<${row.notification_id}@jcv.platform>`);
    expect(await emailsOf(u)).toEqual([
      expect.objectContaining({ status: 'SENT', attempts: 2, last_error: null }),
    ]);
  });

  it('is tried on the whole schedule, and after the 10th refusal the e-mail is FAILED', async () => {
    const f = await firm();
    const u = await user(f.id, Role.TENANT_ADMIN, 'EN');
    await notify(returned(f));
    inbox.refuseRecipient = (address) => address === u.email;

    let at = new Date();
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await dispatcher.runOnce(at)).toEqual({ sent: 0, failed: 1 });
      const [row] = await emailsOf(u);
      expect(row.attempts).toBe(attempt);
      if (attempt === 10) break;
      const delay = BACKOFF[attempt - 1];
      expect(row.status).toBe('PENDING');
      expect(row.next_attempt_at).toEqual(later(at, delay));
      expect(await dispatcher.runOnce(later(at, delay - 1))).toEqual({ sent: 0, failed: 0 });
      at = later(at, delay);
    }
    const [row] = await emailsOf(u);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 10, sent_at: null });
    expect(row.last_error).toContain('451');

    // A FAILED e-mail is not tried again, even once the server would take it.
    inbox.refuseRecipient = () => false;
    expect(await dispatcher.runOnce(later(at, 30 * 24 * 60 * MINUTE))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(inbox.received).toEqual([]);
  });

  it('does not hold up the e-mails to other recipients', async () => {
    const f = await firm();
    const refused = await user(f.id, Role.TENANT_ADMIN, 'EN');
    const taken = await user(f.id, Role.TENANT_REPORTER, 'ZH_CN');
    inbox.refuseRecipient = (address) => address === refused.email;
    await notify(returned(f, [Role.TENANT_ADMIN, Role.TENANT_REPORTER]));
    const now = new Date();
    expect(await dispatcher.runOnce(now)).toEqual({ sent: 1, failed: 1 });
    expect(inbox.to(taken.email)).toHaveLength(1);
    inbox.refuseRecipient = () => false;
    expect(await dispatcher.runOnce(later(now, MINUTE))).toEqual({ sent: 1, failed: 0 });
    expect(inbox.to(refused.email)).toHaveLength(1);
    expect(inbox.received).toHaveLength(2);
  });
});

describe('senders side by side', () => {
  it('two dispatchers at once send each message once', async () => {
    const f = await firm();
    const a = await user(f.id, Role.TENANT_ADMIN, 'EN');
    const b = await user(f.id, Role.TENANT_REPORTER, 'ZH_CN');
    const drafts = Array.from({ length: 9 }, () =>
      returned(f, [Role.TENANT_ADMIN, Role.TENANT_REPORTER]),
    );
    expect(await notify(...drafts)).toBe(18);

    // Each with its own connection to the mail server, taking two e-mails at a time.
    const one = new EmailDispatcher(t.dataSource, t.config, new Mailer(t.config), { batchSize: 2 });
    const two = new EmailDispatcher(t.dataSource, t.config, new Mailer(t.config), { batchSize: 2 });
    const now = new Date();
    const [r1, r2] = await Promise.all([one.runOnce(now), two.runOnce(now)]);
    expect(r1.failed + r2.failed).toBe(0);
    expect(r1.sent + r2.sent).toBe(18);
    // Both took part.
    expect(r1.sent).toBeGreaterThan(0);
    expect(r2.sent).toBeGreaterThan(0);
    expect(await dispatcher.runOnce(later(now, 3 * MINUTE))).toEqual({ sent: 0, failed: 0 });

    const ids = inbox.received.map((r) => r.mail.messageId);
    expect(ids).toHaveLength(18);
    expect(new Set(ids).size).toBe(18);
    expect(inbox.to(a.email)).toHaveLength(9);
    expect(inbox.to(b.email)).toHaveLength(9);
    const rows = [...(await emailsOf(a)), ...(await emailsOf(b))];
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });

  it('an e-mail claimed by a sender that died goes out once its lease has run out', async () => {
    const f = await firm();
    const u = await user(f.id, Role.TENANT_ADMIN, 'EN');
    await notify(returned(f));
    const now = new Date();
    // What a claim leaves when its process is killed before it could send or mark.
    await t.dataSource.query(
      `UPDATE notification_emails m SET attempts = attempts + 1, locked_until = $2
       FROM notifications n WHERE n.id = m.notification_id AND n.user_id = $1`,
      [u.id, later(now, 2 * MINUTE)],
    );
    expect(await dispatcher.runOnce(later(now, 2 * MINUTE - 1))).toEqual({ sent: 0, failed: 0 });
    expect(inbox.received).toEqual([]);
    expect(await dispatcher.runOnce(later(now, 2 * MINUTE))).toEqual({ sent: 1, failed: 0 });
    expect(inbox.to(u.email)).toHaveLength(1);
    expect(await emailsOf(u)).toEqual([expect.objectContaining({ status: 'SENT', attempts: 2 })]);
  });
});

describe('a change rolled back', () => {
  it('makes no notification and no e-mail', async () => {
    const f = await firm();
    const u = await user(f.id, Role.TENANT_ADMIN, 'EN');
    const before = [await t.count('notifications'), await t.count('notification_emails')];
    await expect(
      t.dataSource.transaction(async (em) => {
        expect(await outbox.notify(em, returned(f))).toBe(1);
        throw new Error('the change failed after notifying');
      }),
    ).rejects.toThrow('the change failed after notifying');
    expect([await t.count('notifications'), await t.count('notification_emails')]).toEqual(before);
    expect(await dispatcher.runOnce(new Date())).toEqual({ sent: 0, failed: 0 });
    expect(inbox.to(u.email)).toEqual([]);
    expect(await emailsOf(u)).toEqual([]);
  });
});
