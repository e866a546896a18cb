import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsString, IsUUID } from 'class-validator';
import { DateScalar } from '@jcv/shared';
import { TenantStatus } from '../tenant.enum.js';

@InputType()
export class ExitTenantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => DateScalar, { description: 'The last day in the park; not before enteredOn.' })
  @IsString({ message: 'exitedOn must be a date' })
  exitedOn: string;

  @Field(() => TenantStatus, { description: 'GRADUATED or EXITED.' })
  @IsIn([TenantStatus.GRADUATED, TenantStatus.EXITED], {
    message: 'status must be GRADUATED or EXITED',
  })
  status: TenantStatus;
}
