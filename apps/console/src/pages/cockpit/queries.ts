import { graphql } from '../../gql';

/**
 * The cockpit's operations. The first view is one small request (the zones and the chosen
 * year's progress: the cards); once it is in, the rest follow side by side: both zones'
 * dashboards in one request (aliases), the three-year plan in one request (aliases, sharing the
 * cache with the cards, so another year's cards show at once), the alerts, and the history of
 * the one milestone whose tab is open. Contributors are asked only when a card is opened.
 */

export const COCKPIT_PROGRESS = graphql(`
  fragment CockpitProgress on MilestoneProgress {
    actual
    forecast
    ratio
    status
    asOf
    target {
      id
      metric
      target
      year
      source
      zone {
        id
        code
      }
    }
  }
`);

export const COCKPIT_OVERVIEW = graphql(`
  query CockpitOverview($year: Int!, $asOf: Date!) {
    zones {
      id
      code
      kind
      name
      park {
        id
      }
    }
    milestoneProgress(year: $year, asOf: $asOf) {
      ...CockpitProgress
    }
  }
`);

export const COCKPIT_PLAN = graphql(`
  query CockpitPlan($asOf: Date!) {
    y2025: milestoneProgress(year: 2025, asOf: $asOf) {
      ...CockpitProgress
    }
    y2026: milestoneProgress(year: 2026, asOf: $asOf) {
      ...CockpitProgress
    }
    y2027: milestoneProgress(year: 2027, asOf: $asOf) {
      ...CockpitProgress
    }
  }
`);

export const COCKPIT_DASHBOARDS = graphql(`
  query CockpitDashboards(
    $year: Int!
    $asOf: Date!
    $startupId: ID!
    $expansionId: ID!
    $withStartup: Boolean!
    $withExpansion: Boolean!
  ) {
    startup: zoneDashboard(zoneId: $startupId, year: $year, asOf: $asOf)
      @include(if: $withStartup) {
      ...CockpitZoneFigures
    }
    expansion: zoneDashboard(zoneId: $expansionId, year: $year, asOf: $asOf)
      @include(if: $withExpansion) {
      ...CockpitZoneFigures
    }
  }

  fragment CockpitZoneFigures on ZoneDashboard {
    asOf
    year
    zone {
      id
      code
    }
    residentTenants
    newTenants
    overdueReports
    openServiceRequests
    benefitsGranted
    billed
    rentRelieved
    collected
    overdueBills
    dueToGraduate
    overstaying
    outputValueYtd
    outputByMonth {
      period
      value
    }
    occupancy {
      rate
      leasedArea
      totalArea
      unitsLeased
      unitsTotal
    }
  }
`);

export const COCKPIT_HISTORY = graphql(`
  query CockpitHistory($targetId: ID!, $from: Date!, $to: Date!) {
    milestoneHistory(targetId: $targetId, from: $from, to: $to) {
      day
      actual
      forecast
      targetValue
      status
    }
  }
`);

export const COCKPIT_ALERTS = graphql(`
  query CockpitAlerts($year: Int!, $zoneId: ID, $first: Int!) {
    milestoneAlerts(year: $year, zoneId: $zoneId, first: $first) {
      totalCount
      edges {
        node {
          id
          day
          raisedAt
          fromStatus
          toStatus
          actual
          forecast
          targetValue
          target {
            id
            metric
            zone {
              id
              code
            }
          }
        }
      }
    }
  }
`);

export const COCKPIT_CONTRIBUTORS = graphql(`
  query CockpitContributors(
    $year: Int!
    $asOf: Date!
    $zoneId: ID
    $withOutput: Boolean!
    $withCertificates: Boolean!
    $withProjects: Boolean!
  ) {
    milestoneProgress(year: $year, asOf: $asOf, zoneId: $zoneId) {
      actual
      target {
        id
      }
      contributors {
        id
        name
        enteredOn
        certifications @include(if: $withCertificates) {
          kind
          certificateNo
          issuedOn
          expiresOn
        }
        outputReports(year: $year) @include(if: $withOutput) {
          period
          outputValue
          status
        }
      }
    }
    industrializationProjects(year: $year) @include(if: $withProjects) {
      id
      name
      cultivatedOn
      tenant {
        id
      }
      zone {
        id
      }
    }
  }
`);
