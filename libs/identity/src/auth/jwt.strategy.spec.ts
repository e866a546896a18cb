import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@jcv/config';
import { UnauthenticatedError } from '@jcv/shared';
import { JwtStrategy } from './jwt.strategy.js';

const SECRET = 'spec-secret-spec-secret-spec-secret-0123456789';
const config = {
  jwtSecret: SECRET,
  jwtIssuer: 'jcv-platform',
  jwtAudience: 'jcv-api',
} as AppConfig;
const jwt = new JwtService({});
const strategy = new JwtStrategy(config, jwt);

const sign = (
  claims: object,
  opts: { expiresIn?: number; secret?: string; issuer?: string } = {},
) =>
  jwt.sign(
    { sub: randomUUID(), sid: randomUUID(), ...claims },
    {
      secret: opts.secret ?? SECRET,
      algorithm: 'HS256',
      issuer: opts.issuer ?? 'jcv-platform',
      audience: 'jcv-api',
      expiresIn: opts.expiresIn ?? 900,
    },
  );
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

afterEach(() => {
  jest.useRealTimers();
});

describe("the access token's check", () => {
  it('says who signed in, the first time and every time after', () => {
    const sub = randomUUID();
    const sid = randomUUID();
    const token = sign({ sub, sid });
    expect(strategy.check(bearer(token))).toEqual({ token: { userId: sub, signInId: sid } });
    expect(strategy.check(bearer(token))).toEqual({ token: { userId: sub, signInId: sid } });
  });

  it('refuses a token once it has expired, also one it verified before', () => {
    jest.useFakeTimers({ now: Date.now() });
    const token = sign({}, { expiresIn: 60 });
    expect('token' in strategy.check(bearer(token))).toBe(true);
    jest.setSystemTime(Date.now() + 61_000);
    const check = strategy.check(bearer(token));
    expect('refusal' in check && (check.refusal as Error).name).toBe('TokenExpiredError');
  });

  it('refuses a missing token, another key, another issuer and bad claims as passport would', () => {
    const none = strategy.check({ headers: {} });
    expect('refusal' in none && (none.refusal as Error).name).toBe('Error');
    for (const token of [sign({}, { secret: `${SECRET}x` }), sign({}, { issuer: 'elsewhere' })]) {
      const check = strategy.check(bearer(token));
      expect('refusal' in check && (check.refusal as Error).name).toBe('JsonWebTokenError');
    }
    const bad = strategy.check(bearer(sign({ sub: 'not-a-uuid' })));
    expect('error' in bad && bad.error).toBeInstanceOf(UnauthenticatedError);
  });
});
