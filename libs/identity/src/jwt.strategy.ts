import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import type { Actor } from '@jcv/shared';
import type { AccessClaims } from './auth.service.js';

/**
 * Verifies Bearer access tokens: HS256 only (an `alg: none` or RS/HS-confused token is refused),
 * signature, expiry, issuer and audience.
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

  validate(claims: AccessClaims): Actor {
    return {
      userId: claims.sub,
      role: claims.role,
      tenantId: claims.tid ?? null,
      serviceProviderId: claims.spid ?? null,
    };
  }
}
