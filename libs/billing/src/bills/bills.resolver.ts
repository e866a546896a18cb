import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BenefitApplication } from '@jcv/benefits';
import { Lease, LeasesService } from '@jcv/space';
import {
  type Actor,
  CurrentUser,
  DecimalScalar,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
  todayInShanghai,
  YearPipe,
} from '@jcv/shared';
import { Tenant, TenantsService } from '@jcv/tenants';
import { BILL_READERS, BILL_RUN_READERS } from '../access-policy.js';
import { BillStatus } from '../billing.enum.js';
import { Payment } from '../payments/payment.entity.js';
import { RecordPaymentInput } from '../payments/record-payment.input.js';
import { BillConnection, BillSums } from './bill-connection.type.js';
import { BillLine } from './bill-line.entity.js';
import { BillRun } from './bill-run.entity.js';
import { billStatusOn, outstandingOf } from './bill-status.js';
import { Bill } from './bill.entity.js';
import { BillsArgs, IssueBillsArgs, VoidBillArgs } from './bills.args.js';
import { BillsService } from './bills.service.js';

@Resolver(() => Bill)
export class BillsResolver {
  constructor(
    private readonly service: BillsService,
    private readonly tenants: TenantsService,
  ) {}

  @Roles(...BILL_READERS)
  @Query(() => BillConnection, {
    description: 'Newest month first, then by number; a firm sees only its own.',
  })
  bills(@CurrentUser() actor: Actor, @Args() args: BillsArgs) {
    return this.service.list(actor, args.filter ?? undefined, args.first, args.after);
  }

  @Roles(...BILL_READERS)
  @Query(() => Bill, { nullable: true })
  bill(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Roles(...BILL_RUN_READERS)
  @Query(() => [BillRun], { description: 'The months billed, newest first.' })
  billRuns(@Args('year', { type: () => Int, nullable: true }, YearPipe) year?: number | null) {
    return this.service.runs(year);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => BillRun, {
    description:
      'Bills every firm with a lease in that month; idempotent. The worker runs it on the 1st.',
  })
  issueBills(@CurrentUser() actor: Actor, @Args() args: IssueBillsArgs) {
    return this.service.issueBills(actor, args.period);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Bill)
  recordPayment(@CurrentUser() actor: Actor, @Args('input') input: RecordPaymentInput) {
    return this.service.recordPayment(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Bill, {
    description: 'Cancels a bill without payments; its relief returns to the grant.',
  })
  voidBill(@CurrentUser() actor: Actor, @Args() args: VoidBillArgs) {
    return this.service.voidBill(actor, args.id, args.reason);
  }

  // The bill was already limited to the caller's reach, so its firm may be shown.
  @ResolveField(() => Tenant)
  tenant(@Parent() bill: Bill, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(bill.tenantId);
  }

  @ResolveField(() => [BillLine])
  lines(@Parent() bill: Bill, @Loaders() loaders: RequestLoaders) {
    return loaders.get('linesByBillId', () => this.service.linesLoader()).load(bill.id);
  }

  @ResolveField(() => [Payment], { description: 'By the day paid.' })
  payments(@Parent() bill: Bill, @Loaders() loaders: RequestLoaders) {
    return loaders.get('paymentsByBillId', () => this.service.paymentsLoader()).load(bill.id);
  }

  @ResolveField(() => DecimalScalar, { description: 'total − paid; 0 on a VOID bill.' })
  outstanding(@Parent() bill: Bill) {
    return outstandingOf(bill);
  }

  @ResolveField(() => BillStatus)
  status(@Parent() bill: Bill) {
    return billStatusOn(bill.recordStatus, bill.dueOn, todayInShanghai());
  }
}

@Resolver(() => BillConnection)
export class BillConnectionResolver {
  @ResolveField(() => BillSums, {
    description: 'Over every bill of the filter, not only this page; VOID bills count nothing.',
  })
  sums(@Parent() connection: BillConnection) {
    return connection.sumsOf();
  }
}

@Resolver(() => BillLine)
export class BillLineResolver {
  constructor(
    private readonly service: BillsService,
    private readonly leases: LeasesService,
  ) {}

  // A line is shown under its bill, already in the caller's reach, and so is its lease.
  @ResolveField(() => Lease)
  lease(@Parent() line: BillLine, @Loaders() loaders: RequestLoaders) {
    return loaders.get('leaseById', () => this.leases.leaseLoader()).load(line.leaseId);
  }

  @ResolveField(() => BenefitApplication, {
    nullable: true,
    description: 'The grant a RENT_RELIEF line draws on.',
  })
  benefitApplication(@Parent() line: BillLine, @Loaders() loaders: RequestLoaders) {
    if (!line.benefitApplicationId) return null;
    return loaders
      .get('benefitApplicationById', () => this.service.applicationLoader())
      .load(line.benefitApplicationId);
  }
}
