import { graphql } from '../../gql';

/**
 * The firm's months: its residency (which months it may report) and the latest revision of each
 * month it reported. The list and the form share it, so the form opens from the list's cache.
 */
export const FIRM_REPORT_MONTHS = graphql(`
  query FirmReportMonths {
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
        outputReports {
          id
          period
          revision
          status
          dueOn
          outputValue
          revenue
          rdExpense
          employees
          patentsFiled
          patentsGranted
          reviewNote
          submittedAt
        }
      }
    }
  }
`);

/** Every revision of one month, oldest first (read when a row of the list is opened). */
export const FIRM_REPORT_REVISIONS = graphql(`
  query FirmReportRevisions($period: YearMonth!) {
    outputReports(filter: { period: $period }, first: 1) {
      edges {
        node {
          id
          revisions {
            id
            revision
            status
            outputValue
            revenue
            rdExpense
            employees
            patentsFiled
            patentsGranted
            reviewNote
            submittedAt
          }
        }
      }
    }
  }
`);

export const SUBMIT_OUTPUT_REPORT = graphql(`
  mutation FirmSubmitOutputReport($input: SubmitOutputReportInput!) {
    submitOutputReport(input: $input) {
      id
      period
      revision
      status
    }
  }
`);
