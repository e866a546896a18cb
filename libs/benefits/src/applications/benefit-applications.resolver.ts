import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  COMMITTEE_ROLES,
  CurrentUser,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
} from '@jcv/shared';
import { Tenant, TenantsService } from '@jcv/tenants';
import { Policy } from '../policies/policy.entity.js';
import { PoliciesService } from '../policies/policies.service.js';
import { BenefitApplication } from './benefit-application.entity.js';
import { BenefitStatus } from './benefit-status.enum.js';
import { BenefitApplicationsService } from './benefit-applications.service.js';
import { ApplyForBenefitInput } from './apply-for-benefit.input.js';
import { DecideBenefitInput } from './decide-benefit.input.js';

@Resolver(() => BenefitApplication)
export class BenefitApplicationsResolver {
  constructor(
    private readonly applications: BenefitApplicationsService,
    private readonly policies: PoliciesService,
    private readonly tenants: TenantsService,
  ) {}

  @Roles(Role.TENANT_ADMIN, ...COMMITTEE_ROLES)
  @Query(() => [BenefitApplication], { description: 'Newest first; a firm sees only its own.' })
  benefitApplications(
    @CurrentUser() actor: Actor,
    @Args('status', { type: () => BenefitStatus, nullable: true }) status?: BenefitStatus | null,
    @Args('tenantId', { type: () => ID, nullable: true }) tenantId?: string | null,
  ) {
    return this.applications.list(actor, status, tenantId);
  }

  @Roles(Role.TENANT_ADMIN, Role.ADMIN)
  @Mutation(() => BenefitApplication)
  applyForBenefit(@CurrentUser() actor: Actor, @Args('input') input: ApplyForBenefitInput) {
    return this.applications.apply(actor, input);
  }

  @Roles(Role.POLICY_OFFICER, Role.ADMIN)
  @Mutation(() => BenefitApplication)
  decideBenefit(@CurrentUser() actor: Actor, @Args('input') input: DecideBenefitInput) {
    return this.applications.decide(actor, input);
  }

  @Roles(Role.POLICY_OFFICER, Role.ADMIN)
  @Mutation(() => BenefitApplication)
  markBenefitDisbursed(@CurrentUser() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.applications.markDisbursed(actor, id);
  }

  @Roles(Role.TENANT_ADMIN, Role.ADMIN)
  @Mutation(() => BenefitApplication, {
    description: 'A firm takes back an application not yet decided.',
  })
  withdrawBenefitApplication(
    @CurrentUser() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ) {
    return this.applications.withdraw(actor, id);
  }

  @ResolveField(() => Policy)
  policy(@Parent() application: BenefitApplication, @Loaders() loaders: RequestLoaders) {
    return loaders.get('policyById', () => this.policies.policyLoader()).load(application.policyId);
  }

  // The application was already limited to the caller's firm, so its firm may be shown.
  @ResolveField(() => Tenant)
  tenant(@Parent() application: BenefitApplication, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(application.tenantId);
  }
}
