import { graphql } from '../../gql';
import type { SpaceZoneStockQuery } from '../../gql/graphql';

/** The operations of the space pages (every name starts with Space). */

export const ZONES = graphql(`
  query SpaceZones {
    zones {
      id
      code
      kind
      name
    }
  }
`);

/** A zone's buildings with every unit and its leases: enough to draw the vacancy map. */
export const ZONE_STOCK = graphql(`
  query SpaceZoneStock($zoneId: ID!) {
    zone(id: $zoneId) {
      id
      code
      kind
      name
      occupancy {
        unitsLeased
        unitsTotal
        leasedArea
        totalArea
        rate
      }
      buildings {
        id
        code
        name
        propertyFeePerSqm
        units {
          id
          code
          floor
          kind
          area
          monthlyRentPerSqm
          condition
          status
          leases {
            id
            startDate
            endDate
            monthlyRent
            status
            tenant {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const TENANT_SEARCH = graphql(`
  query SpaceTenantSearch($nameContains: String) {
    tenants(first: 20, filter: { nameContains: $nameContains, status: RESIDENT }) {
      edges {
        node {
          id
          name
          zone {
            id
            name
          }
        }
      }
    }
  }
`);

export const CREATE_BUILDING = graphql(`
  mutation SpaceCreateBuilding($input: CreateBuildingInput!) {
    createBuilding(input: $input) {
      id
      code
      name
      propertyFeePerSqm
    }
  }
`);

export const UPDATE_BUILDING = graphql(`
  mutation SpaceUpdateBuilding($input: UpdateBuildingInput!) {
    updateBuilding(input: $input) {
      id
      code
      name
      propertyFeePerSqm
    }
  }
`);

export const CREATE_UNIT = graphql(`
  mutation SpaceCreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      id
      code
    }
  }
`);

export const UPDATE_UNIT = graphql(`
  mutation SpaceUpdateUnit($input: UpdateUnitInput!) {
    updateUnit(input: $input) {
      id
      code
      floor
      kind
      area
      monthlyRentPerSqm
    }
  }
`);

export const ALLOCATE_UNIT = graphql(`
  mutation SpaceAllocateUnit($input: AllocateUnitInput!) {
    allocateUnit(input: $input) {
      id
      startDate
      endDate
      monthlyRent
      status
    }
  }
`);

export const END_LEASE = graphql(`
  mutation SpaceEndLease($id: ID!, $endDate: Date!) {
    endLease(id: $id, endDate: $endDate) {
      id
      startDate
      endDate
      status
    }
  }
`);

export const SET_UNIT_CONDITION = graphql(`
  mutation SpaceSetUnitCondition($input: SetUnitConditionInput!) {
    setUnitCondition(input: $input) {
      id
      condition
      status
    }
  }
`);

export const APPLICATIONS = graphql(`
  query SpaceApplicationsQueue($status: SpaceApplicationStatus) {
    spaceApplications(status: $status) {
      id
      area
      createdAt
      decisionNote
      fromDate
      toDate
      purpose
      status
      unitKind
      tenant {
        id
        name
      }
      zone {
        id
        kind
        name
      }
      lease {
        id
        startDate
        endDate
        monthlyRent
        unit {
          id
          code
          building {
            id
            code
            name
          }
        }
      }
    }
  }
`);

export const APPROVE_APPLICATION = graphql(`
  mutation SpaceApproveApplication($id: ID!, $unitId: ID!, $note: String) {
    approveSpaceApplication(id: $id, unitId: $unitId, note: $note) {
      id
      status
      decisionNote
    }
  }
`);

export const REJECT_APPLICATION = graphql(`
  mutation SpaceRejectApplication($id: ID!, $note: String!) {
    rejectSpaceApplication(id: $id, note: $note) {
      id
      status
      decisionNote
    }
  }
`);

export type Zone = NonNullable<SpaceZoneStockQuery['zone']>;
export type Building = Zone['buildings'][number];
export type Unit = Building['units'][number];
export type Lease = Unit['leases'][number];
