import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, ALL_ROLES, ConnectionType, CurrentUser, Role, Roles } from '@jcv/shared';
import { AccountsService } from './accounts.service.js';
import { User } from '../users/user.entity.js';
import { CurrentSignIn, type SignedInActor } from '../auth/signed-in-actor.js';
import { UsersArgs } from './users.args.js';
import {
  ChangePasswordArgs,
  ResetUserPasswordArgs,
  SetLocaleArgs,
  SetUserActiveArgs,
} from './account.args.js';

const UserConnection = ConnectionType(User, 'User');

@Resolver(() => User)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Roles(Role.ADMIN)
  @Query(() => UserConnection, { description: 'ADMIN.' })
  users(@Args() args: UsersArgs) {
    return this.accounts.list(args.filter ?? undefined, args.first, args.after);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'ADMIN.' })
  setUserActive(@CurrentUser() actor: Actor, @Args() args: SetUserActiveArgs) {
    return this.accounts.setActive(actor, args.id, args.active);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description: 'ADMIN: a new password for another user; every sign-in of that user is revoked.',
  })
  resetUserPassword(@CurrentUser() actor: Actor, @Args() args: ResetUserPasswordArgs) {
    return this.accounts.resetPassword(actor, args.id, args.newPassword);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean, {
    description: 'Any signed-in user, for itself; every other sign-in of the user is revoked.',
  })
  changePassword(@CurrentSignIn() actor: SignedInActor, @Args() args: ChangePasswordArgs) {
    return this.accounts.changePassword(actor, args.currentPassword, args.newPassword);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => User, { description: 'Any signed-in user, for itself.' })
  setLocale(@CurrentUser() actor: Actor, @Args() args: SetLocaleArgs) {
    return this.accounts.setLocale(actor, args.locale);
  }
}
