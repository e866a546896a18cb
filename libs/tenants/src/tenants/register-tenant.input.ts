import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateScalar } from '@jcv/shared';
import { IndustryChain, TenantKind } from '../tenant.enum.js';
import { IsCreditCode } from '../credit-code/is-credit-code.js';

@InputType()
export class RegisterTenantInput {
  @Field()
  @IsString({ message: 'name must be a string' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @Field(() => TenantKind)
  @IsEnum(TenantKind, { message: 'kind must be FIRM or TEAM' })
  kind: TenantKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Required for a FIRM, left out for a TEAM. Spaces are ignored, letters upper-cased.',
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value,
  )
  @IsCreditCode()
  creditCode?: string | null;

  @Field(() => ID)
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId: string;

  @Field(() => IndustryChain)
  @IsEnum(IndustryChain, { message: 'industryChain must be a known industry chain' })
  industryChain: IndustryChain;

  @Field()
  @IsBoolean({ message: 'isTechFirm must be true or false' })
  isTechFirm: boolean;

  @Field(() => DateScalar)
  @IsString({ message: 'enteredOn must be a date' })
  enteredOn: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsString({ message: 'foundedOn must be a date' })
  foundedOn?: string | null;
}
