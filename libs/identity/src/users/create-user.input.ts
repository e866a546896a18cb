import { Field, ID, InputType } from '@nestjs/graphql';
import {
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '@jcv/shared';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'displayName must be 1 to 200 characters' })
  displayName: string;

  @Field()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `password must be at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  password: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId?: string;

  @Field(() => ID, { nullable: true, description: 'The provider of a SERVICE_PROVIDER user.' })
  @IsOptional()
  @IsUUID('all', { message: 'serviceProviderId must be an id' })
  serviceProviderId?: string;
}
