import { graphql } from '../../gql';

/** The year's annual reports waiting for review (latest revisions, status SUBMITTED). */
export const REVIEW_ANNUAL_QUEUE = graphql(`
  query ReviewAnnualQueue($year: Int!, $zoneId: ID, $status: ReportStatus) {
    annualReports(year: $year, zoneId: $zoneId, status: $status) {
      id
      year
      revision
      status
      reviewNote
      submittedAt
      employees
      totalRevenue
      netProfit
      rdExpense
      tenant {
        id
        name
        creditCode
        zone {
          id
          code
          name
        }
      }
    }
  }
`);

/** A decision; the answer's status lands on the cached report, which leaves the queue. */
export const REVIEW_ANNUAL_DECIDE = graphql(`
  mutation ReviewAnnualDecide($id: ID!, $decision: ReviewDecision!, $note: String) {
    reviewAnnualReport(id: $id, decision: $decision, note: $note) {
      id
      year
      revision
      status
      reviewNote
    }
  }
`);
