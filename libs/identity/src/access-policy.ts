import {
  AUDIENCES,
  defineConnectionPolicy,
  definePolicy,
  EVERY_ROW,
  reaching,
  type Reach,
  Role,
} from '@jcv/shared';
import type { User } from './users/user.entity.js';
import { isSignedInView } from './users/user-visibility.js';

/** A user reads its own account; the answer of a sign-in is the user who signed in. */
const SELF: Reach = {
  name: 'self',
  holds: (user, actor) =>
    isSignedInView(user) || (!!actor && (user as User | null)?.id === actor.userId),
};

definePolicy('User', {
  rows: {
    ...reaching(AUDIENCES, SELF),
    [Role.ADMIN]: EVERY_ROW,
  },
  fields: [
    {
      group: 'account',
      fields: [
        'active',
        'displayName',
        'email',
        'id',
        'locale',
        'role',
        'serviceProviderId',
        'tenantId',
      ],
      readers: AUDIENCES,
    },
  ],
});
defineConnectionPolicy('User', [Role.ADMIN]);

definePolicy('AuthPayload', {
  rows: reaching(AUDIENCES, EVERY_ROW),
  fields: [
    {
      group: 'sign-in',
      fields: ['accessToken', 'expiresAt', 'refreshToken', 'user'],
      readers: AUDIENCES,
    },
  ],
});
