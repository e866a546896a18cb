import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { DateScalar, DecimalScalar, IsMoney } from '@jcv/shared';
import { EligibilityRuleInput } from './eligibility-rule.type.js';

@InputType({
  description:
    "Only the fields given change. budget may not fall below what is granted;\nmaxAmountPerTenant may not fall below any firm's granted total.",
})
export class UpdatePolicyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500, { message: 'basis must be 1 to 500 characters' })
  basis?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsMoney({ positive: true })
  budget?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsMoney({ positive: true })
  maxAmountPerTenant?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string | null;

  @Field(() => EligibilityRuleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityRuleInput)
  eligibility?: EligibilityRuleInput | null;
}
