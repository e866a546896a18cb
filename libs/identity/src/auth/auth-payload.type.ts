import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../users/user.entity.js';

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field({
    description: 'Single use: refreshToken gives a new one; a spent one revokes its family.',
  })
  refreshToken: string;

  @Field(() => Date, { description: 'When the access token expires.' })
  expiresAt: Date;

  @Field(() => User)
  user: User;
}
