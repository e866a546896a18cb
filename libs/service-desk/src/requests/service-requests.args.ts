import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ServiceRequestStatus } from './service-request-status.enum.js';

@ArgsType()
export class ServiceRequestsArgs {
  @Field(() => ServiceRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ServiceRequestStatus, { message: 'status must be a request status' })
  status?: ServiceRequestStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId?: string | null;
}

@ArgsType()
export class AssignServiceRequestArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ID, { description: 'A provider that serves the request category.' })
  @IsString()
  providerId: string;
}

@ArgsType()
export class UpdateServiceRequestStatusArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ServiceRequestStatus)
  @IsEnum(ServiceRequestStatus, { message: 'status must be a request status' })
  status: ServiceRequestStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000, { message: 'note must be 1 to 2000 characters' })
  note?: string | null;
}

@ArgsType()
export class RateServiceRequestArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => Int, { description: '1 to 5.' })
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1, { message: 'rating must be from 1 to 5' })
  @Max(5, { message: 'rating must be from 1 to 5' })
  rating: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000, { message: 'comment must be 1 to 2000 characters' })
  comment?: string | null;
}
