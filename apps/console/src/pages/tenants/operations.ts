import { graphql } from '../../gql';

/** The list: one page of tenants, with what its columns and the page's own filters need. */
export const TENANTS_LIST = graphql(`
  query TenantsList($first: Int!, $after: String, $filter: TenantFilter) {
    tenants(first: $first, after: $after, filter: $filter) {
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
          kind
          status
          enteredOn
          exitedOn
          incubation {
            stage
          }
          zone {
            id
            code
            kind
            name
          }
          certifications {
            id
            kind
            certificateNo
            issuedOn
            expiresOn
          }
        }
      }
    }
  }
`);

export const TENANTS_ZONES = graphql(`
  query TenantsZones {
    zones {
      id
      code
      kind
      name
    }
  }
`);

export const TENANTS_REGISTER = graphql(`
  mutation TenantsRegister($input: RegisterTenantInput!) {
    registerTenant(input: $input) {
      id
      name
    }
  }
`);

/**
 * A tenant's page. Each section is asked for only when the role may read it (`@include`), so a
 * role never asks for a field its access policy refuses it.
 */
export const TENANTS_DETAIL = graphql(`
  query TenantsDetail(
    $id: ID!
    $withCertifications: Boolean!
    $withLeases: Boolean!
    $withReports: Boolean!
    $withBenefits: Boolean!
    $withRequests: Boolean!
    $withProjects: Boolean!
  ) {
    tenant(id: $id) {
      id
      name
      creditCode
      kind
      status
      industryChain
      isTechFirm
      enteredOn
      exitedOn
      foundedOn
      incubation {
        stage
        endsOn
        monthsResident
        youngAtEntry
      }
      zone {
        id
        code
        kind
        name
      }
      certifications @include(if: $withCertifications) {
        id
        kind
        certificateNo
        issuedOn
        expiresOn
      }
      leases @include(if: $withLeases) {
        id
        startDate
        endDate
        monthlyRent
        status
        unit {
          id
          code
          building {
            id
            name
          }
        }
      }
      outputReports @include(if: $withReports) {
        id
        period
        revision
        status
        outputValue
        revenue
        submittedAt
      }
    }
    benefitApplications(tenantId: $id) @include(if: $withBenefits) {
      id
      status
      requestedAmount
      grantedAmount
      submittedAt
      policy {
        id
        title
      }
    }
    serviceRequests(tenantId: $id) @include(if: $withRequests) {
      id
      title
      category
      status
      createdAt
      assignee {
        id
        name
      }
    }
    industrializationProjects @include(if: $withProjects) {
      id
      name
      stage
      cultivatedOn
      tenant {
        id
      }
      zone {
        id
        kind
        name
      }
    }
  }
`);

/** The tenant's audit history (ADMIN only), newest first, a page at a time. */
export const TENANTS_AUDIT = graphql(`
  query TenantsAudit($entityId: String!, $first: Int!, $after: String) {
    auditEvents(entity: "Tenant", entityId: $entityId, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          at
          operation
          actorRole
          before
          after
        }
      }
    }
  }
`);

export const TENANTS_UPDATE = graphql(`
  mutation TenantsUpdate($input: UpdateTenantInput!) {
    updateTenant(input: $input) {
      id
      name
      creditCode
      kind
      industryChain
      isTechFirm
      foundedOn
    }
  }
`);

export const TENANTS_EXIT = graphql(`
  mutation TenantsExit($input: ExitTenantInput!) {
    exitTenant(input: $input) {
      id
      status
      exitedOn
    }
  }
`);

export const TENANTS_ADD_CERTIFICATION = graphql(`
  mutation TenantsAddCertification($input: AddCertificationInput!) {
    addCertification(input: $input) {
      id
      kind
      certificateNo
      issuedOn
      expiresOn
    }
  }
`);

export const TENANTS_RECORD_PROJECT = graphql(`
  mutation TenantsRecordProject($input: RecordProjectInput!) {
    recordIndustrializationProject(input: $input) {
      id
      name
      stage
      cultivatedOn
    }
  }
`);
