import { AS_PARENT, COMMITTEE_ROLES, definePolicy, EVERY_ROW, reaching } from '@jcv/shared';

// The statistics name the firms behind their checks and missing reports, so they are the
// committee's (ANALYST included), as every firm's data is.
definePolicy('TorchStatistics', {
  rows: reaching(COMMITTEE_ROLES, EVERY_ROW),
  fields: [
    {
      group: 'statistics',
      fields: [
        'checks',
        'firmsWithInventionPatents',
        'firmsWithValidIp',
        'fundedFirms',
        'fundingDisbursedThousand',
        'graduatedThisYear',
        'graduatedTotal',
        'highTechFirms',
        'incubatedEmployees',
        'incubatedEmployeesCollege',
        'incubatedEmployeesFreshGraduates',
        'incubatedFirms',
        'incubatedFirmsArea',
        'incubatedRdExpenseThousand',
        'incubatedRevenueThousand',
        'incubatedTaxPaidThousand',
        'incubatedVentureFundingThousand',
        'incubatorIncomeThousand',
        'missingAnnualReports',
        'newIncubatedFirms',
        'park',
        'techSmeFirms',
        'totalArea',
        'year',
      ],
      readers: COMMITTEE_ROLES,
    },
  ],
});
// A check is part of the statistics, shown only under them.
definePolicy('StatisticsCheck', {
  rows: reaching(COMMITTEE_ROLES, AS_PARENT),
  fields: [
    {
      group: 'check',
      fields: ['code', 'message', 'passed', 'tenants'],
      readers: COMMITTEE_ROLES,
    },
  ],
});
