import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs, Role } from '@jcv/shared';

@InputType()
export class UserFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role, { message: 'role must be a role' })
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'emailContains must be text' })
  @MaxLength(254, { message: 'emailContains must be at most 254 characters' })
  emailContains?: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}
