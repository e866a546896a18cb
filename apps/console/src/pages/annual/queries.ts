import { graphql } from '../../gql';

/**
 * The firm's years: its residency (which years it may report) and the latest revision of each
 * year it reported. The list and the form share it, so the form opens from the list's cache.
 */
export const FIRM_ANNUAL_REPORTS = graphql(`
  query FirmAnnualReports {
    me {
      id
      tenant {
        id
        name
        enteredOn
        exitedOn
        zone {
          id
          code
        }
        annualReports {
          id
          year
          revision
          status
          submittedAt
          reviewNote
          registeredCapital
          employees
          employeesDoctorate
          employeesCollege
          employeesReturnees
          employeesFreshGraduates
          totalRevenue
          netProfit
          taxPaid
          rdExpense
          ventureFunding
          ipApplied
          ipGranted
          ipValid
          inventionPatentsValid
          softwareCopyrights
          techContracts
          techContractValue
          nationalProjects
          occupiedArea
        }
      }
    }
  }
`);

/** What the platform knows of the year, to start the form from. */
export const ANNUAL_DRAFT = graphql(`
  query FirmAnnualDraft($tenantId: ID!, $year: Int!) {
    annualReportDraft(tenantId: $tenantId, year: $year) {
      year
      dueOn
      totalRevenue
      rdExpense
      employees
      ipApplied
      ipGranted
      occupiedArea
    }
  }
`);

export const SUBMIT_ANNUAL_REPORT = graphql(`
  mutation FirmSubmitAnnualReport($input: SubmitAnnualReportInput!) {
    submitAnnualReport(input: $input) {
      id
      year
      revision
      status
    }
  }
`);
