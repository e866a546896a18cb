import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { Locale } from '../users/locale.enum.js';
import { IsNewPassword } from './new-password.js';

@ArgsType()
export class SetUserActiveArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => Boolean)
  @IsBoolean({ message: 'active must be true or false' })
  active: boolean;
}

@ArgsType()
export class ResetUserPasswordArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => String)
  @IsNewPassword('newPassword')
  newPassword: string;
}

@ArgsType()
export class ChangePasswordArgs {
  // Not held to today's length rules: a password set under older ones must still be accepted.
  @Field(() => String)
  @IsString({ message: 'currentPassword must be text' })
  @MaxLength(1024, { message: 'currentPassword must be at most 1024 characters' })
  currentPassword: string;

  @Field(() => String)
  @IsNewPassword('newPassword')
  newPassword: string;
}

@ArgsType()
export class SetLocaleArgs {
  @Field(() => Locale)
  @IsEnum(Locale, { message: 'locale must be ZH_CN or EN' })
  locale: Locale;
}

@ArgsType()
export class LogoutArgs {
  @Field(() => String)
  @IsString({ message: 'refreshToken must be text' })
  @MaxLength(200, { message: 'refreshToken is not a valid refresh token' })
  refreshToken: string;
}
