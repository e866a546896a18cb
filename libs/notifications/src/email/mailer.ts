import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@jcv/config';

/** One e-mail as the platform sends it: to one user, with a plain text and an HTML part. */
export interface OutgoingEmail {
  /** The Message-ID, angle brackets included: the same on every attempt of one notification. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Content-Language of the message, e.g. zh-CN. */
  language: string;
}

/**
 * The longest one message may take, from connecting to the server's answer. It is well inside
 * the dispatcher's two-minute lease, so a slow server cannot make a second sender take the same
 * e-mail while the first is still talking to it.
 */
export const SEND_TIMEOUT_MS = 60_000;

/**
 * A transport for SMTP_URL (smtp:// or smtps://, credentials in the URL). Options in the URL's
 * query, such as `?tls.rejectUnauthorized=false` for a relay with its own certificate, are
 * nodemailer's and win over these defaults. With smtp://, STARTTLS is used whenever the server
 * offers it.
 */
export function mailTransport(smtpUrl: string): Transporter<SMTPSentMessageInfo> {
  return createTransport({
    url: smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 30_000,
  });
}

/**
 * Sends the platform's e-mails through the server of AppConfig.smtpUrl, from AppConfig.mailFrom.
 * The transport is made on the first message, so a process without SMTP_URL never opens one.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transport?: Transporter<SMTPSentMessageInfo>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether e-mail is configured at all. */
  get enabled(): boolean {
    return !!this.config.smtpUrl;
  }

  /**
   * Hands a message to the server. Resolves once the server has accepted it (its answer to the
   * message's data); rejects when the server refuses it, cannot be reached, or takes longer than
   * SEND_TIMEOUT_MS.
   */
  async send(email: OutgoingEmail): Promise<{ response: string }> {
    if (!this.config.smtpUrl) throw new Error('SMTP_URL is not set');
    this.transport ??= mailTransport(this.config.smtpUrl);
    const info = await this.transport.sendMail({
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: {
        'Content-Language': email.language,
        // RFC 3834: a message of the platform itself, so that out-of-office replies stay away.
        'Auto-Submitted': 'auto-generated',
      },
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    return { response: info.response };
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
