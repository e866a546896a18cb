import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  ALL_ROLES,
  COMMITTEE_ROLES,
  CurrentUser,
  DateScalar,
  DecimalScalar,
  Role,
  Roles,
} from '@jcv/shared';
import { Policy } from './policy.entity.js';
import { EligibilityRule } from './eligibility-rule.type.js';
import { CreatePolicyInput } from './create-policy.input.js';
import { UpdatePolicyInput } from './update-policy.input.js';
import { eligibilityOf, PoliciesService, remainingOf } from './policies.service.js';

@Resolver(() => Policy)
export class PoliciesResolver {
  constructor(private readonly service: PoliciesService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Policy])
  policies() {
    return this.service.list();
  }

  @Roles(Role.TENANT_ADMIN, ...COMMITTEE_ROLES)
  @Query(() => [Policy], {
    description: 'The policies valid on asOf whose rule the firm meets on asOf.',
  })
  eligiblePolicies(
    @CurrentUser() actor: Actor,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string | null,
  ) {
    return this.service.eligible(actor, tenantId, asOf);
  }

  @Roles(Role.POLICY_OFFICER, Role.ADMIN)
  @Mutation(() => Policy)
  createPolicy(@CurrentUser() actor: Actor, @Args('input') input: CreatePolicyInput) {
    return this.service.create(actor, input);
  }

  @Roles(Role.POLICY_OFFICER, Role.ADMIN)
  @Mutation(() => Policy)
  updatePolicy(@CurrentUser() actor: Actor, @Args('input') input: UpdatePolicyInput) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => DecimalScalar, { description: 'budget - granted.' })
  remaining(@Parent() policy: Policy) {
    return remainingOf(policy);
  }

  @ResolveField(() => EligibilityRule)
  eligibility(@Parent() policy: Policy) {
    return eligibilityOf(policy);
  }
}
