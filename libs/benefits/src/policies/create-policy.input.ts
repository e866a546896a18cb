import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { DateScalar, DecimalScalar, IsMoney } from '@jcv/shared';
import { PolicyKind } from './policy-kind.enum.js';
import { EligibilityRuleInput } from './eligibility-rule.type.js';
import { RentReliefInput } from './rent-relief.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CreatePolicyInput {
  @Field({ description: 'Upper-case letters, digits, _ and -, 2 to 40 characters; unique.' })
  @IsString()
  @Matches(/^[A-Z0-9_-]{2,40}$/, {
    message: 'code must be 2 to 40 upper-case letters, digits, _ or -',
  })
  code: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;

  @Field(() => PolicyKind)
  @IsEnum(PolicyKind, { message: 'kind must be a policy kind' })
  kind: PolicyKind;

  @Field(() => RentReliefInput, {
    nullable: true,
    description: 'Only for RENT_SUBSIDY; left out: the policy relieves no rent on bills.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RentReliefInput)
  rentRelief?: RentReliefInput | null;

  @Field()
  @IsString()
  @Length(1, 500, { message: 'basis must be 1 to 500 characters' })
  basis: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Left out: no cap per firm.' })
  @IsOptional()
  @IsMoney({ positive: true })
  maxAmountPerTenant?: string | null;

  @Field(() => DecimalScalar)
  @IsMoney({ positive: true })
  budget: string;

  @Field(() => DateScalar)
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Left out: open-ended.' })
  @IsOptional()
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string | null;

  @Field(() => EligibilityRuleInput)
  @ValidateNested()
  @Type(() => EligibilityRuleInput)
  eligibility: EligibilityRuleInput;
}
