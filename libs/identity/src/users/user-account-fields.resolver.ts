import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Locale } from './locale.enum.js';
import { User } from './user.entity.js';

/** `User.active` and `User.locale`; a user is read by itself and by ADMIN (access-policy.ts). */
@Resolver(() => User)
export class UserAccountFieldsResolver {
  @ResolveField(() => Boolean, {
    description:
      'False once an ADMIN deactivates the account: it cannot sign in, and its tokens stop working.',
  })
  active(@Parent() user: User): boolean {
    return user.active;
  }

  @ResolveField(() => Locale, {
    description: "The user's preferred language of the console and of notifications.",
  })
  locale(@Parent() user: User): Locale {
    return user.locale;
  }
}
