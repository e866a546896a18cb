import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { AuthService } from './auth.service.js';
import { IdentityResolver } from './identity.resolver.js';
import { JwtStrategy } from './jwt.strategy.js';
import { User } from './user.entity.js';
import { UserAccountFieldsResolver } from './user-account-fields.resolver.js';
import { UsersService } from './users.service.js';
// Declares the accounts' constraints to the error mapping.
import './identity.constraints.js';

@Module({
  imports: [PassportModule, JwtModule.register({}), TypeOrmModule.forFeature([User])],
  providers: [
    AuthService,
    UsersService,
    AccountsService,
    JwtStrategy,
    IdentityResolver,
    AccountsResolver,
    UserAccountFieldsResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, AuthService],
})
export class IdentityModule {}
