import { graphql } from '../../gql';

/** The park's zones, for the zone filter of the committee's page. */
export const BILLS_ZONES = graphql(`
  query BillsZones {
    zones {
      id
      code
      kind
      name
    }
  }
`);

/** A bill as a row of the committee's tables. */
export const BILL_ROW = graphql(`
  fragment BillRow on Bill {
    id
    number
    period
    issuedOn
    dueOn
    total
    paid
    outstanding
    status
    tenant {
      id
      name
      creditCode
      zone {
        id
        code
      }
    }
  }
`);

/** A bill with its lines and payments: the firm's list and the printable bill. */
export const BILL_DETAIL = graphql(`
  fragment BillDetail on Bill {
    id
    number
    period
    issuedOn
    dueOn
    total
    paid
    outstanding
    status
    voidReason
    tenant {
      id
      name
      creditCode
    }
    lines {
      kind
      description
      amount
      days
      monthDays
      lease {
        id
        unit {
          id
          code
          building {
            id
            name
          }
        }
      }
      benefitApplication {
        id
        policy {
          id
          code
          title
        }
      }
    }
    payments {
      id
      amount
      paidOn
      reference
    }
  }
`);

/** A month's bills (or any filter's) by pages, with the sums over the whole filter. */
export const BILLS_LIST = graphql(`
  query BillsList($filter: BillFilter!, $first: Int, $after: String) {
    bills(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      sums {
        count
        billed
        relieved
        total
        paid
        outstanding
      }
      edges {
        cursor
        node {
          ...BillRow
        }
      }
    }
  }
`);

/** Bills past their due day and not fully paid, any month, by pages. */
export const BILLS_OVERDUE = graphql(`
  query BillsOverdue($filter: BillFilter!, $first: Int, $after: String) {
    bills(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      sums {
        count
        outstanding
      }
      edges {
        cursor
        node {
          ...BillRow
        }
      }
    }
  }
`);

/** The bill runs of a year, newest first: when the month was last billed. */
export const BILLS_RUNS = graphql(`
  query BillsRuns($year: Int) {
    billRuns(year: $year) {
      period
      issued
      existing
      total
      ranAt
    }
  }
`);

/** 出账: bills every firm with a lease in the month; a second run makes nothing new. */
export const BILLS_ISSUE = graphql(`
  mutation BillsIssue($period: YearMonth!) {
    issueBills(period: $period) {
      period
      issued
      existing
      total
      ranAt
    }
  }
`);

export const BILLS_RECORD_PAYMENT = graphql(`
  mutation BillsRecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      ...BillDetail
    }
  }
`);

export const BILLS_VOID = graphql(`
  mutation BillsVoid($id: ID!, $reason: String!) {
    voidBill(id: $id, reason: $reason) {
      ...BillDetail
    }
  }
`);

/** The month's bills as a workbook (ADMIN). */
export const BILLS_EXPORT = graphql(`
  query BillsExport($period: YearMonth!, $zoneId: ID) {
    exportBills(period: $period, zoneId: $zoneId) {
      fileName
      rows
      contentBase64
    }
  }
`);

/** The firm's own bills of a year, each with its lines. */
export const BILLS_FIRM = graphql(`
  query BillsFirm($year: Int) {
    me {
      id
      tenant {
        id
        name
        enteredOn
        bills(year: $year) {
          ...BillDetail
        }
      }
    }
  }
`);

/** One bill to print, with the park it is issued by. */
export const BILLS_DETAIL = graphql(`
  query BillsDetail($id: ID!) {
    bill(id: $id) {
      ...BillDetail
      tenant {
        id
        zone {
          id
          name
          park {
            id
            name
          }
        }
      }
    }
  }
`);
