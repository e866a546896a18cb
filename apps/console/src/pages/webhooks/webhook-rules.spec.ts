import { describe, expect, it } from '@jest/globals';
import {
  canRedeliver,
  endpointInputOf,
  eventTypeKey,
  isDeliveryStatus,
  localizeWebhookProblem,
  urlProblem,
  WEBHOOK_EVENT_TYPES,
} from './webhook-rules';

describe('the event types', () => {
  it('are the twelve of the platform, each once', () => {
    expect(WEBHOOK_EVENT_TYPES).toHaveLength(12);
    expect(new Set(WEBHOOK_EVENT_TYPES).size).toBe(12);
  });

  it('have their words under webhooks.eventTypes, and an unknown type has none', () => {
    expect(eventTypeKey('service_request.updated')).toBe(
      'webhooks.eventTypes.service_request.updated',
    );
    expect(eventTypeKey('report.deleted')).toBeNull();
  });
});

describe('urlProblem', () => {
  it('asks for a URL when none is typed', () => {
    expect(urlProblem(undefined)).toBe('required');
    expect(urlProblem('   ')).toBe('required');
  });

  it('refuses what is not an http or https address', () => {
    expect(urlProblem('stats.example.cn/hooks')).toBe('invalid');
    expect(urlProblem('ftp://stats.example.cn/hooks')).toBe('invalid');
    expect(urlProblem('javascript:alert(1)')).toBe('invalid');
  });

  it('leaves the rest to the API (an http loopback address may be allowed there)', () => {
    expect(urlProblem('https://stats.example.cn/hooks/jcv')).toBeNull();
    expect(urlProblem(' http://127.0.0.1:4000/hook ')).toBeNull();
  });
});

describe('endpointInputOf', () => {
  it('trims the URL and lists the chosen types in the form’s order', () => {
    expect(
      endpointInputOf({
        url: ' https://stats.example.cn/hooks ',
        events: ['bill.paid', 'report.submitted'],
      }),
    ).toEqual({ url: 'https://stats.example.cn/hooks', events: ['report.submitted', 'bill.paid'] });
  });

  it('sends no type when none is chosen: every type', () => {
    expect(endpointInputOf({ url: 'https://a.example' })).toEqual({
      url: 'https://a.example',
      events: [],
    });
  });
});

describe('deliveries', () => {
  it('may be sent again only when FAILED', () => {
    expect(canRedeliver('FAILED')).toBe(true);
    for (const s of ['PENDING', 'RETRYING', 'SUCCEEDED']) expect(canRedeliver(s)).toBe(false);
  });

  it('know the API’s statuses only', () => {
    expect(isDeliveryStatus('RETRYING')).toBe(true);
    expect(isDeliveryStatus('LOST')).toBe(false);
    expect(isDeliveryStatus(null)).toBe(false);
  });
});

describe('localizeWebhookProblem', () => {
  it('drops the field’s name, and keeps the API’s English in English', () => {
    expect(localizeWebhookProblem('url must use https', 'en', 'url')).toBe('must use https');
  });

  it('says the API’s refusals of a URL in Chinese', () => {
    expect(localizeWebhookProblem('The URL must start with https://', 'zh-CN', 'url')).toBe(
      '网址须以 https:// 开头',
    );
    expect(
      localizeWebhookProblem('10.0.0.1 is not a public address (private)', 'zh-CN', 'url'),
    ).toBe('10.0.0.1 不是公网地址：不能向内部或私有网络推送');
    expect(
      localizeWebhookProblem(
        'The host hooks.internal resolves to 192.168.1.4, which is not a public address (private)',
        'zh-CN',
      ),
    ).toBe('主机 hooks.internal 解析为 192.168.1.4，不是公网地址：不能向内部或私有网络推送');
    expect(
      localizeWebhookProblem(
        '"report.deleted" is not an event type; the types are report.submitted, bill.paid',
        'zh-CN',
      ),
    ).toBe('未知的事件类型："report.deleted"');
  });

  it('shows an unknown message as the API wrote it', () => {
    expect(localizeWebhookProblem('something else entirely', 'zh-CN', 'url')).toBe(
      'something else entirely',
    );
  });
});
