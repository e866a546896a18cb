import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID } from 'class-validator';
import { DateScalar, DecimalScalar, IsMoney } from '@jcv/shared';

@InputType()
export class RecordPaymentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'billId must be an id' })
  billId: string;

  @Field(() => DecimalScalar, { description: 'More than 0, at most what is outstanding.' })
  @IsMoney({ positive: true })
  amount: string;

  @Field(() => DateScalar, { description: 'Not after today.' })
  @IsString({ message: 'paidOn must be a date' })
  paidOn: string;

  @Field({ description: "The bank's or cashier's reference, 1 to 200 characters once trimmed." })
  @IsString({ message: 'reference must be text' })
  reference: string;
}
