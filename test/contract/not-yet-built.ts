/**
 * The contract's operations, types and fields that the server does not have yet. Each capability
 * deletes its lines when it lands; the list ends empty. The contract test fails on a missing
 * piece not named here, and on a name here that is no longer missing.
 */
export const NOT_YET_BUILT: string[] = [
  // output reporting (libs/reporting)
  'YearMonth',
  'ReportStatus',
  'OutputReport',
  'SubmitOutputReportInput',
  'ReviewDecision',
  'OutputReportFilter',
  'OutputReportConnection',
  'OutputReportEdge',
  'Query.outputReports',
  'Mutation.submitOutputReport',
  'Mutation.reviewOutputReport',

  // policy benefits (libs/benefits)
  'PolicyKind',
  'EligibilityRule',
  'Policy',
  'EligibilityRuleInput',
  'CreatePolicyInput',
  'BenefitStatus',
  'BenefitApplication',
  'ApplyForBenefitInput',
  'DecideBenefitInput',
  'Query.policies',
  'Query.eligiblePolicies',
  'Query.benefitApplications',
  'Mutation.createPolicy',
  'Mutation.applyForBenefit',
  'Mutation.decideBenefit',
  'Mutation.markBenefitDisbursed',

  // service requests (libs/service-desk)
  'ServiceCategory',
  'ServiceRequestStatus',
  'ServiceProvider',
  'ServiceRequestEvent',
  'ServiceRequest',
  'OpenServiceRequestInput',
  'CreateServiceProviderInput',
  'Query.serviceProviders',
  'Query.serviceRequests',
  'Mutation.createServiceProvider',
  'Mutation.openServiceRequest',
  'Mutation.assignServiceRequest',
  'Mutation.updateServiceRequestStatus',
  'Mutation.rateServiceRequest',
];
