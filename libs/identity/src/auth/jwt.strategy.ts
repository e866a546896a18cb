import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
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

/**
 * Verifies Bearer access tokens: HS256 only (an `alg: none` or RS/HS-confused token is refused),
 * signature, expiry (which must be there), issuer and audience. It reads nothing from the
 * database: passport keeps one strategy per name for the whole process, so the account check
 * lives in AccessGuard, which belongs to its app.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: given a string, jsonwebtoken first tries to read it as a
      // PEM public key on every verification, which cost more than the rest of the check.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      ignoreExpiration: false,
    });
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
