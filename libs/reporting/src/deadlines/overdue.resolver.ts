import { Args, ArgsType, Field, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { COMMITTEE_ROLES, DateScalar, Roles } from '@jcv/shared';
import { REPORTING_SINCE } from './deadlines.js';
import { OverdueService } from './overdue.service.js';

@ArgsType()
export class OverdueReportsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId: string;

  @Field(() => DateScalar, { nullable: true, description: 'Left out: today in Asia/Shanghai.' })
  @IsOptional()
  asOf?: string | null;
}

@Resolver()
export class OverdueResolver {
  constructor(private readonly overdue: OverdueService) {}

  @Roles(...COMMITTEE_ROLES)
  @Query(() => Int, {
    description: `Reports of the zone's tenants due before asOf (by the 15th of the next month) whose latest revision is neither SUBMITTED nor ACCEPTED. The months counted are those in which each tenant was resident (entry month to exit month), from ${REPORTING_SINCE}, when reporting began.`,
  })
  overdueReports(@Args() args: OverdueReportsArgs): Promise<number> {
    return this.overdue.forZone(args.zoneId, args.asOf);
  }
}
