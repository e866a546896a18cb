import { graphql } from '../../gql';

/** The year's Torch statistics: every figure, the firms missing a report, the checks. */
export const TORCH_STATISTICS = graphql(`
  query TorchStatistics($year: Int!) {
    torchStatistics(year: $year) {
      year
      park {
        id
        name
      }
      totalArea
      incubatedFirmsArea
      incubatedFirms
      newIncubatedFirms
      graduatedThisYear
      graduatedTotal
      incubatedRevenueThousand
      incubatedRdExpenseThousand
      incubatedTaxPaidThousand
      incubatedVentureFundingThousand
      incubatedEmployees
      incubatedEmployeesCollege
      incubatedEmployeesFreshGraduates
      highTechFirms
      techSmeFirms
      fundedFirms
      firmsWithInventionPatents
      firmsWithValidIp
      incubatorIncomeThousand
      fundingDisbursedThousand
      missingAnnualReports {
        id
        name
        creditCode
        enteredOn
      }
      checks {
        code
        passed
        message
        tenants {
          id
          name
        }
      }
    }
  }
`);

export const TORCH_EXPORT = graphql(`
  query TorchExport($year: Int!) {
    exportTorchStatistics(year: $year) {
      fileName
      rows
      contentBase64
    }
  }
`);
