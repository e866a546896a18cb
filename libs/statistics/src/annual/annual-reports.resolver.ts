import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Tenant, TenantsService } from '@jcv/tenants';
import { type Actor, CurrentUser, Loaders, RequestLoaders, Role, Roles } from '@jcv/shared';
import { ANNUAL_REPORT_READERS } from '../access-policy.js';
import { AnnualReport } from './annual-report.entity.js';
import { AnnualReportDraft } from './annual-report-draft.type.js';
import {
  AnnualReportDraftArgs,
  AnnualReportsArgs,
  ReviewAnnualReportArgs,
} from './annual-reports.args.js';
import { AnnualReportsService } from './annual-reports.service.js';
import { SubmitAnnualReportInput } from './submit-annual-report.input.js';

@Resolver(() => AnnualReport)
export class AnnualReportsResolver {
  constructor(
    private readonly reports: AnnualReportsService,
    private readonly tenants: TenantsService,
  ) {}

  @Roles(...ANNUAL_REPORT_READERS)
  @Query(() => [AnnualReport], {
    description:
      "The latest revision of each firm's report for the year; a firm sees only its own.",
  })
  annualReports(@CurrentUser() actor: Actor, @Args() args: AnnualReportsArgs) {
    return this.reports.list(actor, args);
  }

  @Roles(...ANNUAL_REPORT_READERS)
  @Query(() => AnnualReportDraft, {
    description: "What the platform knows of the firm's year, to start its annual report from.",
  })
  annualReportDraft(@CurrentUser() actor: Actor, @Args() args: AnnualReportDraftArgs) {
    return this.reports.draft(actor, args.tenantId, args.year);
  }

  @Roles(Role.ADMIN, Role.TENANT_ADMIN, Role.TENANT_REPORTER)
  @Mutation(() => AnnualReport, {
    description: 'From 1 January of the next year, for a year the firm was resident in.',
  })
  submitAnnualReport(@CurrentUser() actor: Actor, @Args('input') input: SubmitAnnualReportInput) {
    return this.reports.submit(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AnnualReport)
  reviewAnnualReport(@CurrentUser() actor: Actor, @Args() args: ReviewAnnualReportArgs) {
    return this.reports.review(actor, args);
  }

  @ResolveField(() => Tenant)
  tenant(@Parent() report: AnnualReport, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(report.tenantId);
  }

  @ResolveField(() => [AnnualReport], {
    description: 'Every revision of this year, oldest first; the last one is the latest.',
  })
  revisions(@Parent() report: AnnualReport, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get('annualRevisionsByTenantIdAndYear', () => this.reports.revisionsLoader())
      .load({ tenantId: report.tenantId, year: report.year });
  }
}

/** `AnnualReportDraft.tenant`. */
@Resolver(() => AnnualReportDraft)
export class AnnualReportDraftResolver {
  constructor(private readonly tenants: TenantsService) {}

  @ResolveField(() => Tenant)
  tenant(@Parent() draft: AnnualReportDraft, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(draft.tenantId);
  }
}
