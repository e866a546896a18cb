import { graphql } from '../../gql';

/** The operations of the service desk's board (prefixed Desk…, unique in the console). */

export const DESK_REQUEST_FIELDS = graphql(`
  fragment DeskRequestFields on ServiceRequest {
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

export const DESK_REQUESTS = graphql(`
  query DeskBoardRequests {
    serviceRequests {
      ...DeskRequestFields
    }
  }
`);

export const DESK_PROVIDERS = graphql(`
  query DeskProviders {
    serviceProviders {
      id
      name
      categories
    }
  }
`);

export const DESK_ASSIGN = graphql(`
  mutation DeskAssign($id: ID!, $providerId: ID!) {
    assignServiceRequest(id: $id, providerId: $providerId) {
      ...DeskRequestFields
    }
  }
`);

export const DESK_MOVE = graphql(`
  mutation DeskMove($id: ID!, $status: ServiceRequestStatus!, $note: String) {
    updateServiceRequestStatus(id: $id, status: $status, note: $note) {
      ...DeskRequestFields
    }
  }
`);

export const DESK_CREATE_PROVIDER = graphql(`
  mutation DeskCreateProvider($input: CreateServiceProviderInput!) {
    createServiceProvider(input: $input) {
      id
      name
      categories
    }
  }
`);
