import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateScalar } from '@jcv/shared';
import { IndustryChain, TenantKind } from '../tenant.enum.js';
import { IsCreditCode } from '../credit-code/is-credit-code.js';

/** A correction: a field left out keeps its value (the service refuses null where one is required). */
@InputType({
  description:
    'Only the fields given change. A TEAM that incorporates becomes a FIRM by\n' +
    'giving kind FIRM and its creditCode together. enteredOn and the zone are facts\n' +
    'of the milestones and do not change here.',
})
export class UpdateTenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'name must be a string' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string | null;

  @Field(() => TenantKind, { nullable: true })
  @IsOptional()
  @IsEnum(TenantKind, { message: 'kind must be FIRM or TEAM' })
  kind?: TenantKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value,
  )
  @IsCreditCode()
  creditCode?: string | null;

  @Field(() => IndustryChain, { nullable: true })
  @IsOptional()
  @IsEnum(IndustryChain, { message: 'industryChain must be a known industry chain' })
  industryChain?: IndustryChain | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'isTechFirm must be true or false' })
  isTechFirm?: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsString({ message: 'foundedOn must be a date' })
  foundedOn?: string | null;
}
