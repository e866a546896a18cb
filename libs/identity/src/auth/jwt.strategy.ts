import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, type JwtVerifyOptions } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { isUuid, UnauthenticatedError } from '@jcv/shared';
import type { AccessClaims } from './auth.service.js';

/** What a verified access token says: who signed in, and which sign-in. */
export interface VerifiedToken {
  userId: string;
  signInId: string;
}

/** What verifying a request's Bearer token gave: who, or why not (as passport reports it). */
export type TokenCheck = { token: VerifiedToken } | { error: unknown } | { refusal: Error };

/** Verified tokens kept at most; past it the memory of them starts again. */
const VERIFIED_TOKENS = 10_000;

const extractBearer = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * Verifies Bearer access tokens: HS256 only (an `alg: none` or RS/HS-confused token is refused),
 * signature, expiry (which must be there), issuer and audience. It reads nothing from the
 * database: passport keeps one strategy per name for the whole process, so the account check
 * lives in AccessGuard, which belongs to its app.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly verifyOptions: JwtVerifyOptions;
  /** Tokens verified already, each with what it says (see check). */
  private readonly verified = new Map<string, VerifiedToken & { exp: number }>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly jwt: JwtService,
  ) {
    // A key object, not the string: given a string, jsonwebtoken first tries to read it as a
    // PEM public key on every verification, which cost more than the rest of the check.
    const key = createSecretKey(Buffer.from(config.jwtSecret));
    const checks = {
      algorithms: ['HS256' as const],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      ignoreExpiration: false,
    };
    super({
      jwtFromRequest: extractBearer,
      secretOrKey: key as unknown as string,
      ...checks,
    });
    this.verifyOptions = { ...checks, secret: key as unknown as string };
  }

  /**
   * The access guard's check of a request's token: passport's (the same extraction, the same
   * jsonwebtoken verification, then validate), without passport's machinery around it. A token
   * verified once is remembered with what it says: for one key and one set of checks the
   * signature, issuer and audience verify the same every time, and only the clock moves, so the
   * expiry is checked again on every use.
   */
  check(request: { headers: Record<string, unknown> }): TokenCheck {
    const raw = extractBearer(request as never);
    if (!raw) return { refusal: new Error('No auth token') };
    const known = this.verified.get(raw);
    if (known) {
      if (Math.floor(Date.now() / 1000) < known.exp) {
        return { token: { userId: known.userId, signInId: known.signInId } };
      }
      this.verified.delete(raw);
    }
    let claims: Parameters<JwtStrategy['validate']>[0];
    try {
      claims = this.jwt.verify(raw, { ...this.verifyOptions });
    } catch (refusal) {
      return { refusal: refusal as Error };
    }
    let token: VerifiedToken;
    try {
      token = this.validate(claims);
    } catch (error) {
      return { error };
    }
    if (this.verified.size >= VERIFIED_TOKENS) this.verified.clear();
    this.verified.set(raw, { ...token, exp: claims.exp as number });
    return { token };
  }

  validate(claims: Partial<AccessClaims> & { exp?: unknown; iat?: unknown }): VerifiedToken {
    // jsonwebtoken checks `exp` only when it is there: a token without one would never expire.
    if (
      typeof claims.exp !== 'number' ||
      typeof claims.iat !== 'number' ||
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string' ||
      !isUuid(claims.sub) ||
      !isUuid(claims.sid)
    ) {
      throw new UnauthenticatedError('Access token is not valid');
    }
    return { userId: claims.sub, signInId: claims.sid };
  }
}
