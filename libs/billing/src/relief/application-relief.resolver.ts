import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { BenefitApplication } from '@jcv/benefits';
import { DecimalScalar, Loaders, RequestLoaders } from '@jcv/shared';
import { BillsService } from '../bills/bills.service.js';

/** `BenefitApplication.relieved`: what bills have relieved of a grant, from the relief ledger. */
@Resolver(() => BenefitApplication)
export class ApplicationReliefResolver {
  constructor(private readonly bills: BillsService) {}

  @ResolveField(() => DecimalScalar, {
    description:
      'For a RENT_SUBSIDY with rentRelief: the relief already applied on bills, never above grantedAmount.',
  })
  relieved(@Parent() application: BenefitApplication, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get('relievedByApplicationId', () => this.bills.relievedOf())
      .load(application.id);
  }
}
