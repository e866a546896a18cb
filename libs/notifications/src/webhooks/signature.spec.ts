import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import {
  generateWebhookSecret,
  signWebhook,
  webhookHeaders,
  webhookSecretKey,
} from './signature.js';

describe('Standard Webhooks signatures', () => {
  it('matches the example of the Standard Webhooks specification', () => {
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('makes headers that a Standard Webhooks library verifies with the secret', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({
      type: 'report.submitted',
      timestamp: '2026-03-01T08:00:00.000Z',
      data: { reportId: 'r1', tenantName: '吕梁云数科技' },
    });
    const headers = webhookHeaders(secret, 'msg_0000000000abcdefghjkmnpqrs', new Date(), body);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['webhook-id']).toBe('msg_0000000000abcdefghjkmnpqrs');
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    // Another secret, or a body changed by one character, does not verify.
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body.replace('r1', 'r2'), headers)).toThrow();
  });

  it('signs the attempt’s own time, in whole seconds', () => {
    const secret = generateWebhookSecret();
    const at = new Date('2026-03-01T08:00:05.999Z');
    const headers = webhookHeaders(secret, 'msg_x', at, '{}');
    expect(headers['webhook-timestamp']).toBe(String(Date.UTC(2026, 2, 1, 8, 0, 5) / 1000));
    expect(headers['webhook-signature']).toBe(
      signWebhook(secret, 'msg_x', Number(headers['webhook-timestamp']), '{}'),
    );
    expect(webhookHeaders(secret, 'msg_x', new Date(at.getTime() + 1000), '{}')).not.toEqual(
      headers,
    );
  });

  it('makes secrets of 32 random bytes and refuses what is not one', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(a)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
    expect(() => webhookSecretKey('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toThrow(/whsec_/);
    expect(() => webhookSecretKey('whsec_')).toThrow(/key/);
  });
});
