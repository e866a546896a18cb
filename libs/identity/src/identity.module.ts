import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './auth/access.guard.js';
import { AccountsResolver } from './accounts/accounts.resolver.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AuthService } from './auth/auth.service.js';
import { IdentityResolver } from './auth/identity.resolver.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { User } from './users/user.entity.js';
import { UserAccountFieldsResolver } from './users/user-account-fields.resolver.js';
import { UsersService } from './users/users.service.js';
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
