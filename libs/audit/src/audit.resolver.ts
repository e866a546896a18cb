import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionType, PageArgs, Role, Roles } from '@jcv/shared';
import { AuditEvent } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';

const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@ArgsType()
class AuditEventsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only events about this kind of record, e.g. Lease.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first (ADMIN).' })
  auditEvents(@Args() args: AuditEventsArgs) {
    return this.audit.list(
      { entity: args.entity, entityId: args.entityId },
      args.first,
      args.after,
    );
  }
}
