import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { DecimalScalar, IsMoney } from '@jcv/shared';

@InputType()
export class ApplyForBenefitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'policyId must be an id' })
  policyId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => DecimalScalar)
  @IsMoney({ positive: true })
  requestedAmount: string;

  @Field()
  @IsString()
  @Length(1, 5000, { message: 'justification must be 1 to 5000 characters' })
  justification: string;
}
