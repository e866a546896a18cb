import { graphql } from '../../gql';

/** The park's zones, for the zone selects of every tab. */
export const REVIEW_ZONES = graphql(`
  query ReviewZones {
    zones {
      id
      code
      name
    }
  }
`);

export const REVIEW_QUEUE_REPORT = graphql(`
  fragment ReviewQueueReport on OutputReport {
    id
    period
    revision
    status
    reviewNote
    outputValue
    revenue
    rdExpense
    employees
    patentsFiled
    patentsGranted
    submittedAt
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
`);

/** The queue: latest revisions in SUBMITTED (filter.status), newest month first, by pages. */
export const REVIEW_QUEUE = graphql(`
  query ReviewQueue($filter: OutputReportFilter, $first: Int, $after: String) {
    outputReports(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...ReviewQueueReport
        }
      }
    }
  }
`);

/**
 * A decision. The answer's new status lands on the cached report, which takes the row out of
 * the queue (and updates the overdue list, which reads the same reports).
 */
export const REVIEW_DECIDE = graphql(`
  mutation ReviewDecide($id: ID!, $decision: ReviewDecision!, $note: String) {
    reviewOutputReport(id: $id, decision: $decision, note: $note) {
      id
      revision
      period
      status
      reviewNote
    }
  }
`);

/** The count the dashboards show for a zone on a day. */
export const REVIEW_OVERDUE_COUNT = graphql(`
  query ReviewOverdueCount($zoneId: ID!, $asOf: Date) {
    overdueReports(zoneId: $zoneId, asOf: $asOf)
  }
`);

/**
 * Every tenant of a zone (any status: a firm that left still owes its months of residence) with
 * the latest revision of each month: what the overdue list is worked out from.
 */
export const REVIEW_OVERDUE_TENANTS = graphql(`
  query ReviewOverdueTenants($zoneId: ID!, $first: Int, $after: String) {
    tenants(filter: { zoneId: $zoneId }, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          name
          creditCode
          status
          enteredOn
          exitedOn
          outputReports {
            id
            period
            revision
            status
          }
        }
      }
    }
  }
`);

export const REVIEW_EXPORT = graphql(`
  query ReviewExport($zoneId: ID!, $year: Int!, $format: ReportFileFormat) {
    exportOutputReports(zoneId: $zoneId, year: $year, format: $format) {
      fileName
      rows
      contentBase64
    }
  }
`);

/** Sent by upload.ts (XMLHttpRequest, for the upload's progress), not through Apollo. */
export const REVIEW_IMPORT = graphql(`
  mutation ReviewImport($fileName: String!, $contentBase64: String!) {
    importOutputReports(fileName: $fileName, contentBase64: $contentBase64) {
      fileName
      rowsRead
      imported
      newRevisions
      unchanged
      errorCount
      errors {
        sheet
        row
        column
        header
        message
      }
    }
  }
`);
