import { describe, expect, it } from '@jest/globals';
import { emailLayout, type EmailLayoutInput, escapeHtml } from './email-layout.js';

const base: EmailLayoutInput = {
  title: 'Your report for 2026-03 was returned',
  body: 'Lüliang Solid Waste Co. must revise its March report.\n\nNote from the committee:\nrevenue <b>missing</b> & "exports" too',
  link: '/reports/new?period=2026-03',
  locale: 'EN',
  publicUrl: 'https://jcv.example.cn/console',
  recipient: 'firm-admin@example.cn',
};

/** The text of an HTML fragment without its tags, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the e-mail of a notification', () => {
  it('has the title as subject and heading, the body, and the absolute link', () => {
    const mail = emailLayout(base);
    expect(mail.subject).toBe('Your report for 2026-03 was returned');
    expect(mail.language).toBe('en');
    expect(mail.text.split('\n').slice(0, 3)).toEqual([
      'Your report for 2026-03 was returned',
      '',
      'Lüliang Solid Waste Co. must revise its March report.',
    ]);
    expect(mail.text).toContain('Note from the committee:\nrevenue <b>missing</b> & "exports" too');
    expect(mail.text).toContain(
      'Open in the console: https://jcv.example.cn/console/reports/new?period=2026-03',
    );
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toMatch(/<h1[^>]*>Your report for 2026-03 was returned<\/h1>/);
    expect(mail.html).toContain('href="https://jcv.example.cn/console/reports/new?period=2026-03"');
  });

  it('escapes every value of the notification in the HTML part', () => {
    const mail = emailLayout({
      ...base,
      title: 'Returned: <script>alert(1)</script>',
      link: '/reports/new?period=2026-03&x="><img src=x>',
      recipient: 'o\'brien"<x>@example.cn',
    });
    expect(mail.html).not.toMatch(/<script|<img|<b>|<x>/);
    expect(mail.html).toContain('Returned: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('revenue &lt;b&gt;missing&lt;/b&gt; &amp; &quot;exports&quot; too');
    expect(mail.html).toContain(
      'href="https://jcv.example.cn/console/reports/new?period=2026-03&amp;x=&quot;&gt;&lt;img src=x&gt;"',
    );
    expect(mail.html).toContain('o&#39;brien&quot;&lt;x&gt;@example.cn');
    // The plain text part is not HTML: it keeps the characters as they are.
    expect(mail.subject).toBe('Returned: <script>alert(1)</script>');
    expect(mail.text).toContain('revenue <b>missing</b>');
  });

  it('keeps the paragraphs and line breaks of the body', () => {
    const { html } = emailLayout(base);
    const ps = [...html.matchAll(/<p [^>]*>(.*?)<\/p>/g)].map((m) => m[1]);
    expect(ps).toContain('Lüliang Solid Waste Co. must revise its March report.');
    expect(ps).toContain(
      'Note from the committee:<br>revenue &lt;b&gt;missing&lt;/b&gt; &amp; &quot;exports&quot; too',
    );
  });

  it('says in the footer why the recipient gets it and where to change the language', () => {
    const mail = emailLayout(base);
    const footer = mail.text.slice(mail.text.indexOf('\n-- \n'));
    expect(footer).toContain(
      'because firm-admin@example.cn has an account on the Jinchuang Valley · Lüliang platform',
    );
    expect(footer).toContain(
      'change it on the Account page: https://jcv.example.cn/console/account',
    );
    expect(mail.html).toContain('href="https://jcv.example.cn/console/account"');
    expect(textOf(mail.html)).toContain('firm-admin@example.cn has an account');
  });

  it('is worded in Chinese for a ZH_CN recipient, with the same title, body and link', () => {
    const mail = emailLayout({
      ...base,
      locale: 'ZH_CN',
      title: '您的2026年3月报表已退回',
      body: '请修改后重新提交。',
    });
    expect(mail.language).toBe('zh-CN');
    expect(mail.subject).toBe('您的2026年3月报表已退回');
    expect(mail.html).toContain('<html lang="zh-CN">');
    expect(mail.text).toContain(
      '在工作台中查看：https://jcv.example.cn/console/reports/new?period=2026-03',
    );
    expect(mail.text).toContain(
      '您收到这封邮件，是因为 firm-admin@example.cn 是晋创谷·吕梁平台的账号',
    );
    expect(mail.text).toContain('“账号”页面更改：https://jcv.example.cn/console/account');
    expect(mail.text).not.toMatch(/console:|Account page|receiving/);
    expect(textOf(mail.html)).toContain('请修改后重新提交。');
    expect(textOf(mail.html)).not.toMatch(/Open in the console|receiving/);
  });

  it('leaves the link out when the notification has none', () => {
    const mail = emailLayout({ ...base, link: null });
    expect(mail.text).not.toContain('Open in the console');
    expect(mail.html).not.toContain('Open in the console');
    expect(mail.html).toContain('/console/account');
  });

  it('puts the title on one line in the subject', () => {
    expect(emailLayout({ ...base, title: ' Bill\r\nissued \n' }).subject).toBe('Bill issued');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});
