import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateScalar } from '@jcv/shared';
import { CertificationKind } from '../tenant.enum.js';

@InputType()
export class AddCertificationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => CertificationKind)
  @IsEnum(CertificationKind, { message: 'kind must be HIGH_TECH, SRDI or TECH_SME' })
  kind: CertificationKind;

  @Field()
  @IsString({ message: 'certificateNo must be a string' })
  @Length(1, 100, { message: 'certificateNo must be 1 to 100 characters' })
  @Matches(/\S/, { message: 'certificateNo must not be blank' })
  certificateNo: string;

  @Field(() => DateScalar)
  @IsString({ message: 'issuedOn must be a date' })
  issuedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Left out: no expiry recorded.' })
  @IsOptional()
  @IsString({ message: 'expiresOn must be a date' })
  expiresOn?: string | null;
}
