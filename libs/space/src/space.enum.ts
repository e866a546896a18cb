import { registerEnumType } from '@nestjs/graphql';

export enum UnitKind {
  OFFICE = 'OFFICE',
  LAB = 'LAB',
  WORKSHOP = 'WORKSHOP',
  WORKSTATION = 'WORKSTATION',
  PILOT_LINE = 'PILOT_LINE',
  WAREHOUSE = 'WAREHOUSE',
}
registerEnumType(UnitKind, { name: 'UnitKind' });

/** Derived on a date: the condition flag first, then whether a lease covers the date. */
export enum UnitStatus {
  AVAILABLE = 'AVAILABLE',
  LEASED = 'LEASED',
  MAINTENANCE = 'MAINTENANCE',
  RETIRED = 'RETIRED',
}
registerEnumType(UnitStatus, { name: 'UnitStatus' });

/** What the space manager sets on a unit; the rest of its status follows from its leases. */
export enum UnitCondition {
  IN_SERVICE = 'IN_SERVICE',
  MAINTENANCE = 'MAINTENANCE',
  RETIRED = 'RETIRED',
}
registerEnumType(UnitCondition, {
  name: 'UnitCondition',
  valuesMap: {
    IN_SERVICE: { description: 'Can be let.' },
    MAINTENANCE: { description: 'Cannot be let for now; still part of the stock.' },
    RETIRED: { description: 'Out of the stock for good: not let, not counted in occupancy.' },
  },
});

export enum LeaseStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(LeaseStatus, {
  name: 'LeaseStatus',
  valuesMap: {
    ACTIVE: { description: 'Its period has not passed (it may not have begun yet).' },
    ENDED: { description: 'Its last day has passed.' },
    TERMINATED: { description: 'Cancelled before it began: it neither blocks nor counts.' },
  },
});

export enum SpaceApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SpaceApplicationStatus, { name: 'SpaceApplicationStatus' });
