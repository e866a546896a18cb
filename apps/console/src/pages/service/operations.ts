import { graphql } from '../../gql';

/** The service desk's operations, shared by the firm's page and the provider's. */

export const REQUEST_FIELDS = graphql(`
  fragment ServiceDeskRequestFields on ServiceRequest {
    id
    title
    description
    category
    status
    createdAt
    dueAt
    resolvedAt
    rating
    ratingComment
    assignee {
      id
      name
    }
    tenant {
      id
      name
    }
    history {
      at
      kind
      status
      note
      rating
      actorRole
      assignee {
        id
        name
      }
    }
  }
`);

export const REQUESTS = graphql(`
  query ServiceDeskRequests($tenantId: ID) {
    serviceRequests(tenantId: $tenantId) {
      ...ServiceDeskRequestFields
    }
  }
`);

export const OPEN_REQUEST = graphql(`
  mutation ServiceDeskOpenRequest($input: OpenServiceRequestInput!) {
    openServiceRequest(input: $input) {
      ...ServiceDeskRequestFields
    }
  }
`);

export const RATE_REQUEST = graphql(`
  mutation ServiceDeskRateRequest($id: ID!, $rating: Int!, $comment: String) {
    rateServiceRequest(id: $id, rating: $rating, comment: $comment) {
      ...ServiceDeskRequestFields
    }
  }
`);

export const MOVE_REQUEST = graphql(`
  mutation ServiceDeskMoveRequest($id: ID!, $status: ServiceRequestStatus!, $note: String) {
    updateServiceRequestStatus(id: $id, status: $status, note: $note) {
      ...ServiceDeskRequestFields
    }
  }
`);
