import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Tenant, TenantsService } from '@jcv/tenants';
import {
  type Actor,
  ConnectionType,
  CurrentUser,
  DateScalar,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
} from '@jcv/shared';
import { REPORT_READERS } from '../access-policy.js';
import { OutputReport } from './output-report.entity.js';
import { dueDateOf } from '../deadlines/deadlines.js';
import { OutputReportsArgs } from './output-reports.args.js';
import { OutputReportsService } from './output-reports.service.js';
import { ReportSubmissionService } from './report-submission.service.js';
import { ReviewOutputReportArgs } from './review-output-report.args.js';
import { SubmitOutputReportInput } from './submit-output-report.input.js';

const OutputReportConnection = ConnectionType(OutputReport, 'OutputReport');

@Resolver(() => OutputReport)
export class OutputReportsResolver {
  constructor(
    private readonly reports: OutputReportsService,
    private readonly submissions: ReportSubmissionService,
    private readonly tenants: TenantsService,
  ) {}

  @Roles(...REPORT_READERS)
  @Query(() => OutputReportConnection, {
    description: 'The latest revision of each month; a firm sees only its own.',
  })
  outputReports(@CurrentUser() actor: Actor, @Args() args: OutputReportsArgs) {
    return this.reports.list(actor, args.filter ?? undefined, args.first, args.after);
  }

  @Roles(Role.ADMIN, Role.TENANT_ADMIN, Role.TENANT_REPORTER)
  @Mutation(() => OutputReport)
  submitOutputReport(@CurrentUser() actor: Actor, @Args('input') input: SubmitOutputReportInput) {
    return this.submissions.submit(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OutputReport)
  reviewOutputReport(@CurrentUser() actor: Actor, @Args() args: ReviewOutputReportArgs) {
    return this.submissions.review(actor, args);
  }

  @ResolveField(() => Tenant)
  tenant(@Parent() report: OutputReport, @Loaders() loaders: RequestLoaders) {
    return this.tenants.tenantById(loaders).load(report.tenantId);
  }

  @ResolveField(() => [OutputReport], {
    description: 'Every revision of this month, oldest first; the last one is the latest.',
  })
  revisions(@Parent() report: OutputReport, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get('revisionsByTenantIdAndPeriod', () => this.reports.revisionsLoader())
      .load({ tenantId: report.tenantId, period: report.period });
  }

  @ResolveField(() => DateScalar, { description: 'Due by the 15th of the next month.' })
  dueOn(@Parent() report: OutputReport) {
    return dueDateOf(report.period);
  }
}
