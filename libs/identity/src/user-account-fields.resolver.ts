import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, ForbiddenError } from '@jcv/shared';
import { Locale } from './locale.js';
import { User } from './user.entity.js';
import { mayReadAccount } from './user-visibility.js';

/** `User.active` and `User.locale`: for the user itself and for ADMIN. */
@Resolver(() => User)
export class UserAccountFieldsResolver {
  @ResolveField(() => Boolean, {
    description:
      'False once an ADMIN deactivates the account: it cannot sign in, and its tokens stop working.',
  })
  active(@Parent() user: User, @Context() ctx: { req: { user?: Actor } }): boolean {
    if (!mayReadAccount(ctx.req.user, user))
      throw new ForbiddenError('Only the user itself and ADMIN see this');
    return user.active;
  }

  @ResolveField(() => Locale, {
    description: "The user's preferred language of the console and of notifications.",
  })
  locale(@Parent() user: User, @Context() ctx: { req: { user?: Actor } }): Locale {
    if (!mayReadAccount(ctx.req.user, user))
      throw new ForbiddenError('Only the user itself and ADMIN see this');
    return user.locale;
  }
}
