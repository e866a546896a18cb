import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { DecimalScalar, IsMoney } from '@jcv/shared';

@InputType()
export class DecideBenefitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field()
  @IsBoolean({ message: 'approve must be true or false' })
  approve: boolean;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'On approval; left out, the requested amount. Not more than requested.',
  })
  @IsOptional()
  @IsMoney({ positive: true })
  grantedAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Required to reject.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000, { message: 'note must be 1 to 2000 characters' })
  note?: string | null;
}
