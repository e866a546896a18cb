import type { NotificationLocale } from '../notification-kinds.js';

/** What the layout is given: a notification already worded in the recipient's locale. */
export interface EmailLayoutInput {
  title: string;
  /** The notification's text; blank lines separate paragraphs. */
  body: string;
  /** A console path such as /reports/new?period=2026-03, or null. */
  link: string | null;
  locale: NotificationLocale;
  /** AppConfig.publicUrl: the console's address without a trailing slash. */
  publicUrl: string;
  /** The address the e-mail goes to, named in the footer. */
  recipient: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  /** The message's Content-Language and the HTML's lang. */
  language: string;
}

interface Words {
  language: string;
  platform: string;
  open: string;
  why: (recipient: string) => string;
  changeLanguage: string;
  colon: string;
  account: string;
  automatic: string;
}

const WORDS: Record<NotificationLocale, Words> = {
  ZH_CN: {
    language: 'zh-CN',
    platform: '晋创谷·吕梁',
    open: '在工作台中查看',
    why: (recipient) =>
      `您收到这封邮件，是因为 ${recipient} 是晋创谷·吕梁平台的账号：平台的通知除在工作台中显示外，也会发到这个邮箱。`,
    changeLanguage: '邮件的语言跟随账号的语言设置，可在工作台的“账号”页面更改',
    colon: '：',
    account: '账号设置',
    automatic: '此邮件由平台自动发送，请勿直接回复。',
  },
  EN: {
    language: 'en',
    platform: 'Jinchuang Valley · Lüliang',
    open: 'Open in the console',
    why: (recipient) =>
      `You are receiving this e-mail because ${recipient} has an account on the Jinchuang Valley · Lüliang platform, which sends its notifications to this address as well as showing them in the console.`,
    changeLanguage:
      "These e-mails are in your account's language; you can change it on the Account page",
    colon: ': ',
    account: 'Account settings',
    automatic: 'This message was sent automatically; replies to it are not read.',
  },
};

/** Text made safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Paragraphs of a body: blank lines separate them; a single line break stays a line break. */
function paragraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The e-mail of one notification, in the recipient's locale: the title as the subject and the
 * heading, the body, the absolute link into the console, and a footer that says why the
 * recipient gets it and where the language is changed. Every value that comes from the
 * notification is escaped in the HTML part; the plain text part carries it as it is.
 */
export function emailLayout(input: EmailLayoutInput): EmailContent {
  const w = WORDS[input.locale];
  const url = input.link ? `${input.publicUrl}${input.link}` : null;
  const accountUrl = `${input.publicUrl}/account`;
  const subject = input.title.replace(/\s+/g, ' ').trim();
  const body = paragraphs(input.body);

  const text = [
    subject,
    '',
    body.join('\n\n'),
    ...(url ? ['', `${w.open}${w.colon}${url}`] : []),
    '',
    '-- ',
    w.why(input.recipient),
    `${w.changeLanguage}${w.colon}${accountUrl}`,
    w.automatic,
    '',
  ].join('\n');

  const e = escapeHtml;
  const muted = 'color:#6b7280;font-size:12px;line-height:1.6;margin:0 0 8px';
  const paragraphsHtml = body
    .map(
      (p) =>
        `<p style="font-size:15px;line-height:1.7;margin:0 0 12px">${e(p).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  const button =
    'display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;' +
    'padding:10px 18px;border-radius:6px;font-size:15px';
  // The address is written out under the button too, for mail readers that show no links.
  const linkHtml = url
    ? `<p style="margin:20px 0 0"><a href="${e(url)}" style="${button}">${e(w.open)}</a></p>\n` +
      `<p style="${muted};margin-top:12px;word-break:break-all">${e(url)}</p>\n`
    : '';
  const html = `<!DOCTYPE html>
<html lang="${w.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f5f6f8;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Segoe UI',sans-serif;color:#1f2937">
<div style="max-width:600px;margin:0 auto;padding:24px 16px">
<p style="color:#1d4ed8;font-size:14px;font-weight:600;margin:0 0 16px">${e(w.platform)}</p>
<div style="background:#ffffff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;line-height:1.4;margin:0 0 16px">${e(subject)}</h1>
${paragraphsHtml}
${linkHtml}</div>
<div style="padding:16px 8px 0">
<p style="${muted}">${e(w.why(input.recipient))}</p>
<p style="${muted}">${e(w.changeLanguage)}${e(w.colon)}<a href="${e(accountUrl)}" style="color:#6b7280">${e(w.account)}</a></p>
<p style="${muted}">${e(w.automatic)}</p>
</div>
</div>
</body>
</html>
`;
  return { subject, text, html, language: w.language };
}
