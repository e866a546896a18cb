import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, ALL_ROLES, CurrentUser, Public, Role, Roles } from '@jcv/shared';
import { AuthService } from './auth.service.js';
import { UsersService } from '../users/users.service.js';
import { User } from '../users/user.entity.js';
import { AuthPayload } from './auth-payload.type.js';
import { LoginInput } from './login.input.js';
import { CreateUserInput } from '../users/create-user.input.js';
import { LogoutArgs } from '../accounts/account.args.js';

@Resolver(() => User)
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload)
  login(@Args('input') input: LoginInput) {
    return this.auth.login(input.email, input.password);
  }

  @Public()
  @Mutation(() => AuthPayload)
  refreshToken(@Args('refreshToken') refreshToken: string) {
    return this.auth.refresh(refreshToken);
  }

  // The refresh token is the proof: signing out works with an expired access token too.
  @Public()
  @Mutation(() => Boolean, { description: "Revokes the refresh token's whole sign-in." })
  logout(@Args() args: LogoutArgs) {
    return this.auth.logout(args.refreshToken);
  }

  @Roles(...ALL_ROLES)
  @Query(() => User)
  me(@CurrentUser() actor: Actor) {
    return this.users.findById(actor.userId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User)
  createUser(@CurrentUser() actor: Actor, @Args('input') input: CreateUserInput) {
    return this.users.create(actor, input);
  }
}
